import { useId, useState } from 'react';
import { formatDrillTime } from '../../../shared/areas/drills/clock';
import type { DrillRun } from '../../../shared/areas/drills/run-schema';
import type { Scenario } from '../../../shared/areas/drills/schema';
import { newId } from '../../components/collection/draft';
import { useCommand } from '../../components/use-command';
import { useAppStore } from '../../store/app-store';
import { wallClock } from './DrillClock';
import { RunView } from './RunView';

// The drills run from the library: "Run this scenario" prepares one (a copy of the scenario, so
// later edits to the library never rewrite a past drill), and each run opens on the facilitator's
// screen. Past runs stay listed for their scores and report.

const NO_RUNS: DrillRun[] = [];
const NO_SCENARIOS: Scenario[] = [];

function state(r: DrillRun): string {
  if (r.endedAt !== null) return `finished ${new Date(r.endedAt).toLocaleDateString()}`;
  if (r.clock === null) return 'ready to start';
  return r.clock.pausedAt !== null ? 'paused' : `running at ${r.clock.speed}×`;
}

export function DrillRuns() {
  const id = useId();
  const wb = useAppStore((s) => s.session?.workbook ?? null);
  const runs = useAppStore((s) => s.session?.workbook?.drills.runs ?? NO_RUNS);
  const scenarios = useAppStore((s) => s.session?.workbook?.drills.scenarios ?? NO_SCENARIOS);
  const readOnly = useAppStore((s) => s.session?.file?.readOnly ?? false);
  const me = useAppStore((s) => s.session?.user?.name ?? '');
  const [open, setOpen] = useState<string | null>(null);
  const [pick, setPick] = useState('');
  const [facilitator, setFacilitator] = useState(me);
  const cmd = useCommand();
  const scenarioId = scenarios.some((s) => s.id === pick) ? pick : (scenarios[0]?.id ?? '');
  const shown = runs.find((r) => r.id === open);
  if (wb && shown) return <RunView wb={wb} run={shown} readOnly={readOnly} onClose={() => setOpen(null)} />;

  const create = () => {
    // Short: a runbook run inside the drill is named after it, and run ids are at most 40 characters.
    const runId = newId('drill').slice(0, 24);
    void cmd.run({ type: 'drills.run-create', runId, scenarioId, facilitator: facilitator || me }, () =>
      setOpen(runId),
    );
  };
  return (
    <section className="collection" data-testid="drill-runs" aria-labelledby={`${id}-h`}>
      <div className="collection-head">
        <div>
          <h2 id={`${id}-h`}>
            Drills run <span className="count">({runs.length})</span>
          </h2>
          <p className="collection-intro">
            Each drill runs on a clock the app keeps (1× to 60×), with its own incident marked as a drill:
            never counted in real incident or delivery figures.
          </p>
        </div>
      </div>
      {runs.length > 0 ? (
        <div className="table-wrap">
          <table className="items">
            <thead>
              <tr>
                <th scope="col">Scenario</th>
                <th scope="col">Facilitator</th>
                <th scope="col">Started</th>
                <th scope="col">State</th>
                <th scope="col">Fired</th>
                <th scope="col">Logged</th>
                <th scope="col" className="actions-col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id} data-testid={`drill-run-${r.id}`}>
                  <td className="strong">{r.scenario.name}</td>
                  <td>{r.facilitator}</td>
                  <td className="nowrap">
                    {r.clock
                      ? `${new Date(r.clock.t0Wall).toLocaleDateString()} ${wallClock(r.clock.t0Wall)}`
                      : '—'}
                  </td>
                  <td data-testid="drill-run-state">{state(r)}</td>
                  <td>
                    {r.fired.filter((f) => f.how !== 'card').length} of {r.scenario.injects.length}
                    {r.fired.some((f) => f.how === 'card')
                      ? `, ${r.fired.filter((f) => f.how === 'card').length} card(s) played`
                      : ''}
                  </td>
                  <td>
                    {r.log.length}
                    {r.log.length
                      ? ` (last at ${formatDrillTime(Math.max(...r.log.map((e) => e.drillMs)))})`
                      : ''}
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="btn small"
                      onClick={() => setOpen(r.id)}
                      data-testid="open-drill-run"
                    >
                      Open
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="collection-empty">No drill run yet: pick a scenario and run it.</p>
      )}
      {scenarios.length > 0 && !readOnly ? (
        <div className="inline-form drill-new">
          <label htmlFor={`${id}-s`}>Scenario</label>
          <select
            id={`${id}-s`}
            value={scenarioId}
            onChange={(e) => setPick(e.target.value)}
            data-testid="run-scenario"
          >
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-f`}>Facilitator</label>
          <input
            id={`${id}-f`}
            value={facilitator}
            onChange={(e) => setFacilitator(e.target.value)}
            data-testid="run-facilitator"
          />
          <button
            type="button"
            className="btn primary"
            disabled={cmd.busy || !scenarioId}
            onClick={create}
            data-testid="run-this-scenario"
          >
            Run this scenario
          </button>
          {cmd.error ? (
            <span className="field-error" role="alert">
              {cmd.error}
            </span>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
