import { useMemo } from 'react';
import { formatDrillTime } from '../../../shared/areas/drills/clock';
import { replayPosition } from '../../../shared/areas/drills/replay';
import { runLengthMs, runTimeline } from '../../../shared/areas/drills/review';
import { useAppStore } from '../../store/app-store';
import { ReplayTimeline } from './ReplayTimeline';
import { useNow, useSharedReplay } from './replay-state';

// The drill replay on the projector, following the main window: the host pushes where the replay
// is, how fast and whether it plays, and the board draws the position itself from that. Only what
// has happened by then is shown, newest last, with EXERCISE across the top.

export function ProjectorReplay() {
  const shared = useSharedReplay();
  const run = useAppStore(
    (s) => s.session?.workbook?.drills.runs.find((r) => r.id === shared?.runId) ?? null,
  );
  const events = useMemo(() => (run ? runTimeline(run) : []), [run]);
  const lengthMs = useMemo(() => (run ? runLengthMs(run) : 1), [run]);
  const now = useNow(shared?.playing ?? false, 250);
  if (!shared || !run) return null;
  const positionMs = replayPosition(shared, now, lengthMs);
  return (
    <section
      className="pj-panel pj-replay"
      aria-labelledby="pj-replay-title"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: panels are focus stops for the arrow keys
      tabIndex={0}
      data-panel="replay"
      data-testid="projector-replay"
    >
      <p className="pj-exercise">EXERCISE</p>
      <h2 id="pj-replay-title" className="pj-heading">
        Replay: {run.scenario.name}{' '}
        <span className="pj-replay-time" data-testid="projector-replay-position">
          {formatDrillTime(positionMs)}
        </span>
      </h2>
      <ReplayTimeline
        events={events}
        positionMs={positionMs}
        lengthMs={lengthMs}
        upcoming={false}
        latest={5}
      />
    </section>
  );
}
