import { type FormEvent, useId, useState } from 'react';
import { successEvidence } from '../../../shared/areas/success/commands';
import { StatusBadge } from '../../components/StatusBadge';
import { useCommand } from '../../components/use-command';
import { useAppStore } from '../../store/app-store';

// Step 1 ends with a sign-off. The scorecard check "success metrics and stop conditions are
// approved" follows it, and goes amber by itself if anything in step 1 changes afterwards.

export function ApprovalPanel() {
  const id = useId();
  const wb = useAppStore((s) => s.session?.workbook);
  const readOnly = useAppStore((s) => s.session?.file?.readOnly ?? false);
  const [note, setNote] = useState('');
  const { error, busy, run } = useCommand();
  if (!wb) return null;
  const [evidence] = successEvidence(wb, { waveId: '', now: Date.now() });

  const approve = async (e: FormEvent) => {
    e.preventDefault();
    await run({ type: 'success.approve', note: note.trim(), baseRevision: wb.revision }, () => setNote(''));
  };

  return (
    <section className="collection approval" aria-labelledby={`${id}-title`} data-testid="approval">
      <div className="collection-head">
        <div>
          <h2 id={`${id}-title`}>Sign-off</h2>
          <p className="collection-intro">
            The scorecard's first check follows this: approved, and unchanged since.
          </p>
        </div>
        {evidence ? <StatusBadge kind="status" value={evidence.status} testid="approval-status" /> : null}
      </div>
      {evidence ? (
        <p data-testid="approval-summary">
          {evidence.summary} {evidence.details.join(' ')}
        </p>
      ) : null}
      <form className="inline-form" onSubmit={approve} noValidate>
        <label htmlFor={`${id}-note`}>Note (optional)</label>
        <div className="input-row">
          <input
            id={`${id}-note`}
            data-testid="approval-note"
            value={note}
            maxLength={500}
            placeholder="e.g. Agreed at the CAB pre-read"
            disabled={readOnly}
            onChange={(e) => setNote(e.target.value)}
          />
          <button type="submit" className="btn primary" data-testid="approve" disabled={readOnly || busy}>
            {wb.success.approval ? 'Approve again' : 'Approve step 1'}
          </button>
        </div>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </section>
  );
}
