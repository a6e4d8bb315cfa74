import { useEffect, useMemo, useRef, useState } from 'react';
import { formatDrillTime } from '../../../shared/areas/drills/clock';
import {
  nextEventMs,
  previousEventMs,
  REPLAY_SPEEDS,
  type ReplayState,
  replayPosition,
  settle,
} from '../../../shared/areas/drills/replay';
import { runLengthMs, runTimeline } from '../../../shared/areas/drills/review';
import type { DrillRun } from '../../../shared/areas/drills/run-schema';
import { OpenProjectorButton } from '../../app/projector/OpenProjectorButton';
import { getBridge } from '../../bridge';
import { ExerciseMark } from './DrillClock';
import { ReplayTimeline } from './ReplayTimeline';
import { useNow } from './replay-state';

// Playing a finished drill back: the injects and the room's log in place on its timeline, at 1×
// to 10×, with pause and a step to the previous or next event. Every move is shared through the
// host, so the projector shows the same position (it computes the moving position itself from
// where and when it was set, so nothing is sent while it plays).

export function ReplayView({ run }: { run: DrillRun }) {
  const events = useMemo(() => runTimeline(run), [run]);
  const lengthMs = useMemo(() => runLengthMs(run), [run]);
  const [state, setState] = useState<ReplayState>(() => ({
    positionMs: 0,
    speed: 1,
    playing: false,
    setAt: Date.now(),
  }));
  const now = useNow(state.playing);
  const positionMs = replayPosition(state, now, lengthMs);
  const atEnd = positionMs >= lengthMs;
  const playing = state.playing && !atEnd;

  const share = useRef(run.id);
  share.current = run.id;
  useEffect(() => {
    void getBridge()
      .invoke('drills:share-replay', {
        runId: share.current,
        positionMs: Math.round(state.positionMs),
        speed: state.speed,
        playing: state.playing,
      })
      .catch(() => undefined);
  }, [state]);
  // Leaving the replay stops the projector's too.
  useEffect(
    () => () => {
      void getBridge()
        .invoke('drills:share-replay', null)
        .catch(() => undefined);
    },
    [],
  );

  const move = (change: (s: ReplayState) => Partial<ReplayState>) =>
    setState((s) => {
      const settled = settle(s, Date.now(), lengthMs);
      return { ...settled, ...change(settled) };
    });
  const next = nextEventMs(events, positionMs);

  return (
    <div className="drill-replay" data-testid="drill-replay">
      <ExerciseMark note="replay of a drill, not a live incident" />
      <fieldset className="replay-controls">
        <legend className="visually-hidden">Replay controls</legend>
        <button
          type="button"
          className="btn"
          data-testid="replay-prev"
          onClick={() => move((s) => ({ positionMs: previousEventMs(events, s.positionMs), playing: false }))}
        >
          ← Previous event
        </button>
        <button
          type="button"
          className="btn primary"
          data-testid="replay-play"
          onClick={() =>
            move((s) =>
              playing
                ? { playing: false }
                : { playing: true, positionMs: s.positionMs >= lengthMs ? 0 : s.positionMs },
            )
          }
        >
          {playing ? '⏸ Pause' : atEnd ? '↺ Play again' : '▶ Play'}
        </button>
        <button
          type="button"
          className="btn"
          data-testid="replay-next"
          disabled={next === null}
          onClick={() =>
            move((s) => ({ positionMs: nextEventMs(events, s.positionMs) ?? s.positionMs, playing: false }))
          }
        >
          Next event →
        </button>
        <div className="field inline">
          <label htmlFor="replay-speed">Speed</label>
          <select
            id="replay-speed"
            data-testid="replay-speed"
            value={state.speed}
            onChange={(e) => {
              const speed = Number(e.target.value);
              move(() => ({ speed }));
            }}
          >
            {REPLAY_SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </div>
        <span className="replay-position mono" data-testid="replay-position" aria-live="polite">
          {formatDrillTime(playing ? Math.floor(positionMs / 1000) * 1000 : positionMs)} of{' '}
          {formatDrillTime(lengthMs)}
        </span>
        <OpenProjectorButton />
      </fieldset>
      <ReplayTimeline events={events} positionMs={positionMs} lengthMs={lengthMs} />
    </div>
  );
}
