import { useId } from 'react';
import { rankFrictions } from '../../../shared/areas/adoption/friction';
import type { Friction } from '../../../shared/areas/adoption/schema';
import { type Trend, type TrendRow, WINDOWS } from '../../../shared/areas/adoption/stability';

// Friction ranked by the hours it costs, and the 30/60/90-day trends of adoption and reliability
// with the person who answers for each (a row with nobody is flagged, not hidden).

export function FrictionRanking({ frictions }: { frictions: readonly Friction[] }) {
  const id = useId();
  const ranked = rankFrictions(frictions);
  return (
    <section className="collection" aria-labelledby={`${id}-title`} data-testid="friction-ranking">
      <h2 id={`${id}-title`}>Friction, costliest first</h2>
      {ranked.length === 0 ? (
        <p className="collection-empty">No open friction point.</p>
      ) : (
        <ol className="lagging-list">
          {ranked.map(({ friction: f, hoursPerWeek }) => (
            <li key={f.id} data-testid="friction-item" data-friction={f.title}>
              <span className="strong">{f.title}</span> — {f.usersAffected.toLocaleString('en-US')} people ×{' '}
              {f.minutesLost} min a week ≈{' '}
              <strong>
                {Math.round(hoursPerWeek).toLocaleString('en-US')} hour
                {Math.round(hoursPerWeek) === 1 ? '' : 's'} a week
              </strong>
              {f.owner ? ` · ${f.owner}` : <span className="tag tag-warn">no owner</span>}
              {f.status === 'mitigating' ? <span className="tag">mitigating</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const TREND: Record<Trend, { word: string; icon: string; className: string }> = {
  improving: { word: 'improving', icon: '▲', className: 'tag-ok' },
  stable: { word: 'stable', icon: '●', className: '' },
  declining: { word: 'declining', icon: '▼', className: 'tag-bad' },
  'no-data': { word: 'not enough data', icon: '?', className: '' },
};

const value = (n: number | null, unit: string) =>
  n === null
    ? '—'
    : `${Number(n.toFixed(unit === '%' ? 1 : 3))}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`;

export function TrendTable({ rows }: { rows: readonly TrendRow[] }) {
  const id = useId();
  return (
    <section className="collection" aria-labelledby={`${id}-title`} data-testid="trends">
      <h2 id={`${id}-title`}>Holding up after launch: 30, 60 and 90 days</h2>
      <p className="collection-intro">
        Each cohort’s active share and each watched reliability metric, against where it stood a window
        earlier.
      </p>
      {rows.length === 0 ? (
        <p className="collection-empty">
          Nothing to follow yet: add cohorts, or stop conditions with metrics.
        </p>
      ) : (
        <table className="items">
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Owner</th>
              {WINDOWS.map((d) => (
                <th scope="col" key={d}>
                  {d} days
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.kind}-${r.id}`} data-testid="trend-row" data-name={r.name}>
                <td className="strong">
                  {r.name} <span className="muted small">{r.kind}</span>
                </td>
                <td>{r.owner || <span className="tag tag-warn">nobody</span>}</td>
                {r.windows.map((w) => {
                  const t = TREND[w.trend];
                  return (
                    <td key={w.days} className="nowrap" data-trend={w.trend}>
                      <span className={`tag ${t.className}`}>
                        <span aria-hidden="true">{t.icon}</span> {t.word}
                      </span>
                      {w.from !== null && w.to !== null ? (
                        <span className="muted small">
                          {' '}
                          {value(w.from, r.unit)} → {value(w.to, r.unit)}
                        </span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
