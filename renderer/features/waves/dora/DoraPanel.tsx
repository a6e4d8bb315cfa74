import { useId, useState } from 'react';
import { type DoraFigure, fourKeys, overallScope, waveScope } from '../../../../shared/areas/waves/dora';
import type { DoraLevel } from '../../../../shared/areas/waves/dora-buckets';
import type { Workbook } from '../../../../shared/schema/workbook';
import { formatWhen } from '../../../components/when';
import './dora.css';

// Delivery health, the DORA four keys, for the whole rollout (last 90 days) or one wave. Each
// figure says how it was worked out and opens onto the records behind it.

const LEVEL: Record<DoraLevel, { word: string; icon: string; tone: string }> = {
  elite: { word: 'Elite', icon: '★', tone: 'ok' },
  high: { word: 'High', icon: '●', tone: 'ok' },
  medium: { word: 'Medium', icon: '▲', tone: 'warn' },
  low: { word: 'Low', icon: '■', tone: 'bad' },
};

function Figure({ figure, open, onToggle }: { figure: DoraFigure; open: boolean; onToggle(): void }) {
  const id = useId();
  const level = figure.bucket ? LEVEL[figure.bucket] : null;
  return (
    <article className="dora-figure" data-testid={`dora-${figure.key}`} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{figure.title}</h3>
      <p className="dora-value" data-testid="dora-value">
        {figure.value ?? <span className="muted">No figure</span>}
      </p>
      {level && figure.fourKeys ? (
        <p className="dora-level">
          <span
            className={`status-badge tone-${level.tone}`}
            data-testid="dora-level"
            data-level={figure.bucket}
          >
            <span className="status-icon" aria-hidden="true">
              {level.icon}
            </span>
            {level.word}
          </span>{' '}
          <span className="muted small">Four Keys: {figure.fourKeys}</span>
        </p>
      ) : null}
      <p className="small" data-testid="dora-explanation">
        {figure.explanation}
      </p>
      {figure.records.length > 0 ? (
        <button
          type="button"
          className="btn small"
          aria-expanded={open}
          aria-controls="dora-records"
          data-testid="dora-show-records"
          onClick={onToggle}
        >
          {open ? 'Hide' : 'Show'} the {figure.records.length} record{figure.records.length === 1 ? '' : 's'}
        </button>
      ) : null}
    </article>
  );
}

/** The records behind one figure, full width under the four, newest first. */
function Records({ figure }: { figure: DoraFigure }) {
  const rows = [...figure.records].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <table className="items dora-records" id="dora-records" data-testid="dora-records">
      <caption>
        Records behind {figure.title.toLowerCase()}: {figure.explanation}
      </caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Record</th>
          <th scope="col">Adds</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.kind}-${r.id}`} className={r.counted ? undefined : 'muted'} data-counted={r.counted}>
            <td className="nowrap">{formatWhen(r.at)}</td>
            <td>{r.label}</td>
            <td>{r.contributes}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DoraPanel({ wb, now }: { wb: Workbook; now: number }) {
  const id = useId();
  const started = wb.waves.waves.filter((w) => w.startedAt);
  const [scopeId, setScopeId] = useState('all');
  const wave = started.find((w) => w.id === scopeId);
  const scope = (wave && waveScope(wave, now)) || overallScope(now);
  const figures = fourKeys(wb, scope);
  const [openKey, setOpenKey] = useState<DoraFigure['key'] | null>(null);
  const opened = figures.find((f) => f.key === openKey);
  return (
    <section className="collection dora" aria-labelledby={`${id}-title`} data-testid="dora-panel">
      <div className="collection-head">
        <div>
          <h2 id={`${id}-title`}>Delivery health (DORA four keys)</h2>
          <p className="collection-intro">
            From the deployments and real incidents below, with the Four Keys project’s definitions and
            buckets.
          </p>
        </div>
        <label className="dora-scope">
          <span>For</span>
          <select
            value={wave ? wave.id : 'all'}
            onChange={(e) => setScopeId(e.target.value)}
            data-testid="dora-scope"
          >
            <option value="all">The last 90 days</option>
            {started.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="dora-grid">
        {figures.map((f) => (
          <Figure
            key={f.key}
            figure={f}
            open={f.key === openKey}
            onToggle={() => setOpenKey(f.key === openKey ? null : f.key)}
          />
        ))}
      </div>
      {opened ? <Records figure={opened} /> : null}
    </section>
  );
}
