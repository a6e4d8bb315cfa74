import { useState } from 'react';
import type { Poll } from '../../../shared/areas/scorecard/schema';
import { clockTime } from '../../../shared/domain/format';
import { StatusBadge } from '../../components/StatusBadge';
import { formatWhen } from '../../components/when';

// A past poll, replayed answer by answer, ending on the final call and the board as it stood.

export function PollReplay({ poll }: { poll: Poll }) {
  const [step, setStep] = useState<number | null>(null);
  const outcome = poll.outcome!;
  const total = poll.answers.length + 1;
  const shown = step ?? total;
  const when = formatWhen(poll.startedAt);
  return (
    <article className="poll-past" data-testid="poll-past">
      <p>
        <strong>{when}</strong>, started by {poll.startedBy}:{' '}
        {outcome.kind === 'cancelled' ? (
          <span>cancelled — {outcome.reason}</span>
        ) : (
          <>
            final call <StatusBadge kind="call" value={outcome.call!} /> by {outcome.by} ({outcome.role})
            {outcome.reason ? ` — ${outcome.reason}` : ''}
          </>
        )}
      </p>
      <div className="card-row">
        <button
          type="button"
          className="btn small"
          data-testid="poll-replay"
          onClick={() => setStep(step === null ? 0 : null)}
        >
          {step === null ? 'Replay' : 'Close the replay'}
        </button>
        {step !== null ? (
          <>
            <button
              type="button"
              className="btn small"
              disabled={step === 0}
              onClick={() => setStep(step - 1)}
            >
              Back
            </button>
            <button
              type="button"
              className="btn small"
              data-testid="poll-replay-next"
              disabled={step >= total}
              onClick={() => setStep(step + 1)}
            >
              Next
            </button>
            <span className="muted small" aria-live="polite">
              Step {step} of {total}
            </span>
          </>
        ) : null}
      </div>
      {step !== null ? (
        <ol className="poll-positions" data-testid="poll-replay-steps">
          {poll.answers.slice(0, shown).map((a) => {
            const p = poll.positions.find((x) => x.id === a.positionId);
            return (
              <li key={a.positionId}>
                {clockTime(a.at)} <span className="strong">{p?.label}</span>{' '}
                <StatusBadge kind="call" value={a.answer} />
                {a.reason ? <span className="muted"> — {a.reason}</span> : null}
              </li>
            );
          })}
          {shown >= total && outcome.snapshot ? (
            <li>
              {clockTime(outcome.at)} <span className="strong">The board said</span>{' '}
              <StatusBadge kind="call" value={outcome.snapshot.verdict} />:{' '}
              {outcome.snapshot.items.map((i) => `${i.label} ${i.status}`).join('; ')}
            </li>
          ) : null}
        </ol>
      ) : null}
    </article>
  );
}
