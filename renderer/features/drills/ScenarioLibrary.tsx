import { useState } from 'react';
import { formatDrillTime } from '../../../shared/areas/drills/clock';
import { toNativeFile } from '../../../shared/areas/drills/import/native';
import type { Scenario } from '../../../shared/areas/drills/schema';
import { newId } from '../../components/collection/draft';
import { useCommand } from '../../components/use-command';
import { saveFile } from '../../export/save-file';
import { run } from '../../store/actions';
import { pushToast, useAppStore } from '../../store/app-store';
import { LIBRARY } from './library';
import { ScenarioEditor } from './ScenarioEditor';
import { ScenarioImport } from './ScenarioImport';

// The workbook's scenarios: add one from the built-in library, import a file, start a blank one,
// copy one to adapt it, edit it in place. Drills will run from this list.

const SOURCE: Record<Scenario['source'], string> = {
  authored: 'Written here',
  library: 'Library',
  openaev: 'OpenAEV',
  'wheel-of-misfortune': 'Wheel of Misfortune',
};

const NO_SCENARIOS: Scenario[] = [];

export function ScenarioLibrary() {
  const scenarios = useAppStore((s) => s.session?.workbook?.drills.scenarios ?? NO_SCENARIOS);
  const revision = useAppStore((s) => s.session?.workbook?.revision ?? 0);
  const readOnly = useAppStore((s) => s.session?.file?.readOnly ?? false);
  const [editing, setEditing] = useState<{ id: string; baseRevision: number } | null>(null);
  const [pick, setPick] = useState(LIBRARY[0]?.id ?? '');
  const { error, busy, run: send } = useCommand();

  const addFromLibrary = async () => {
    const scenario = LIBRARY.find((s) => s.id === pick);
    if (!scenario) return;
    await send({ type: 'drills.add-scenarios', from: 'the built-in library', scenarios: [scenario] }, () =>
      pushToast('success', `Added '${scenario.name}' from the library`),
    );
  };

  const addItem = async (item: Scenario, message: string) => {
    const ack = await run({ type: 'item.add', collection: 'drills.scenarios', item });
    if (!ack) return;
    pushToast('success', message, ack.revision);
    setEditing({ id: item.id, baseRevision: ack.revision });
  };

  const blank = (): Scenario => ({
    id: newId('scn'),
    name: 'New scenario',
    summary: '',
    durationSec: 3600,
    objectives: [],
    injects: [],
    questions: [],
    source: 'authored',
    sourceNote: '',
  });

  const copy = (s: Scenario) =>
    addItem(
      {
        ...structuredClone(s),
        id: newId('scn'),
        name: `${s.name} (copy)`.slice(0, 160),
        source: 'authored',
        sourceNote: `Copied from '${s.name}'.`,
      },
      `Copied '${s.name}'`,
    );

  const remove = async (s: Scenario) => {
    const ack = await run({
      type: 'item.remove',
      collection: 'drills.scenarios',
      id: s.id,
      baseRevision: revision,
    });
    if (ack) pushToast('info', `Deleted scenario '${s.name}'`, ack.revision);
  };

  return (
    <section className="collection" data-testid="scenario-library" aria-labelledby="scenario-library-heading">
      <div className="collection-head">
        <div>
          <h2 id="scenario-library-heading">
            Scenarios <span className="count">({scenarios.length})</span>
          </h2>
          <p className="collection-intro">
            Each scenario has objectives, injects at set times after T0 with who receives them and what the
            room should do by when, and questions for the discussion afterwards.
          </p>
        </div>
        <button
          type="button"
          className="btn"
          data-testid="new-scenario"
          disabled={readOnly}
          onClick={() => void addItem(blank(), 'Started a new scenario')}
        >
          New scenario
        </button>
      </div>

      {scenarios.length === 0 ? (
        <p className="collection-empty">
          No scenarios yet: add one from the library below, or import a file.
        </p>
      ) : null}
      {scenarios.length > 0 ? (
        <div className="table-wrap">
          <table className="items">
            <thead>
              <tr>
                <th scope="col">Scenario</th>
                <th scope="col">Source</th>
                <th scope="col">Injects</th>
                <th scope="col">Length</th>
                <th scope="col">Objectives</th>
                <th scope="col" className="actions-col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {scenarios.map((s) =>
                editing?.id === s.id ? (
                  <tr key={s.id} className="editing" data-testid={`scenario-${s.id}`}>
                    <td colSpan={6}>
                      <ScenarioEditor
                        scenario={s}
                        baseRevision={editing.baseRevision}
                        readOnly={readOnly}
                        onClose={() => setEditing(null)}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr key={s.id} data-testid={`scenario-${s.id}`}>
                    <td className="strong">
                      {s.name}
                      {s.sourceNote ? <p className="muted scenario-note">{s.sourceNote}</p> : null}
                    </td>
                    <td>{SOURCE[s.source]}</td>
                    <td className="nowrap" data-testid="scenario-inject-count">
                      {s.injects.length}
                      {s.injects.length > 0
                        ? ` (last at ${formatDrillTime(Math.max(...s.injects.map((i) => i.offsetSec)) * 1000)})`
                        : ''}
                    </td>
                    <td className="nowrap">{Math.round(s.durationSec / 60)} min</td>
                    <td>{s.objectives.map((o) => o.capability.replace('-', ' ')).join(', ') || '—'}</td>
                    <td className="row-actions">
                      <button
                        type="button"
                        className="btn small"
                        data-testid="edit-scenario"
                        disabled={readOnly}
                        aria-label={`Edit '${s.name}'`}
                        onClick={() => setEditing({ id: s.id, baseRevision: revision })}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="btn small"
                        data-testid="copy-scenario"
                        disabled={readOnly}
                        aria-label={`Copy '${s.name}'`}
                        onClick={() => void copy(s)}
                      >
                        Copy
                      </button>
                      <button
                        type="button"
                        className="btn small"
                        data-testid="save-scenario-file"
                        aria-label={`Save as file: '${s.name}'`}
                        onClick={() => {
                          const file = toNativeFile(s);
                          saveFile(file.fileName, file.text, 'application/json');
                        }}
                      >
                        Save as file
                      </button>
                      <button
                        type="button"
                        className="btn small danger"
                        data-testid="delete-scenario"
                        disabled={readOnly}
                        aria-label={`Delete '${s.name}'`}
                        onClick={() => void remove(s)}
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      ) : null}

      <div className="scenario-sources">
        <div className="library-pick">
          <div className="field">
            <label htmlFor="library-scenario">From the built-in library</label>
            <select
              id="library-scenario"
              data-testid="library-scenario"
              value={pick}
              disabled={readOnly}
              onChange={(e) => setPick(e.target.value)}
            >
              {LIBRARY.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="btn"
            data-testid="add-library-scenario"
            disabled={readOnly || busy}
            onClick={() => void addFromLibrary()}
          >
            Add to this workbook
          </button>
          {error ? (
            <p className="form-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <ScenarioImport readOnly={readOnly} />
      </div>
    </section>
  );
}
