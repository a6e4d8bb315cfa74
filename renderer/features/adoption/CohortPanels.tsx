import { useId } from 'react';
import { type CohortStatus, laggingRanked } from '../../../shared/areas/adoption/trajectory';

// Each cohort against its trajectory, and the lagging ones ranked by people behind, each with
// its enablement action and owner (or a plain "no action yet", which is the gap to close).

const pct = (n: number) => `${Number(n.toFixed(1))}%`;

export function LaggingPanel({ statuses }: { statuses: readonly CohortStatus[] }) {
  const id = useId();
  const lagging = laggingRanked(statuses);
  return (
    <section className="collection" aria-labelledby={`${id}-title`} data-testid="lagging-panel">
      <div className="collection-head">
        <h2 id={`${id}-title`}>Lagging cohorts</h2>
        <span className={`tag${lagging.length ? ' tag-warn' : ''}`}>{lagging.length} lagging</span>
      </div>
      <p className="collection-intro">
        Five points or more under their target trajectory, most people behind first: where enablement buys the
        most.
      </p>
      {lagging.length === 0 ? (
        <p className="collection-empty">Every cohort with usage is on or ahead of its trajectory.</p>
      ) : (
        <ol className="lagging-list">
          {lagging.map((s) => (
            <li key={s.cohort.id} data-testid="lagging-cohort" data-cohort={s.cohort.name}>
              <p className="strong">
                {s.cohort.name}: {pct(s.latest!.pct)} active on day {s.latest!.n}, {pct(s.gap)} under the{' '}
                {pct(s.expected)} expected — about {s.behind.toLocaleString('en-US')}{' '}
                {s.behind === 1 ? 'person' : 'people'} behind
              </p>
              <p className="small">
                {s.cohort.action ? (
                  <>
                    Action: {s.cohort.action} —{' '}
                    {s.cohort.actionOwner || <span className="tag tag-warn">no owner</span>}
                  </>
                ) : (
                  <span className="tag tag-warn">No enablement action yet: add one to the cohort below</span>
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function CohortTable({ statuses }: { statuses: readonly CohortStatus[] }) {
  const id = useId();
  return (
    <section className="collection" aria-labelledby={`${id}-title`} data-testid="cohort-status">
      <h2 id={`${id}-title`}>Cohorts against their targets</h2>
      <table className="items">
        <thead>
          <tr>
            <th scope="col">Cohort</th>
            <th scope="col">Latest</th>
            <th scope="col">Expected now</th>
            <th scope="col">Target</th>
            <th scope="col">Time to value</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {statuses.map((s) => (
            <tr key={s.cohort.id} data-testid="cohort-row" data-cohort={s.cohort.name}>
              <td className="strong">
                {s.cohort.name} <span className="muted small">({s.cohort.size.toLocaleString('en-US')})</span>
              </td>
              <td className="nowrap">{s.latest ? `${pct(s.latest.pct)} (${s.latest.day})` : '—'}</td>
              <td className="nowrap">{s.latest ? pct(s.expected) : '—'}</td>
              <td className="nowrap">
                {s.cohort.targetPct}% in {s.cohort.targetDays} days
              </td>
              <td className="nowrap">
                {s.timeToValue === null ? (
                  <span className="muted">not measured</span>
                ) : (
                  `${s.timeToValue} days`
                )}
              </td>
              <td>
                {!s.latest ? (
                  <span className="muted">no usage yet</span>
                ) : s.slipped ? (
                  <span className="tag tag-bad" data-testid="cohort-slipped">
                    Slipped: met {s.cohort.targetPct}% on {s.metOn}, now {pct(s.latest.pct)}
                  </span>
                ) : s.lagging ? (
                  <span className="tag tag-warn">Lagging</span>
                ) : s.metOn ? (
                  <span className="tag tag-ok">Target met {s.metOn}</span>
                ) : (
                  <span className="tag">On track</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
