import { useEffect, useId, useState } from 'react';
import { AREAS } from '../../shared/areas';
import type { AuditEntry } from '../../shared/domain/audit';
import { describeValue } from '../../shared/domain/format';
import type { Patch } from '../../shared/domain/patches';
import { toBridgeError } from '../bridge';
import { formatWhen } from '../components/when';
import { historyPage } from '../store/actions';
import { useAppStore } from '../store/app-store';

// Every change to the workbook: who, when, what. The newest come from the workbook itself, the
// older from its archive beside it; the host pages through both, newest first.

const PAGE = 100;
const AREA_LABEL = new Map<string, string>([
  ...AREAS.map((a) => [a.id, a.nav.label] as [string, string]),
  ['workbook', 'Workbook'],
]);

function describePatch(p: Patch): string {
  const where = p.path.map((k) => (typeof k === 'number' ? `#${k + 1}` : k)).join(' › ');
  if (p.op === 'remove') return `${where}: removed`;
  return `${where}: ${describeValue(p.value, 120)}`;
}

function Entry({ entry }: { entry: AuditEntry }) {
  return (
    <tr data-testid="history-entry">
      <td className="nowrap">
        <time dateTime={entry.at}>{formatWhen(entry.at, true)}</time>
      </td>
      <td>
        <strong className="block">{entry.by || 'Unknown'}</strong>
        {entry.role ? <span className="muted small block">{entry.role}</span> : null}
      </td>
      <td>
        <span className="tag">{AREA_LABEL.get(entry.area) ?? entry.area}</span>
      </td>
      <td className="wide">
        <span data-testid="history-summary">{entry.summary}</span>
        {entry.changes.length > 0 ? (
          <details className="changes">
            <summary>
              {entry.changes.length} change{entry.changes.length === 1 ? '' : 's'}
            </summary>
            <ul>
              {entry.changes.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: patches have no identity of their own
                <li key={i}>
                  <code>{describePatch(p)}</code>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </td>
      <td className="num">{entry.rev}</td>
    </tr>
  );
}

export function HistoryScreen() {
  const id = useId();
  const revision = useAppStore((s) => s.session?.workbook?.revision ?? 0);
  const path = useAppStore((s) => s.session?.file?.path);
  const [area, setArea] = useState('');
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  // The newest page follows the workbook: a change in any window shows up here.
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision and path are the triggers
  useEffect(() => {
    let live = true;
    historyPage({ limit: PAGE, ...(area ? { area } : {}) })
      .then((page) => {
        if (!live) return;
        setEntries(page.entries);
        setHasMore(page.hasMore);
        setError(null);
      })
      .catch((err: unknown) => live && setError(toBridgeError(err).message));
    return () => {
      live = false;
    };
  }, [area, revision, path]);

  const loadOlder = async () => {
    const oldest = entries?.at(-1)?.rev;
    if (!oldest || loading) return;
    setLoading(true);
    try {
      const page = await historyPage({ limit: PAGE, before: oldest, ...(area ? { area } : {}) });
      setEntries((e) => [...(e ?? []), ...page.entries]);
      setHasMore(page.hasMore);
    } catch (err) {
      setError(toBridgeError(err).message);
    } finally {
      setLoading(false);
    }
  };

  return (
    <div className="section-page" data-testid="section-history">
      <header className="section-header">
        <p className="eyebrow">Review</p>
        <h1>History</h1>
        <p className="lead">Every change to this workbook: who made it, when, and what it did.</p>
      </header>

      <div className="toolbar">
        <label htmlFor={`${id}-area`}>Show changes to</label>
        <select
          id={`${id}-area`}
          data-testid="history-area"
          value={area}
          onChange={(e) => setArea(e.target.value)}
        >
          <option value="">Every area</option>
          {[...AREA_LABEL].map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>

      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {entries === null ? <p className="muted">Loading history…</p> : null}
      {entries?.length === 0 ? (
        <p className="collection-empty" data-testid="history-empty">
          {area
            ? 'No changes to this area yet.'
            : 'No changes yet: this workbook is as it was created or opened.'}
        </p>
      ) : null}
      {entries && entries.length > 0 ? (
        <div className="table-wrap">
          <table className="items history">
            <caption className="visually-hidden">Changes, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Area</th>
                <th scope="col">What</th>
                <th scope="col" className="num">
                  Revision
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <Entry key={e.rev} entry={e} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {hasMore ? (
        <p className="card-row">
          <button
            type="button"
            className="btn"
            data-testid="history-older"
            disabled={loading}
            onClick={() => void loadOlder()}
          >
            {loading ? 'Loading…' : 'Show older changes'}
          </button>
        </p>
      ) : null}
    </div>
  );
}
