import { z } from 'zod';
import { areaCommand, draftChange } from '../../domain/area-command';
import { DomainError } from '../../domain/errors';
import { choice, entityId, optionalText, requiredText } from '../../schema/fields';
import type { Workbook } from '../../schema/workbook';
import type { AreaCommand } from '../types';
import { STATUSES } from '../types';
import { CALLS, PositionSchema } from './schema';
import { verdictFor } from './verdict';

// The scorecard's own commands: assessing a check (a reason is required to change a status),
// and the go/no-go poll, where positions answer in a fixed order and the final call is recorded
// with the scorecard and gates as they stood.

const baseRevision = z.number({ error: 'baseRevision must be a revision number' }).int().min(0);

function waveNamed(wb: Workbook, id: string) {
  const wave = wb.waves.waves.find((w) => w.id === id);
  if (!wave) throw new DomainError('not-found', `No wave with id "${id}"`, 'waveId');
  return wave;
}

const AssessCheckSchema = z.strictObject({
  type: z.literal('scorecard.assess'),
  id: entityId,
  waveId: entityId,
  itemId: entityId,
  /** A status set by hand, or 'follow' to follow the evidence. */
  status: z.union([choice('Status', STATUSES), z.literal('follow')]),
  evidence: optionalText('Evidence', 2000),
  reason: requiredText('Reason', 500),
  baseRevision,
});

// Typed explicitly: inferring it would need the workbook type, which the registry derives.
export const assessCheck: AreaCommand<typeof AssessCheckSchema> = areaCommand(
  AssessCheckSchema,
  (wb, cmd, ctx) => {
    const wave = waveNamed(wb, cmd.waveId);
    const item = wb.scorecard.items.find((i) => i.id === cmd.itemId);
    if (!item) throw new DomainError('not-found', `No scorecard check with id "${cmd.itemId}"`, 'itemId');
    if (wb.scorecard.assessments.some((a) => a.id === cmd.id)) {
      throw new DomainError('duplicate-id', `An assessment with id "${cmd.id}" already exists`, 'id');
    }
    const status = cmd.status === 'follow' ? null : cmd.status;
    const change = draftChange(wb, (d) => {
      d.scorecard.assessments.push({
        id: cmd.id,
        waveId: wave.id,
        itemId: item.id,
        status,
        evidence: cmd.evidence,
        reason: cmd.reason,
        at: ctx.at,
        by: ctx.who.name,
        role: ctx.who.role,
      });
    });
    const what = status ? `set to ${status}` : 'set to follow the evidence';
    return {
      ...change,
      touched: [`scorecard.assessments/${wave.id}/${item.id}`],
      area: 'scorecard',
      summary: `'${item.label}' for ${wave.name} ${what}: ${cmd.reason}`,
    };
  },
);

function openPoll(wb: Workbook, id: string) {
  const index = wb.scorecard.polls.findIndex((p) => p.id === id);
  if (index < 0) throw new DomainError('not-found', `No poll with id "${id}"`, 'pollId');
  const poll = wb.scorecard.polls[index]!;
  if (poll.outcome) throw new DomainError('not-allowed', 'This poll is over; start a new one.', 'pollId');
  return { poll, index };
}

const StartPollSchema = z.strictObject({
  type: z.literal('poll.start'),
  id: entityId,
  waveId: entityId,
  positions: z
    .array(PositionSchema)
    .min(1, 'Name at least one position to poll')
    .max(20, 'At most 20 positions'),
});

// Typed explicitly: inferring it would need the workbook type, which the registry derives.
export const startPoll: AreaCommand<typeof StartPollSchema> = areaCommand(StartPollSchema, (wb, cmd, ctx) => {
  const wave = waveNamed(wb, cmd.waveId);
  if (wb.scorecard.polls.some((p) => p.id === cmd.id)) {
    throw new DomainError('duplicate-id', `A poll with id "${cmd.id}" already exists`, 'id');
  }
  const running = wb.scorecard.polls.find((p) => p.waveId === wave.id && !p.outcome);
  if (running)
    throw new DomainError(
      'not-allowed',
      `A poll for ${wave.name} is already running; finish or cancel it first.`,
    );
  const ids = new Set(cmd.positions.map((p) => p.id));
  if (ids.size !== cmd.positions.length)
    throw new DomainError('duplicate-id', 'Each position needs its own id', 'positions');
  const change = draftChange(wb, (d) => {
    d.scorecard.polls.push({
      id: cmd.id,
      waveId: wave.id,
      startedAt: ctx.at,
      startedBy: ctx.who.name,
      positions: cmd.positions,
      answers: [],
      outcome: null,
    });
  });
  return {
    ...change,
    touched: [`scorecard.polls/${cmd.id}`],
    area: 'scorecard',
    summary: `Started a go/no-go poll for ${wave.name}: ${cmd.positions.map((p) => p.label).join(', ')}`,
  };
});

const AnswerPollSchema = z.strictObject({
  type: z.literal('poll.answer'),
  pollId: entityId,
  positionId: entityId,
  answer: choice('Answer', CALLS),
  reason: optionalText('Reason', 500),
});

// Typed explicitly: inferring it would need the workbook type, which the registry derives.
export const answerPoll: AreaCommand<typeof AnswerPollSchema> = areaCommand(
  AnswerPollSchema,
  (wb, cmd, ctx) => {
    const { poll, index } = openPoll(wb, cmd.pollId);
    const next = poll.positions[poll.answers.length];
    const position = poll.positions.find((p) => p.id === cmd.positionId);
    if (!position)
      throw new DomainError(
        'not-found',
        `No position with id "${cmd.positionId}" in this poll`,
        'positionId',
      );
    if (!next) throw new DomainError('not-allowed', 'Every position has answered; make the final call.');
    if (next.id !== position.id) {
      // A poll is called in order, like a launch status check: nobody answers out of turn.
      throw new DomainError(
        'not-allowed',
        `It is ${next.label}'s turn to answer, not ${position.label}'s.`,
        'positionId',
      );
    }
    const change = draftChange(wb, (d) => {
      d.scorecard.polls[index]!.answers.push({
        positionId: position.id,
        answer: cmd.answer,
        reason: cmd.reason,
        at: ctx.at,
        by: ctx.who.name,
        role: ctx.who.role,
      });
    });
    return {
      ...change,
      touched: [`scorecard.polls/${poll.id}`],
      area: 'scorecard',
      summary: `${position.label} answered ${cmd.answer}${cmd.reason ? `: ${cmd.reason}` : ''}`,
    };
  },
);

const ClosePollSchema = z.strictObject({
  type: z.literal('poll.close'),
  pollId: entityId,
  /** The final call, or null to cancel the poll. */
  call: choice('Call', CALLS).nullable(),
  reason: optionalText('Reason', 500),
});

// Typed explicitly: inferring it would need the workbook type, which the registry derives.
export const closePoll: AreaCommand<typeof ClosePollSchema> = areaCommand(ClosePollSchema, (wb, cmd, ctx) => {
  const { poll, index } = openPoll(wb, cmd.pollId);
  const wave = waveNamed(wb, poll.waveId);
  if (cmd.call === null && !cmd.reason.trim()) {
    throw new DomainError('invalid-item', 'Say why the poll is cancelled.', 'reason');
  }
  if (cmd.call !== null && poll.answers.length < poll.positions.length) {
    const waiting = poll.positions.slice(poll.answers.length).map((p) => p.label);
    throw new DomainError('not-allowed', `Still waiting for ${waiting.join(', ')} to answer.`);
  }
  const verdict = cmd.call === null ? null : verdictFor(wb, wave, Date.parse(ctx.at));
  const snapshot = verdict && {
    verdict: verdict.call,
    reasons: verdict.reasons.slice(0, 100),
    items: verdict.items.map((i) => ({ itemId: i.item.id, label: i.item.label, status: i.status })),
    gates: [...verdict.gates, ...verdict.breaches.filter((b) => b.waveId !== wave.id)].map((g) => ({
      stopConditionId: g.stopConditionId,
      metric: g.metricName,
      status: g.status,
      reason: g.reason.slice(0, 1000),
    })),
  };
  const change = draftChange(wb, (d) => {
    d.scorecard.polls[index]!.outcome = {
      kind: cmd.call === null ? 'cancelled' : 'call',
      call: cmd.call,
      reason: cmd.reason,
      at: ctx.at,
      by: ctx.who.name,
      role: ctx.who.role,
      snapshot,
    };
  });
  return {
    ...change,
    touched: [`scorecard.polls/${poll.id}`],
    area: 'scorecard',
    summary:
      cmd.call === null
        ? `Cancelled the go/no-go poll for ${wave.name}: ${cmd.reason}`
        : `Final call for ${wave.name}: ${cmd.call}${cmd.reason ? ` (${cmd.reason})` : ''}; the scorecard said ${snapshot?.verdict}`,
  };
});
