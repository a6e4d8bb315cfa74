import { type FormEvent, useId, useState } from 'react';
import type { Workbook } from '../../../shared/schema/workbook';
import { useCommand } from '../../components/use-command';
import { useAppStore } from '../../store/app-store';

// The quorum rule of this workbook: how many current approvals, whose approval is required,
// and whether one rejection blocks.

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function QuorumForm({ wb }: { wb: Workbook }) {
  const id = useId();
  const readOnly = useAppStore((s) => s.session?.file?.readOnly ?? false);
  const q = wb.cab.quorum;
  const [min, setMin] = useState(String(q.minApprovals));
  const [required, setRequired] = useState(q.required.join(', '));
  const [blocks, setBlocks] = useState(q.rejectBlocks);
  const { error, where, busy, run } = useCommand();

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const minApprovals = Number(min);
    await run({
      type: 'cab.quorum-set',
      quorum: {
        minApprovals: Number.isFinite(minApprovals) && min.trim() ? minApprovals : min,
        required: list(required),
        rejectBlocks: blocks,
      },
      baseRevision: wb.revision,
    });
  };

  return (
    <form className="quorum-form" onSubmit={save} noValidate data-testid="quorum-form">
      <div className="field">
        <label htmlFor={`${id}-min`}>Approvals needed</label>
        <input
          id={`${id}-min`}
          inputMode="numeric"
          value={min}
          disabled={readOnly}
          onChange={(e) => setMin(e.target.value)}
          data-testid="quorum-min"
          aria-invalid={where.startsWith('minApprovals') ? true : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-required`}>Required reviewers</label>
        <input
          id={`${id}-required`}
          value={required}
          placeholder="Names, separated by commas"
          disabled={readOnly}
          onChange={(e) => setRequired(e.target.value)}
          data-testid="quorum-required"
        />
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={blocks}
          disabled={readOnly}
          onChange={(e) => setBlocks(e.target.checked)}
        />
        One rejection blocks the change
      </label>
      <button type="submit" className="btn" disabled={readOnly || busy} data-testid="quorum-save">
        Save quorum rule
      </button>
      {error ? (
        <p className="field-error" role="alert" data-testid="quorum-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
