import { useState } from 'react';
import type { ImportKindId } from '../../shared/import/kinds';
import { HISTORY_ROUTE } from '../app/routes';
import { useCommand } from '../components/use-command';
import { formatWhen } from '../components/when';
import { useAppStore } from '../store/app-store';

// Past imports, newest first: when, who, from which file, how many items. One can be taken back
// as a whole (a confirm first); History keeps both the import and the taking back.

export function ImportsPanel({ kind, noun }: { kind: ImportKindId; noun: string }) {
  const imports = useAppStore((s) => s.session?.workbook?.waves.imports ?? []);
  const revision = useAppStore((s) => s.session?.workbook?.revision ?? 0);
  const readOnly = useAppStore((s) => s.session?.file?.readOnly ?? false);
  const [asking, setAsking] = useState<string | null>(null);
  const { error, busy, run } = useCommand();
  const mine = imports.filter((i) => i.kind === kind).toReversed();

  if (mine.length === 0) {
    return (
      <p className="collection-empty" data-testid="imports-empty">
        No {noun} imported yet. Imported files are listed here, and each can be taken back as a whole.
      </p>
    );
  }
  return (
    <div className="table-wrap">
      <table className="items imports" data-testid="imports-table">
        <caption className="visually-hidden">Imports of {noun}, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">File</th>
            <th scope="col" className="num">
              {noun[0]!.toUpperCase() + noun.slice(1)}
            </th>
            <th scope="col" className="actions-col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {mine.map((i) => (
            <tr key={i.id} data-testid="import-entry" data-import={i.id}>
              <td className="nowrap">
                <time dateTime={i.at}>{formatWhen(i.at)}</time>
              </td>
              <td>
                <strong className="block">{i.by || 'Unknown'}</strong>
                {i.role ? <span className="muted small block">{i.role}</span> : null}
              </td>
              <td className="wide">
                {i.fileName || '(no file name)'}
                {i.source ? <span className="muted small block">{i.source}</span> : null}
              </td>
              <td className="num">{i.count.toLocaleString()}</td>
              <td className="actions-col">
                {asking === i.id ? (
                  <fieldset className="take-back">
                    <legend className="visually-hidden">
                      Take back the import of {i.fileName || 'a file'}
                    </legend>
                    <p>
                      Remove the {i.count.toLocaleString()} {noun} this import brought in?
                      {kind === 'readings' ? ' Metrics it created stay.' : ''}
                    </p>
                    <button
                      type="button"
                      className="btn danger small"
                      data-testid="import-take-back-confirm"
                      disabled={busy}
                      onClick={() =>
                        void run(
                          { type: 'wave.import-take-back', importId: i.id, baseRevision: revision },
                          () => setAsking(null),
                        )
                      }
                    >
                      Take it back
                    </button>
                    <button type="button" className="btn small" onClick={() => setAsking(null)}>
                      Keep it
                    </button>
                  </fieldset>
                ) : (
                  <button
                    type="button"
                    className="btn small"
                    data-testid="import-take-back"
                    disabled={readOnly}
                    aria-label={`Take back the import of ${i.fileName || 'a file'} (${i.count} ${noun})`}
                    onClick={() => setAsking(i.id)}
                  >
                    Take back
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="muted small">
        Each import and each taking back is a change in <a href={`#${HISTORY_ROUTE}`}>History</a>.
      </p>
    </div>
  );
}
