import { useState } from 'react';
import { importScenarioFile, type ScenarioImport as Result } from '../../../shared/areas/drills/import';
import { formatBytes } from '../../../shared/domain/format';
import { FilePicker } from '../../components/FilePicker';
import { useCommand } from '../../components/use-command';
import { pushToast } from '../../store/app-store';

// Importing scenario files, as SBOM and decision files are imported: the user picks or drops a
// file, it is read here as text and judged by the pure importer; a refusal says what and where
// and changes nothing; an import is previewed (what comes in, what was left out) and only a
// confirmation sends it, as one command the host checks once more.

const MAX_BYTES = 5 * 1024 * 1024;

type State = { kind: 'idle' } | { kind: 'read'; fileName: string; result: Result };

export function ScenarioImport({ readOnly }: { readOnly: boolean }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const { error, busy, run } = useCommand();

  const pick = async (file: File) => {
    if (file.size > MAX_BYTES) {
      const result: Result = {
        ok: false,
        format: 'unknown',
        error: `${file.name} is ${formatBytes(file.size)}; a scenario file is at most ${formatBytes(MAX_BYTES)}`,
      };
      setState({ kind: 'read', fileName: file.name, result });
      return;
    }
    setState({ kind: 'read', fileName: file.name, result: importScenarioFile(file.name, await file.text()) });
  };

  const confirm = async () => {
    if (state.kind !== 'read' || !state.result.ok) return;
    const { scenarios } = state.result;
    await run({ type: 'drills.add-scenarios', from: state.fileName.slice(0, 260), scenarios }, () => {
      pushToast(
        'success',
        `Imported ${scenarios.length} scenario${scenarios.length === 1 ? '' : 's'} from ${state.fileName}`,
      );
      setState({ kind: 'idle' });
    });
  };

  const result = state.kind === 'read' ? state.result : null;
  return (
    <div className="scenario-import" data-testid="scenario-import">
      <FilePicker
        label="Import a scenario file…"
        hint="OpenAEV / OpenBAS scenario or exercise exports, Wheel of Misfortune files (incident lists and Ink stories), or a war-room scenario file, as JSON."
        accept=".json,application/json"
        testid="scenario-file"
        disabled={readOnly || busy}
        onFile={(f) => void pick(f)}
      />
      {result && !result.ok ? (
        <div className="form-error" role="alert" data-testid="scenario-refused">
          <p data-testid="scenario-refused-reason">{result.error}</p>
          <p>Nothing was imported.</p>
          <button type="button" className="btn small" onClick={() => setState({ kind: 'idle' })}>
            OK
          </button>
        </div>
      ) : null}
      {result?.ok ? (
        <section
          className="scenario-preview"
          data-testid="scenario-preview"
          aria-label="What the file brings in"
        >
          <h3>
            {state.kind === 'read' ? state.fileName : ''}: {result.scenarios.length} scenario
            {result.scenarios.length === 1 ? '' : 's'}
          </h3>
          <ul>
            {result.scenarios.map((s) => (
              <li key={s.id} data-testid="scenario-preview-item">
                <strong>{s.name}</strong> — {s.injects.length} inject{s.injects.length === 1 ? '' : 's'},{' '}
                {s.objectives.length} objective{s.objectives.length === 1 ? '' : 's'}, {s.questions.length}{' '}
                question{s.questions.length === 1 ? '' : 's'}
              </li>
            ))}
          </ul>
          {result.leftOut.length > 0 ? (
            <>
              <p className="muted">Left out ({result.leftOut.length}):</p>
              <ul className="left-out" data-testid="scenario-left-out">
                {result.leftOut.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </>
          ) : (
            <p className="muted">Nothing in the file was left out.</p>
          )}
          {error ? (
            <p className="form-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="form-actions">
            <button
              type="button"
              className="btn primary"
              data-testid="scenario-import-confirm"
              disabled={readOnly || busy}
              onClick={() => void confirm()}
            >
              Import
            </button>
            <button type="button" className="btn" onClick={() => setState({ kind: 'idle' })}>
              Cancel
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
