import { type FormEvent, useId, useState } from 'react';
import type { ItemStatus } from '../../../shared/areas/scorecard/verdict';
import type { STATUSES } from '../../../shared/areas/types';
import { newId } from '../../components/collection/draft';
import { TextField } from '../../components/TextField';
import { useCommand } from '../../components/use-command';
import { useAppStore } from '../../store/app-store';

// Changing a check's status for a wave: by hand (green, amber, red) or back to following the
// evidence an area reports. Either way a reason is required; who and when are recorded.

type Choice = (typeof STATUSES)[number] | 'follow';

export function AssessForm({ waveId, row, onDone }: { waveId: string; row: ItemStatus; onDone(): void }) {
  const id = useId();
  const revision = useAppStore((s) => s.session?.workbook?.revision ?? 0);
  const [status, setStatus] = useState<Choice>(row.follows ? 'follow' : row.status);
  const [evidence, setEvidence] = useState(row.assessment?.evidence ?? '');
  const [reason, setReason] = useState('');
  const { error, busy, run, refuse } = useCommand();
  const choices: { value: Choice; label: string }[] = [
    ...(row.evidence
      ? [{ value: 'follow' as const, label: `Follow the evidence (now ${row.evidence.status})` }]
      : []),
    { value: 'green', label: 'Green' },
    { value: 'amber', label: 'Amber' },
    { value: 'red', label: 'Red' },
  ];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return refuse('Say why: a status never changes without a reason on record.');
    await run(
      {
        type: 'scorecard.assess',
        id: newId('as'),
        waveId,
        itemId: row.item.id,
        status,
        evidence: evidence.trim(),
        reason: reason.trim(),
        baseRevision: revision,
      },
      onDone,
    );
  };

  return (
    <form
      className="item-form"
      onSubmit={submit}
      noValidate
      data-testid="assess-form"
      aria-label={`Change '${row.item.label}'`}
    >
      <fieldset className="field multi">
        <legend>Status</legend>
        <div className="multi-options">
          {choices.map((c) => (
            <label key={c.value} className="check">
              <input
                type="radio"
                name={`${id}-status`}
                value={c.value}
                checked={status === c.value}
                onChange={() => setStatus(c.value)}
              />
              {c.label}
            </label>
          ))}
        </div>
      </fieldset>
      <TextField label="Evidence" testid="assess-evidence" rows={2} value={evidence} onChange={setEvidence} />
      <TextField
        label="Why the change (required)"
        testid="assess-reason"
        rows={2}
        value={reason}
        onChange={setReason}
      />
      {error ? (
        <p className="form-error" role="alert" data-testid="assess-error">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn primary" data-testid="assess-submit" disabled={busy}>
          Record
        </button>
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
