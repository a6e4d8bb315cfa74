import { useId, useState } from 'react';
import { formatValue, kpiVerdict } from '../../../shared/areas/pilot/kpis';
import type { Pilot } from '../../../shared/areas/pilot/schema';
import { StatusBadge } from '../../components/StatusBadge';
import { useCommand } from '../../components/use-command';

// Pass or fail per KPI, with the reason, the latest reading, and a target moved after the start
// said beside it. Readings are added here and targets moved here: both are the pilot's own
// commands, so the history of a target cannot be rewritten from the list editor.

const today = () => new Date().toISOString().slice(0, 10);

export function KpiPanel({
  pilot,
  revision,
  readOnly,
}: {
  pilot: Pilot;
  revision: number;
  readOnly: boolean;
}) {
  const id = useId();
  const cmd = useCommand();
  const [kpiId, setKpiId] = useState('');
  const [day, setDay] = useState(today);
  const [value, setValue] = useState('');
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const chosen = pilot.kpis.find((k) => k.id === kpiId) ?? pilot.kpis[0];

  const number = (text: string, label: string): number | null => {
    const n = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(n)) {
      cmd.refuse(`${label} must be a number`, label.toLowerCase());
      return null;
    }
    return n;
  };
  const addReading = () => {
    const n = number(value, 'Value');
    if (n === null || !chosen) return;
    void cmd.run({ type: 'pilot.kpi-reading', baseRevision: revision, kpiId: chosen.id, day, value: n }, () =>
      setValue(''),
    );
  };
  const moveTarget = () => {
    const n = number(target, 'Target');
    if (n === null || !chosen) return;
    void cmd.run(
      { type: 'pilot.kpi-target', baseRevision: revision, kpiId: chosen.id, target: n, reason },
      () => {
        setTarget('');
        setReason('');
      },
    );
  };

  return (
    <section className="collection pilot-kpis" aria-labelledby={`${id}-title`} data-testid="kpi-panel">
      <div className="collection-head">
        <h2 id={`${id}-title`}>KPIs against their targets</h2>
        {pilot.startedAt ? (
          <span className="tag" data-testid="pilot-started">
            Pilot started {pilot.startedAt.slice(0, 10)}
          </span>
        ) : (
          <button
            type="button"
            className="btn primary"
            disabled={readOnly || cmd.busy}
            data-testid="start-pilot"
            onClick={() => void cmd.run({ type: 'pilot.start', baseRevision: revision })}
          >
            Start the pilot
          </button>
        )}
      </div>
      <p className="collection-intro">
        {pilot.startedAt
          ? 'Targets are locked in: moving one now needs a reason, and the move is shown beside its verdict.'
          : 'Set the targets now. Once the pilot starts, a moved target is recorded with who, when and why.'}
      </p>
      {pilot.kpis.length === 0 ? (
        <p className="collection-empty">No KPIs yet: add them in the list below.</p>
      ) : (
        <table className="items" data-testid="kpi-verdicts">
          <thead>
            <tr>
              <th scope="col">KPI</th>
              <th scope="col">Target</th>
              <th scope="col">Latest</th>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {pilot.kpis.map((k) => {
              const v = kpiVerdict(k);
              return (
                <tr key={k.id} data-testid="kpi-row" data-kpi={k.name} data-verdict={v.status}>
                  <td className="strong">{k.name}</td>
                  <td className="nowrap">
                    {k.direction === 'below' ? '≤ ' : '≥ '}
                    {formatValue(k.target, k.unit)}
                    {v.moved ? (
                      <span
                        className="tag tag-warn"
                        data-testid="kpi-moved"
                        title={movedTitle(v.moved.changes)}
                      >
                        moved after start (was {formatValue(v.moved.original, k.unit)})
                      </span>
                    ) : null}
                  </td>
                  <td className="nowrap">
                    {v.latest ? `${formatValue(v.latest.value, k.unit)} (${v.latest.day})` : '—'}
                  </td>
                  <td>
                    <StatusBadge kind="kpi" value={v.status} /> <span className="small">{v.reason}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {pilot.kpis.length > 0 && !readOnly ? (
        <div className="kpi-forms">
          <label>
            KPI
            <select
              value={chosen?.id ?? ''}
              onChange={(e) => setKpiId(e.target.value)}
              data-testid="kpi-choice"
            >
              {pilot.kpis.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.name}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>Record a reading</legend>
            <label>
              Date
              <input type="date" value={day} onChange={(e) => setDay(e.target.value)} />
            </label>
            <label>
              Value
              <input
                inputMode="decimal"
                value={value}
                onChange={(e) => setValue(e.target.value)}
                data-testid="kpi-value"
              />
            </label>
            <button
              type="button"
              className="btn"
              disabled={cmd.busy}
              onClick={addReading}
              data-testid="kpi-add-reading"
            >
              Add reading
            </button>
          </fieldset>
          <fieldset>
            <legend>Change target</legend>
            <label>
              New target
              <input
                inputMode="decimal"
                value={target}
                onChange={(e) => setTarget(e.target.value)}
                data-testid="kpi-target"
              />
            </label>
            <label>
              Why{pilot.startedAt ? ' (required after the start)' : ''}
              <input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="kpi-reason" />
            </label>
            <button
              type="button"
              className="btn"
              disabled={cmd.busy}
              onClick={moveTarget}
              data-testid="kpi-move-target"
            >
              Change target
            </button>
          </fieldset>
        </div>
      ) : null}
      {cmd.error ? (
        <p className="form-error" role="alert" data-testid="kpi-error">
          {cmd.error}
        </p>
      ) : null}
    </section>
  );
}

function movedTitle(changes: Pilot['kpis'][number]['targetChanges']): string {
  return changes.map((c) => `${c.at.slice(0, 10)} ${c.by}: ${c.from} → ${c.to} (${c.reason})`).join('\n');
}
