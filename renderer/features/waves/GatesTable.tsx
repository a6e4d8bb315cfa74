import { stopCondition } from '../../../shared/areas/success/format';
import type { GateVerdict } from '../../../shared/areas/waves/gates';
import type { Metric } from '../../../shared/areas/waves/schema';
import { clockTime, formatDuration, withUnit } from '../../../shared/domain/format';
import { StatusBadge } from '../../components/StatusBadge';

/** The newest readings listed under a gate; an import can put thousands in one window. */
const LISTED = 50;

// The gates of one wave: what each stop condition says now, how fresh its data is, and the
// readings behind it, one click away.

export function Freshness({ gate, now }: { gate: GateVerdict; now: number }) {
  if (!gate.latest) return <span className="muted">no data</span>;
  const age = formatDuration(now - Date.parse(gate.latest.at));
  return (
    <span className={gate.stale ? 'stale-text' : undefined}>
      as of {clockTime(gate.latest.at)}, {age} ago
      {gate.stale ? ` — STALE after ${gate.staleAfterMinutes} min` : ''}
    </span>
  );
}

export function GatesTable({
  gates,
  metrics,
  now,
}: {
  gates: GateVerdict[];
  metrics: readonly Metric[];
  now: number;
}) {
  if (gates.length === 0) {
    return (
      <p className="collection-empty">No stop condition gates this wave: add some in the wave plan below.</p>
    );
  }
  const unit = (g: GateVerdict) => metrics.find((m) => m.id === g.metricId)?.unit ?? g.stop.unit;
  return (
    <div className="table-wrap">
      <table className="items gates">
        <caption className="visually-hidden">Gates: each stop condition, what it says now and why</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Stop condition</th>
            <th scope="col">Latest</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {gates.map((g) => (
            <tr
              key={g.stopConditionId}
              data-testid={`gate-${g.stopConditionId}`}
              className={g.stale ? 'stale' : undefined}
            >
              <td>
                <StatusBadge kind="gate" value={g.status} stale={g.stale} testid="gate-status" />
              </td>
              <td>
                <span className="strong">{stopCondition(g.stop)}</span>
                <span className="muted small block">
                  {g.stop.action === 'rollback'
                    ? 'Roll back'
                    : g.stop.action === 'pause'
                      ? 'Pause'
                      : 'Escalate'}{' '}
                  · called by {g.stop.callers.join(', ')}
                </span>
              </td>
              <td className="nowrap">
                {g.latest ? <span className="strong">{withUnit(g.latest.value, unit(g))}</span> : null}
                <span className="small block">
                  <Freshness gate={g} now={now} />
                </span>
              </td>
              <td className="wide">
                <span data-testid="gate-reason">{g.reason}</span>
                {g.readings.length > 0 ? (
                  <details className="changes">
                    <summary>
                      {g.readings.length} reading{g.readings.length === 1 ? '' : 's'} in the window
                    </summary>
                    <ul>
                      {g.readings.length > LISTED ? (
                        <li className="muted">
                          The gate counts all {g.readings.length}; the {LISTED} newest are listed here.
                        </li>
                      ) : null}
                      {g.readings.slice(-LISTED).map((r) => (
                        <li key={r.id}>
                          {clockTime(r.at)}: {withUnit(r.value, unit(g))}
                          {r.source ? ` (${r.source})` : ''} — entered by {r.by}
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
