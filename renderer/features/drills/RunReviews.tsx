import { useMemo, useState } from 'react';
import { reviewRun } from '../../../shared/areas/drills/review';
import type { DrillRun } from '../../../shared/areas/drills/run-schema';
import { useAppStore } from '../../store/app-store';
import { ReplayView } from './ReplayView';
import { ReportView } from './ReportView';
import { ScoringView } from './ScoringView';

// After a drill: pick a finished run, then score it, replay it, or make its report. The three
// views read one review of the run (shared/areas/drills/review.ts), so they never disagree.

const NO_RUNS: DrillRun[] = [];
type View = 'scoring' | 'replay' | 'report';
const VIEWS: { id: View; label: string }[] = [
  { id: 'scoring', label: 'Scoring' },
  { id: 'replay', label: 'Replay' },
  { id: 'report', label: 'Report' },
];

const day = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

export function RunReviews() {
  const runs = useAppStore((s) => s.session?.workbook?.drills.runs ?? NO_RUNS);
  const readOnly = useAppStore((s) => s.session?.file?.readOnly ?? false);
  const finished = runs.filter((r) => r.endedAt !== null).sort((a, b) => b.endedAt! - a.endedAt!);
  const [picked, setPicked] = useState<string | null>(null);
  const [view, setView] = useState<View>('scoring');
  const run = finished.find((r) => r.id === picked) ?? finished[0] ?? null;
  const review = useMemo(() => (run ? reviewRun(run) : null), [run]);

  return (
    <section
      className="collection run-reviews"
      data-testid="run-reviews"
      aria-labelledby="run-reviews-heading"
    >
      <div className="collection-head">
        <div>
          <h2 id="run-reviews-heading">
            After the drill <span className="count">({finished.length})</span>
          </h2>
          <p className="collection-intro">
            Score a finished drill against what was expected, replay it for the room, and make the
            after-action report with its improvement plan. Marked EXERCISE throughout.
          </p>
        </div>
      </div>
      {finished.length === 0 ? (
        <p className="collection-empty">No finished drills yet: run one, finish it, and score it here.</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor="review-run">Drill</label>
            <select
              id="review-run"
              data-testid="review-run"
              value={run?.id ?? ''}
              onChange={(e) => setPicked(e.target.value)}
            >
              {finished.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.scenario.name}, ended {day(r.endedAt!)} UTC{r.reportFinal ? ' (final)' : ''}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="review-switch">
            <legend className="visually-hidden">Show</legend>
            {VIEWS.map((v) => (
              <button
                key={v.id}
                type="button"
                className={`btn${view === v.id ? ' primary' : ''}`}
                aria-pressed={view === v.id}
                data-testid={`review-view-${v.id}`}
                onClick={() => setView(v.id)}
              >
                {v.label}
              </button>
            ))}
          </fieldset>
          {run && review ? (
            <div className="run-review" data-testid={`run-review-${run.id}`} key={run.id}>
              {view === 'scoring' ? (
                <>
                  {run.reportFinal ? (
                    <p className="muted" data-testid="scoring-locked">
                      The report is final, so its scores are frozen: mark it as a draft again (Report) to
                      change them.
                    </p>
                  ) : null}
                  <ScoringView run={run} review={review} locked={readOnly || run.reportFinal} />
                </>
              ) : null}
              {view === 'replay' ? <ReplayView run={run} /> : null}
              {view === 'report' ? <ReportView run={run} /> : null}
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
