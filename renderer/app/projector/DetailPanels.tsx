import { clockTime, formatDuration } from '../../../shared/domain/format';
import { ProjectorDrill } from '../../features/drills/ProjectorDrill';
import { ProjectorTimers } from '../../features/runbooks/ProjectorTimers';
import type { BoardModel, BoardPoll, BoardPosition } from './board-model';
import { Panel } from './Panel';
import { CALL_LOOK, CHECK_LOOK, GATE_LOOK, type Look, STALE_LOOK, StatusTag } from './StatusIcon';

// The evidence under the call: the seven checks, the wave's gates with how fresh their data is,
// and the go/no-go poll as the room answers it.

const ago = (iso: string, now: number) => `${clockTime(iso)}, ${formatDuration(now - Date.parse(iso))} ago`;

export function ChecksPanel({ model }: { model: BoardModel }) {
  const green = model.checks.filter((c) => c.status === 'green').length;
  return (
    <Panel id="checks" title={`Checks · ${green} of ${model.checks.length} green`} testId="projector-checks">
      <ol className="pj-rows">
        {model.checks.map((c) => (
          <li key={c.id} className="pj-row" data-testid="projector-check" data-status={c.status}>
            <StatusTag look={CHECK_LOOK[c.status]} />
            <span className="pj-row-text">
              {c.label}
              {c.status === 'green' ? null : <span className="pj-dim pj-summary">{c.summary}</span>}
            </span>
          </li>
        ))}
      </ol>
    </Panel>
  );
}

export function GatesPanel({ model, now }: { model: BoardModel; now: number }) {
  if (!model.wave) return null;
  return (
    <Panel id="gates" title="Gates" testId="projector-gates">
      {model.gates.length === 0 ? (
        <p className="pj-dim">
          {model.wave.state === 'planned' ||
          model.wave.state === 'promoted' ||
          model.wave.state === 'rolled-back'
            ? 'Gates are judged while the wave is live.'
            : 'No stop condition gates this wave.'}
        </p>
      ) : (
        <ol className="pj-rows">
          {model.gates.map((g) => (
            <li
              key={g.id}
              className={`pj-row${g.stale ? ' pj-row-stale' : ''}`}
              data-testid="projector-gate"
              data-gate={g.id}
              data-status={g.status}
              data-stale={g.stale}
            >
              {g.stale ? <StatusTag look={STALE_LOOK} /> : <StatusTag look={GATE_LOOK[g.status]} />}
              <span className="pj-row-text">
                {g.metric}
                {g.stale ? ` · ${GATE_LOOK[g.status].word}` : ''}
                {g.latest ? <span className="pj-value"> {g.latest.value}</span> : null}
                <span className="pj-dim pj-summary" data-testid="gate-latest">
                  {g.latest ? `as of ${ago(g.latest.at, now)}` : 'No readings yet'} · limit {g.limit}
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}

const WAITING: Look = { word: 'WAITING', shape: 'ring', tone: 'muted' };
const TURN: Look = { word: 'TO ANSWER', shape: 'arrow', tone: 'hold' };

function answerLook(p: BoardPosition, poll: BoardPoll): Look {
  if (p.answer) return CALL_LOOK[p.answer.call];
  return p.id === poll.nextId ? TURN : WAITING;
}

export function PollPanel({ model, now }: { model: BoardModel; now: number }) {
  const poll = model.poll;
  if (!poll) return null;
  if (poll.outcome) return <PollOutcome poll={poll} outcome={poll.outcome} now={now} />;
  const answered = poll.positions.filter((p) => p.answer).length;
  return (
    <Panel
      id="poll"
      title={`Go/no-go poll · ${answered} of ${poll.positions.length} answered`}
      className="pj-poll"
      testId="projector-poll"
    >
      <ol className="pj-rows">
        {poll.positions.map((p) => (
          <li
            key={p.id}
            className={`pj-row${p.id === poll.nextId ? ' pj-row-turn' : ''}`}
            data-testid="projector-position"
            data-answer={p.answer?.call ?? (p.id === poll.nextId ? 'turn' : 'waiting')}
            aria-current={p.id === poll.nextId ? 'step' : undefined}
          >
            <StatusTag look={answerLook(p, poll)} />
            <span className="pj-row-text">
              {p.label}
              {p.person ? <span className="pj-dim"> · {p.person}</span> : null}
              {p.answer?.reason ? <span className="pj-dim pj-summary">{p.answer.reason}</span> : null}
            </span>
          </li>
        ))}
      </ol>
    </Panel>
  );
}

/** A finished poll, in short: the call and who made it; its answers are in the Scorecard. */
function PollOutcome({
  poll,
  outcome,
  now,
}: {
  poll: BoardPoll;
  outcome: NonNullable<BoardPoll['outcome']>;
  now: number;
}) {
  const counts = (['GO', 'NO-GO', 'HOLD'] as const)
    .map((call) => [call, poll.positions.filter((p) => p.answer?.call === call).length] as const)
    .filter(([, n]) => n > 0)
    .map(([call, n]) => `${n} ${call}`);
  return (
    <Panel id="poll" title="Last go/no-go poll" className="pj-poll" testId="projector-poll">
      <p data-testid="projector-final-call">
        {outcome.call ? (
          <>
            Final call <StatusTag look={CALL_LOOK[outcome.call]} testId="projector-final-call-tag" />
          </>
        ) : (
          'Cancelled'
        )}{' '}
        <span className="pj-dim">
          by {outcome.by}
          {outcome.role ? ` (${outcome.role})` : ''} at {ago(outcome.at, now)}
        </span>
      </p>
      <p className="pj-dim">
        {counts.length > 0 ? `Answers: ${counts.join(', ')}.` : 'No answers.'}
        {outcome.reason ? ` ${outcome.reason}` : ''}
      </p>
    </Panel>
  );
}

/**
 * Where the room's timers will go (a later issue: runbook and drill timers drawn from the host's
 * deadlines). Reserved now so the layout already has their place; it draws nothing until then.
 */
export function TimersSlot({ now }: { now: number }) {
  return (
    <div className="pj-timers-slot" data-slot="timers" data-testid="projector-timers-slot">
      <ProjectorDrill now={now} />
      <ProjectorTimers now={now} />
    </div>
  );
}
