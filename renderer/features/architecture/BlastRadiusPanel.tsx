import { type FormEvent, useState } from 'react';
import type { Workbook } from '../../../shared/schema/workbook';
import { TextField } from '../../components/TextField';
import { useCommand } from '../../components/use-command';

// The blast radius: who is hurt if the change goes wrong (audience, regions, tenants), and the
// cap the team holds itself to for the first wave. The first wave's own audience is checked
// against that cap by the readiness rule.

export function BlastRadiusPanel({ wb, readOnly }: { wb: Workbook; readOnly: boolean }) {
  const [editing, setEditing] = useState<number | null>(null);
  const b = wb.architecture.blastRadius;
  const first = wb.waves.waves[0];
  const none = <span className="muted">Not stated.</span>;
  return (
    <section className="collection" aria-labelledby="blast-title" data-testid="blast-radius">
      <div className="collection-head">
        <div>
          <h2 id="blast-title">Blast radius</h2>
          <p className="collection-intro">
            Who is affected if this goes wrong, and how small the first exposure stays.
          </p>
        </div>
        <button
          type="button"
          className="btn"
          data-testid="blast-edit"
          disabled={readOnly || editing !== null}
          onClick={() => setEditing(wb.revision)}
        >
          Edit blast radius
        </button>
      </div>
      {editing !== null ? (
        <BlastForm wb={wb} baseRevision={editing} onDone={() => setEditing(null)} />
      ) : (
        <dl className="facts-inline blast">
          <div>
            <dt>Audience</dt>
            <dd data-testid="blast-audience">{b.audience || none}</dd>
          </div>
          <div>
            <dt>Regions</dt>
            <dd>{b.regions || none}</dd>
          </div>
          <div>
            <dt>Tenants</dt>
            <dd>{b.tenants || none}</dd>
          </div>
          <div>
            <dt>First-wave cap</dt>
            <dd data-testid="blast-cap">
              {b.firstWaveCap === null ? none : `${b.firstWaveCap}% of the audience`}
              {b.firstWaveCap !== null && first
                ? ` (${first.name} reaches ${first.audiencePercent}%${first.audiencePercent > b.firstWaveCap ? ': over the cap' : ''})`
                : ''}
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}

function BlastForm({ wb, baseRevision, onDone }: { wb: Workbook; baseRevision: number; onDone(): void }) {
  const b = wb.architecture.blastRadius;
  const [audience, setAudience] = useState(b.audience);
  const [regions, setRegions] = useState(b.regions);
  const [tenants, setTenants] = useState(b.tenants);
  const [cap, setCap] = useState(b.firstWaveCap === null ? '' : String(b.firstWaveCap));
  const { error, where, busy, run, refuse } = useCommand();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = cap.trim();
    const firstWaveCap = text === '' ? null : Number(text);
    if (
      firstWaveCap !== null &&
      !(Number.isFinite(firstWaveCap) && firstWaveCap >= 0 && firstWaveCap <= 100)
    ) {
      return refuse('The cap must be a percentage from 0 to 100, or empty for none.', 'firstWaveCap');
    }
    await run(
      { type: 'architecture.blast-radius-set', audience, regions, tenants, firstWaveCap, baseRevision },
      onDone,
    );
  };
  const at = (field: string) => (where.includes(field) ? error : null);
  return (
    <form
      className="item-form"
      onSubmit={submit}
      noValidate
      aria-label="Edit blast radius"
      data-testid="blast-form"
    >
      <TextField
        label="Audience"
        testid="blast-audience-input"
        value={audience}
        onChange={setAudience}
        maxLength={300}
      />
      <TextField
        label="Regions"
        testid="blast-regions-input"
        value={regions}
        onChange={setRegions}
        maxLength={300}
      />
      <TextField
        label="Tenants"
        testid="blast-tenants-input"
        value={tenants}
        onChange={setTenants}
        maxLength={300}
      />
      <TextField
        label="First-wave cap (% of the audience; empty for none)"
        testid="blast-cap-input"
        value={cap}
        onChange={setCap}
        error={at('firstWaveCap')}
      />
      {error && !at('firstWaveCap') ? (
        <p className="form-error" role="alert" data-testid="blast-error">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn primary" disabled={busy} data-testid="blast-save">
          Save
        </button>
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
