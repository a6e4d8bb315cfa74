import { formatDrillTime } from '../../../shared/areas/drills/clock';
import { currentRun, participantView } from '../../../shared/areas/drills/run-view';
import { useAppStore } from '../../store/app-store';
import { DrillClockFace, ExerciseMark } from './DrillClock';

// The running drill on the projector: EXERCISE, the clock and the last injects, from the same
// participant view as the participants' screen (the room sees what participants see). Draws
// nothing when no drill runs.

export function ProjectorDrill({ now }: { now: number }) {
  const runs = useAppStore((s) => s.session?.workbook?.drills.runs);
  const run = runs ? currentRun(runs) : null;
  if (!run) return null;
  const view = participantView(run, now);
  return (
    <section
      className="pj-panel pj-drill"
      aria-label={`Drill: ${view.scenarioName}`}
      data-testid="projector-drill"
    >
      <ExerciseMark large />
      <h2 className="pj-heading">Drill: {view.scenarioName}</h2>
      <DrillClockFace
        drillMs={view.drillMs}
        now={now}
        paused={view.paused}
        ended={view.ended}
        speed={view.speed}
      />
      {view.question ? <p className="pj-drill-question">Discuss: {view.question}</p> : null}
      {/* Titles only, newest first: the back row reads what happened, the detail is on the
          participants' screen. */}
      <ul className="pj-drill-feed" data-testid="projector-drill-feed">
        {view.fired.slice(0, 4).map((f) => (
          <li key={f.id} data-testid={`fired-${f.id}`}>
            <span className="pj-drill-t">{formatDrillTime(f.drillMs)}</span> {f.title}
            {f.how === 'card' ? ' (card)' : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
