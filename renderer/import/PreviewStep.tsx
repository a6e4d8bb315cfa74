import { useId, useState } from 'react';
import { describeBadRow } from '../../shared/import/run';
import { formatWhen } from '../components/when';
import { RunSummary } from './RunSummary';
import { type ImportApi, ready } from './use-import';

// The last step before anything changes: the first rows as they will be imported (the file's
// text beside the parsed values), every bad row with its number and reason, and one confirm.

const PAGE = 100;
const STATUS = { ok: '', bad: 'Bad row', empty: 'Empty', skip: 'Left out' } as const;

export function PreviewStep({ api }: { api: ImportApi }) {
  const id = useId();
  const { flow, kind } = api;
  const run = flow.run!;
  const [shown, setShown] = useState(PAGE);
  const importing = flow.step === 'importing';
  const fieldKeys = kind.fields.map((f) => f.key);
  const canImport = ready(run) && !flow.checking && !importing;

  return (
    <div className="import-preview" data-testid="import-preview">
      {flow.remembered ? (
        <p className="note" data-testid="import-remembered">
          Mapped as the last time you imported this export
          {flow.remembered.mapping.source ? ` (${flow.remembered.mapping.source})` : ''}, on{' '}
          {formatWhen(flow.remembered.savedAt)}. Check the preview and import, or change the mapping.
        </p>
      ) : null}
      {run.bad.length > 0 ? (
        <section className="bad-rows" aria-labelledby={`${id}-bad`} data-testid="import-bad-rows">
          <h3 id={`${id}-bad`}>
            {run.bad.length.toLocaleString()} row{run.bad.length === 1 ? '' : 's'} cannot be imported
          </h3>
          <p>
            Nothing is imported while any row is bad. Change the mapping, or fix these rows in the file and
            choose it again.
          </p>
          <ol>
            {run.bad.slice(0, shown).map((b) => (
              <li
                key={`${b.row}:${b.column ?? ''}:${b.reason}`}
                data-testid="import-bad-row"
                data-row={b.row}
              >
                {describeBadRow(b)}
              </li>
            ))}
          </ol>
          {run.bad.length > shown ? (
            <button type="button" className="btn small" onClick={() => setShown((s) => s + PAGE)}>
              Show {Math.min(PAGE, run.bad.length - shown)} more of {run.bad.length.toLocaleString()}
            </button>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby={`${id}-rows`}>
        <h3 id={`${id}-rows`}>The first {run.preview.length} values as they will be imported</h3>
        <div className="table-wrap">
          <table className="items preview-table" data-testid="import-preview-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  Row
                </th>
                <th scope="col">In the file</th>
                {kind.preview.map((c) => (
                  <th scope="col" key={c.key}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {run.preview.map((p) => (
                <tr
                  key={`${p.row}:${p.column ?? ''}`}
                  className={`status-${p.status}`}
                  data-testid="import-preview-row"
                >
                  <td className="num">
                    {p.row}
                    {p.column !== undefined ? <span className="muted small block">{p.column}</span> : null}
                  </td>
                  <td>
                    <code className="raw">
                      {fieldKeys
                        .filter((k) => p.raw[k] !== undefined)
                        .map((k) => p.raw[k])
                        .join(' · ')}
                    </code>
                  </td>
                  {p.shown ? (
                    kind.preview.map((c) => <td key={c.key}>{p.shown?.[c.key]}</td>)
                  ) : (
                    <td colSpan={kind.preview.length}>
                      <span className="strong">{STATUS[p.status]}:</span> {p.note}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {flow.message ? (
        <div className="form-error" role="alert" data-testid="import-host-error">
          <p>{flow.message}</p>
          {flow.issues.length > 3 ? (
            <ul>
              {flow.issues.map((i) => (
                <li key={i.path + i.message}>
                  {i.path}: {i.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <div className="import-footer">
        <RunSummary api={api} />
        <div className="form-actions">
          <button
            type="button"
            className="btn primary"
            data-testid="import-confirm"
            disabled={!canImport}
            aria-describedby={canImport ? undefined : `${id}-why`}
            onClick={() => void api.confirm()}
          >
            {importing
              ? 'Importing…'
              : `Import ${run.counts.accepted.toLocaleString()} ${run.counts.accepted === 1 ? kind.noun : kind.nouns}`}
          </button>
          {!importing ? (
            <button type="button" className="btn" data-testid="import-back" onClick={api.toMapping}>
              Change the mapping
            </button>
          ) : null}
          {!canImport && !importing ? (
            <p id={`${id}-why`} className="muted small">
              {run.bad.length > 0
                ? 'Fix the bad rows first.'
                : run.counts.accepted === 0
                  ? `This file gives no ${kind.nouns} to import.`
                  : 'Checking the rows…'}
            </p>
          ) : null}
        </div>
      </div>
    </div>
  );
}
