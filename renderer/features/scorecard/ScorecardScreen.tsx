import { useState } from 'react';
import { type ItemStatus, verdictFor } from '../../../shared/areas/scorecard/verdict';
import { currentWave } from '../../../shared/areas/waves/moves';
import { CollectionEditor } from '../../components/collection/CollectionEditor';
import { StatusBadge } from '../../components/StatusBadge';
import { useNow } from '../../components/use-now';
import { useAppStore } from '../../store/app-store';
import { AssessForm } from './AssessForm';
import { itemsConfig } from './item-collection';
import { PollPanel } from './PollPanel';
import './scorecard.css';
import { formatWhen } from '../../components/when';

/** The go/no-go scorecard, before each wave: seven checks, the verdict, the poll. */
export function ScorecardScreen() {
  const wb = useAppStore((s) => s.session?.workbook);
  const readOnly = useAppStore((s) => s.session?.file?.readOnly ?? false);
  const now = useNow();
  const [picked, setPicked] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  if (!wb) return null;
  const wave = wb.waves.waves.find((w) => w.id === picked) ?? currentWave(wb);
  if (!wave) {
    return (
      <div className="section-page" data-testid="section-scorecard">
        <header className="section-header">
          <p className="eyebrow">Review</p>
          <h1>Go / no-go scorecard</h1>
        </header>
        <p className="collection-empty">Plan a wave (Waves &amp; signals) to keep its scorecard.</p>
        <CollectionEditor config={itemsConfig} />
      </div>
    );
  }
  const verdict = verdictFor(wb, wave, now);
  const history = wb.scorecard.assessments.filter((a) => a.waveId === wave.id).reverse();
  const row = (r: ItemStatus) => (
    <tr key={r.item.id} data-testid={`check-${r.item.id}`}>
      <td>
        <StatusBadge kind="status" value={r.status} testid="check-status" />
      </td>
      <td>
        <span className="strong">{r.item.label}</span>
        <span className="muted small block">
          {r.item.owner ? `Owner: ${r.item.owner}` : 'No owner named'}
        </span>
      </td>
      <td className="wide">
        <span data-testid="check-summary">{r.summary}</span>
        {r.follows ? <span className="tag">follows the evidence</span> : null}
        {r.inherited ? <span className="tag">from an earlier wave</span> : null}
        {r.disagrees ? (
          <span className="tag tag-warn" data-testid="check-disagrees">
            The evidence says {r.evidence?.status}: {r.evidence?.summary}
          </span>
        ) : null}
        {editing === r.item.id ? (
          <AssessForm waveId={wave.id} row={r} onDone={() => setEditing(null)} />
        ) : null}
      </td>
      <td className="row-actions">
        <button
          type="button"
          className="btn small"
          data-testid="check-change"
          aria-label={`Change '${r.item.label}'`}
          disabled={readOnly}
          onClick={() => setEditing(editing === r.item.id ? null : r.item.id)}
        >
          Change
        </button>
      </td>
    </tr>
  );

  return (
    <div className="section-page" data-testid="section-scorecard">
      <header className="section-header">
        <p className="eyebrow">Review</p>
        <h1>Go / no-go scorecard</h1>
        <p className="lead">Two or more checks not green is NO-GO. Any breached stop condition is NO-GO.</p>
      </header>
      <div className="wave-tabs" role="radiogroup" aria-label="Scorecard for wave">
        {wb.waves.waves.map((w) => (
          <label key={w.id} className={`wave-tab${w.id === wave.id ? ' current' : ''}`}>
            <input
              type="radio"
              name="scorecard-wave"
              checked={w.id === wave.id}
              onChange={() => setPicked(w.id)}
            />
            {w.name}
          </label>
        ))}
      </div>
      <section
        className={`verdict verdict-${verdict.call.toLowerCase()}`}
        data-testid="verdict"
        aria-labelledby="verdict-title"
      >
        <h2 id="verdict-title" className="visually-hidden">
          Verdict for {wave.name}
        </h2>
        <StatusBadge kind="call" value={verdict.call} large testid="verdict-call" />
        <ul data-testid="verdict-reasons">
          {verdict.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </section>
      <div className="table-wrap">
        <table className="items checks">
          <caption className="visually-hidden">The seven checks for {wave.name}</caption>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Check</th>
              <th scope="col">Why</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>{verdict.items.map(row)}</tbody>
        </table>
      </div>
      <PollPanel wb={wb} wave={wave} verdict={verdict} readOnly={readOnly} />
      <section className="collection" aria-labelledby="assess-history">
        <h2 id="assess-history">Changes for {wave.name}</h2>
        {history.length === 0 ? (
          <p className="collection-empty">
            No check has been changed for this wave; statuses carry over from the wave before.
          </p>
        ) : (
          <ul className="assess-history" data-testid="assess-history">
            {history.map((a) => (
              <li key={a.id}>
                <time dateTime={a.at}>{formatWhen(a.at)}</time> —{' '}
                {wb.scorecard.items.find((i) => i.id === a.itemId)?.label}:{' '}
                {a.status ? <StatusBadge kind="status" value={a.status} /> : 'follows the evidence'} by {a.by}{' '}
                ({a.role}): {a.reason}
              </li>
            ))}
          </ul>
        )}
      </section>
      <CollectionEditor config={itemsConfig} />
    </div>
  );
}
