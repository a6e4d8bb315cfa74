import type { ImportApi } from './use-import';

// What the mapping gives, counted: what will be imported, what is empty, what the user left out,
// what is wrong. Shown under the mapping and above the preview, read out when it changes.

const n = (x: number) => x.toLocaleString();

export function RunSummary({ api }: { api: ImportApi }) {
  const { flow, kind } = api;
  const run = flow.run;
  if (!run) return null;
  const { counts } = run;
  return (
    <div className="run-summary" data-testid="import-summary" aria-live="polite" aria-busy={flow.checking}>
      {run.problems.length > 0 ? (
        <ul className="form-error" data-testid="import-problems">
          {run.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : (
        <ul className="counts">
          <li data-testid="import-count-accepted">
            <strong>{n(counts.accepted)}</strong> {counts.accepted === 1 ? kind.noun : kind.nouns} to import
          </li>
          {run.bad.length > 0 ? (
            <li className="bad" data-testid="import-count-bad">
              <span aria-hidden="true">■ </span>
              <strong>{n(run.bad.length)}</strong> bad row{run.bad.length === 1 ? '' : 's'}: nothing is
              imported until they are fixed
            </li>
          ) : null}
          {counts.empty > 0 ? (
            <li data-testid="import-count-empty">
              {n(counts.empty)} empty or null cell{counts.empty === 1 ? '' : 's'}: nothing measured there, so
              no {kind.noun}
            </li>
          ) : null}
          {counts.skipped.map((s) => (
            <li key={s.why} data-testid="import-count-skipped">
              {n(s.count)} left out: {s.why}
            </li>
          ))}
          {counts.blankLines > 0 ? (
            <li>
              {n(counts.blankLines)} blank line{counts.blankLines === 1 ? '' : 's'} skipped
            </li>
          ) : null}
          <li className="muted">
            from {n(counts.rows)} row{counts.rows === 1 ? '' : 's'} after the header
            {counts.records !== counts.rows ? ` (${n(counts.records)} values)` : ''}
          </li>
        </ul>
      )}
      {flow.checking ? <p className="muted small">Checking every row…</p> : null}
    </div>
  );
}
