import { currentRun, participantView } from '../../../shared/areas/drills/run-view';
import { useNow } from '../../components/use-now';
import { useAppStore } from '../../store/app-store';
import { DrillClockFace, ExerciseMark, FiredItem } from './DrillClock';
import './drills.css';

// The participants' screen: a route of its own (#/drill-room), opened by the facilitator in a new
// window and dragged to the room's display, like the projector. It shows ONLY what participants
// should see, taken from participantView (shared/areas/drills/run-view.ts): the injects that have
// fired, the clock and the current question. Never the expected actions or what is coming.

export const PARTICIPANT_ROUTE = '/drill-room';

function wantedRun(): string {
  const query = window.location.hash.split('?')[1] ?? '';
  return new URLSearchParams(query).get('run') ?? '';
}

export function ParticipantPage() {
  const now = useNow(250);
  const runs = useAppStore((s) => s.session?.workbook?.drills.runs);
  const run = runs ? currentRun(runs, wantedRun()) : null;
  const view = run ? participantView(run, now) : null;
  return (
    <main className="participant-page" data-testid="participant-page">
      <ExerciseMark large />
      {view === null ? (
        <p className="participant-wait" data-testid="participant-waiting">
          Waiting for the facilitator to start a drill…
        </p>
      ) : (
        <>
          <header className="participant-head">
            <h1>{view.scenarioName}</h1>
            <DrillClockFace
              drillMs={view.drillMs}
              now={now}
              paused={view.paused}
              ended={view.ended}
              speed={view.speed}
            />
          </header>
          {view.question ? (
            <section
              className="participant-question"
              aria-label="Discussion question"
              data-testid="participant-question"
            >
              <h2>Discuss</h2>
              <p>{view.question}</p>
            </section>
          ) : null}
          <section aria-label="What has happened">
            <h2>What has happened</h2>
            {view.fired.length === 0 ? <p className="muted">Nothing yet. Stand by.</p> : null}
            <ul className="fired-list large" data-testid="participant-feed">
              {view.fired.map((f) => (
                <FiredItem key={f.id} item={f} />
              ))}
            </ul>
          </section>
        </>
      )}
    </main>
  );
}
