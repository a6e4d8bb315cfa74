import { type FormEvent, useId, useState } from 'react';
import { CALLS, type Call, type Poll, type Position } from '../../../shared/areas/scorecard/schema';
import type { Verdict } from '../../../shared/areas/scorecard/verdict';
import type { Wave } from '../../../shared/areas/waves/schema';
import { clockTime } from '../../../shared/domain/format';
import type { Workbook } from '../../../shared/schema/workbook';
import { newId } from '../../components/collection/draft';
import { badgeText, StatusBadge } from '../../components/StatusBadge';
import { TextField } from '../../components/TextField';
import { useCommand } from '../../components/use-command';
import { PollReplay } from './PollReplay';

// The go/no-go poll, like a launch status check: positions are called in a fixed order, each
// answers GO / NO-GO / HOLD, and the final call is recorded with the board as it stood.

type Source = 'owners' | 'authorities' | 'custom';

function positionsFrom(wb: Workbook, source: Source, custom: string): Position[] {
  if (source === 'authorities') {
    return wb.success.noGoAuthorities.map((a) => ({ id: newId('pos'), label: a.role, person: a.name }));
  }
  if (source === 'owners') {
    const owners = [...new Set(wb.scorecard.items.map((i) => i.owner.trim()).filter(Boolean))];
    return owners.map((o) => ({ id: newId('pos'), label: o, person: o }));
  }
  return custom
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [label, person] = line.split(/\s+[—-]\s+/);
      return { id: newId('pos'), label: (label ?? line).slice(0, 120), person: (person ?? '').slice(0, 120) };
    });
}

function StartPoll({ wb, wave }: { wb: Workbook; wave: Wave }) {
  const id = useId();
  const [source, setSource] = useState<Source>('authorities');
  const [custom, setCustom] = useState('');
  const { error, busy, run } = useCommand();
  const positions = positionsFrom(wb, source, custom);
  const start = (e: FormEvent) => {
    e.preventDefault();
    void run({ type: 'poll.start', id: newId('poll'), waveId: wave.id, positions });
  };
  return (
    <form className="inline-form poll-start" onSubmit={start} noValidate data-testid="poll-start">
      <fieldset className="field multi">
        <legend>Who is polled, in this order</legend>
        <div className="multi-options">
          {(
            [
              ['authorities', 'The no-go authorities'],
              ['owners', 'The owners of the checks'],
              ['custom', 'A list I write'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="check">
              <input
                type="radio"
                name={`${id}-source`}
                checked={source === value}
                onChange={() => setSource(value)}
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      {source === 'custom' ? (
        <TextField
          label='One position a line: "Position — Person"'
          testid="poll-custom"
          rows={4}
          value={custom}
          placeholder={'Flight director — Amara Okafor\nIncident commander — Dmitri Halloran'}
          onChange={setCustom}
        />
      ) : null}
      <p className="muted small">
        {positions.length > 0 ? `Polls ${positions.map((p) => p.label).join(', ')}.` : 'Nobody to poll yet.'}
      </p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        className="btn primary"
        data-testid="poll-start-submit"
        disabled={busy || positions.length === 0}
      >
        Start the poll for {wave.name}
      </button>
    </form>
  );
}

function RunningPoll({ poll, verdict }: { poll: Poll; verdict: Verdict }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [call, setCall] = useState<Call>(verdict.call);
  const { error, busy, run } = useCommand();
  const next = poll.positions[poll.answers.length];
  const answer = (value: Call) => {
    if (!next) return;
    const sent = reason;
    void run(
      { type: 'poll.answer', pollId: poll.id, positionId: next.id, answer: value, reason: reason.trim() },
      // The answer shows before it is on disk; by then the next position may be typing its reason.
      () => setReason((now) => (now === sent ? '' : now)),
    );
  };
  return (
    <div className="poll" data-testid="poll-running">
      <ol className="poll-positions">
        {poll.positions.map((p, i) => {
          const a = poll.answers.find((x) => x.positionId === p.id);
          return (
            <li key={p.id} className={p === next ? 'next' : undefined} data-testid="poll-position">
              <span className="strong">{p.label}</span>
              {p.person ? <span className="muted"> ({p.person})</span> : null}
              {a ? (
                <>
                  {' '}
                  <StatusBadge kind="call" value={a.answer} />{' '}
                  <span className="muted small">
                    {clockTime(a.at)}
                    {a.reason ? ` — ${a.reason}` : ''}
                  </span>
                </>
              ) : i === poll.answers.length ? (
                <span className="pill pill-accent"> answering now</span>
              ) : (
                <span className="muted"> waiting</span>
              )}
            </li>
          );
        })}
      </ol>
      {next ? (
        <div className="poll-answer">
          <TextField
            label={`${next.label}: reason (optional)`}
            testid="poll-reason"
            value={reason}
            onChange={setReason}
          />
          <div className="card-row">
            {CALLS.map((c) => (
              <button
                key={c}
                type="button"
                className={`btn poll-call tone-${badgeText({ kind: 'call', value: c }).tone}`}
                data-testid={`poll-answer-${c}`}
                disabled={busy}
                onClick={() => answer(c)}
              >
                <span aria-hidden="true">{badgeText({ kind: 'call', value: c }).icon}</span>
                {c}
              </button>
            ))}
          </div>
        </div>
      ) : (
        <form
          className="poll-answer"
          onSubmit={(e) => {
            e.preventDefault();
            void run({ type: 'poll.close', pollId: poll.id, call, reason: reason.trim() }, () =>
              setReason(''),
            );
          }}
        >
          <label htmlFor={`${id}-call`}>Final call (the board says {verdict.call})</label>
          <select
            id={`${id}-call`}
            data-testid="poll-call"
            value={call}
            onChange={(e) => setCall(e.target.value as Call)}
          >
            {CALLS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          <TextField label="Why" testid="poll-close-reason" value={reason} onChange={setReason} />
          <button type="submit" className="btn primary" data-testid="poll-close" disabled={busy}>
            Record the final call
          </button>
        </form>
      )}
      <button
        type="button"
        className="btn small ghost"
        data-testid="poll-cancel"
        disabled={busy}
        onClick={() =>
          void run({
            type: 'poll.close',
            pollId: poll.id,
            call: null,
            reason: reason.trim() || 'Cancelled by the facilitator',
          })
        }
      >
        Cancel the poll
      </button>
      {error ? (
        <p className="form-error" role="alert" data-testid="poll-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function PollPanel({
  wb,
  wave,
  verdict,
  readOnly,
}: {
  wb: Workbook;
  wave: Wave;
  verdict: Verdict;
  readOnly: boolean;
}) {
  const polls = wb.scorecard.polls.filter((p) => p.waveId === wave.id);
  const running = polls.find((p) => !p.outcome);
  const past = polls.filter((p) => p.outcome).reverse();
  return (
    <section className="collection" aria-labelledby="poll-title" data-testid="poll-panel">
      <div className="collection-head">
        <div>
          <h2 id="poll-title">Go / no-go poll</h2>
          <p className="collection-intro">
            Each position answers in turn; the final call is kept with the board as it stood.
          </p>
        </div>
      </div>
      {running ? (
        <RunningPoll poll={running} verdict={verdict} />
      ) : readOnly ? null : (
        <StartPoll wb={wb} wave={wave} />
      )}
      {past.length > 0 ? (
        <>
          <h3>Past polls</h3>
          {past.map((p) => (
            <PollReplay key={p.id} poll={p} />
          ))}
        </>
      ) : null}
    </section>
  );
}
