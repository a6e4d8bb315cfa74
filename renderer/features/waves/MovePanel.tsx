import { type FormEvent, useState } from 'react';
import { blockersFor, MOVE_LABEL, STATE_LABEL } from '../../../shared/areas/waves/moves';
import type { Wave, WaveState } from '../../../shared/areas/waves/schema';
import { TextField } from '../../components/TextField';
import { useCommand } from '../../components/use-command';
import { useAppStore } from '../../store/app-store';

// Moving a wave: always with a reason. When the rules say no (the hold is not over, a gate
// fails), they are listed, and the move needs an override saying why they are set aside.

export function MovePanel({
  wave,
  to,
  now,
  onDone,
}: {
  wave: Wave;
  to: WaveState;
  now: number;
  onDone(): void;
}) {
  const wb = useAppStore((s) => s.session!.workbook!);
  const [reason, setReason] = useState('');
  const [override, setOverride] = useState('');
  const { error, busy, run, refuse } = useCommand();
  const blockers = blockersFor(wb, wave, to, now);
  const verb = MOVE_LABEL[to];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return refuse('Say why: every move of a wave is recorded with its reason.');
    if (blockers.length > 0 && !override.trim()) {
      return refuse('The rules refuse this move now; to make it anyway, say why in the override.');
    }
    await run(
      {
        type: 'wave.move',
        waveId: wave.id,
        to,
        reason: reason.trim(),
        ...(blockers.length > 0 ? { override: override.trim() } : {}),
        baseRevision: wb.revision,
      },
      onDone,
    );
  };

  return (
    <form
      className="item-form move-panel"
      onSubmit={submit}
      noValidate
      data-testid="move-panel"
      aria-label={`${verb}: ${wave.name}`}
    >
      <p>
        <strong>
          {verb}: {wave.name}
        </strong>{' '}
        ({STATE_LABEL[wave.state].toLowerCase()} → {STATE_LABEL[to].toLowerCase()})
      </p>
      {blockers.length > 0 ? (
        <div className="form-warning" role="alert" data-testid="move-blockers">
          <div>
            <p>
              <strong>The rules say not now:</strong>
            </p>
            <ul>
              {blockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <TextField
        label="Why (recorded with your name)"
        testid="move-reason"
        rows={2}
        value={reason}
        onChange={setReason}
      />
      {blockers.length > 0 ? (
        <TextField
          label="Override: why the rules are set aside"
          testid="move-override"
          rows={2}
          value={override}
          onChange={setOverride}
        />
      ) : null}
      {error ? (
        <p className="form-error" role="alert" data-testid="move-error">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button
          type="submit"
          className={`btn ${to === 'rolled-back' ? 'danger' : 'primary'}`}
          data-testid="move-submit"
          disabled={busy}
        >
          {blockers.length > 0 ? `${verb} anyway` : verb}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
