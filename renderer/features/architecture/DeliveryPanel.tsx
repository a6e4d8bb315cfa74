import { type FormEvent, useState } from 'react';
import { canaryDefinition } from '../../../shared/areas/architecture/canary';
import { formatWindow } from '../../../shared/domain/format';
import type { Workbook } from '../../../shared/schema/workbook';
import { TextField } from '../../components/TextField';
import { useCommand } from '../../components/use-command';
import { segmentText } from '../waves/wave-collections';

// The delivery strategy: how a release reaches production, which wave is the canary (and
// whether it is defined: size, health signals, duration, promotion rule, all read from that
// wave), and the rings that follow it. The waves themselves are edited on Waves & signals.

export function DeliveryPanel({ wb, readOnly }: { wb: Workbook; readOnly: boolean }) {
  const [editing, setEditing] = useState<number | null>(null);
  const delivery = wb.architecture.delivery;
  const canary = canaryDefinition(wb);
  const canaryIndex = canary.wave ? wb.waves.waves.indexOf(canary.wave) : -1;

  return (
    <section className="collection" aria-labelledby="delivery-title" data-testid="delivery">
      <div className="collection-head">
        <div>
          <h2 id="delivery-title">Delivery strategy</h2>
          <p className="collection-intro">
            Deploying is not exposing: the release reaches production first, then users, a canary and ring at
            a time.
          </p>
        </div>
        <button
          type="button"
          className="btn"
          data-testid="delivery-edit"
          disabled={readOnly || editing !== null}
          onClick={() => setEditing(wb.revision)}
        >
          Edit delivery
        </button>
      </div>
      {editing !== null ? (
        <DeliveryForm wb={wb} baseRevision={editing} onDone={() => setEditing(null)} />
      ) : (
        <div className="deploy-path">
          <h3>Deployment path</h3>
          <p data-testid="deploy-path">
            {delivery.deployPath || <span className="muted">Not written down yet.</span>}
          </p>
        </div>
      )}

      <div className={`canary ${canary.defined ? 'defined' : 'undefined'}`} data-testid="canary">
        <h3>
          Canary: {canary.wave ? canary.wave.name : 'none named'}{' '}
          <span className={`tag ${canary.defined ? '' : 'tag-warn'}`} data-testid="canary-verdict">
            {canary.defined ? 'defined' : 'not defined'}
          </span>
        </h3>
        {canary.parts.length === 0 ? (
          <p>{canary.missing[0]}</p>
        ) : (
          <ul className="canary-parts">
            {canary.parts.map((p) => (
              <li key={p.key} className={p.ok ? 'ok' : 'missing'} data-testid={`canary-${p.key}`}>
                <span className="answer-mark" aria-hidden="true">
                  {p.ok ? '✓' : '!'}
                </span>
                <span>
                  <span className="strong">{p.label}:</span> {p.text}
                  {p.ok ? null : <span className="visually-hidden"> (missing)</span>}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="muted small">
          Size, signals, hold and gates belong to the wave: change them on{' '}
          <a href="#/waves">Waves &amp; signals</a>.
        </p>
      </div>

      <h3>Rings</h3>
      {wb.waves.waves.length === 0 ? (
        <p className="muted">No waves planned yet.</p>
      ) : (
        <ol className="rings" data-testid="rings">
          {wb.waves.waves.map((w, i) => (
            <li key={w.id}>
              <span className="strong">
                Ring {i}
                {i === canaryIndex ? ' (canary)' : ''}: {w.name}
              </span>{' '}
              — {w.audiencePercent}% of users, {segmentText(w)}, holds {formatWindow(w.holdHours * 60)},{' '}
              {w.promotion === 'auto' ? 'promoted automatically' : 'promoted by a person'} while its{' '}
              {w.gates.length} gate{w.gates.length === 1 ? '' : 's'} pass.
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function DeliveryForm({ wb, baseRevision, onDone }: { wb: Workbook; baseRevision: number; onDone(): void }) {
  const [deployPath, setDeployPath] = useState(wb.architecture.delivery.deployPath);
  const [canaryWaveId, setCanary] = useState(wb.architecture.delivery.canaryWaveId);
  const { error, busy, run } = useCommand();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run({ type: 'architecture.delivery-set', deployPath, canaryWaveId, baseRevision }, onDone);
  };
  return (
    <form
      className="item-form"
      onSubmit={submit}
      noValidate
      aria-label="Edit delivery"
      data-testid="delivery-form"
    >
      <TextField
        label="Deployment path: how a release reaches production"
        testid="delivery-path"
        rows={3}
        maxLength={2000}
        value={deployPath}
        onChange={setDeployPath}
      />
      <div className="field">
        <label htmlFor="canary-wave">Canary wave</label>
        <select
          id="canary-wave"
          data-testid="delivery-canary"
          value={canaryWaveId}
          onChange={(e) => setCanary(e.target.value)}
        >
          <option value="">None</option>
          {wb.waves.waves.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </div>
      {error ? (
        <p className="form-error" role="alert" data-testid="delivery-error">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn primary" disabled={busy} data-testid="delivery-save">
          Save
        </button>
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
