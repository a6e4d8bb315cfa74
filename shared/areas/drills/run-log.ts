import { z } from 'zod';
import { areaCommand } from '../../domain/area-command';
import { DomainError } from '../../domain/errors';
import { entityId, optionalText, requiredText } from '../../schema/fields';
import type { AreaCommand } from '../types';
import { drillTimeMs } from './clock';
import { liveRun, runAt, runPlan } from './run-helpers';
import { InjectCardSchema } from './run-schema';
import { LOG_KINDS } from './scoring';

// During a drill: the facilitator's hand of unscheduled cards (played at any moment, or written
// on the spot and played at once), the discussion question on the participants' screens, and the
// log of what the room did, tied to the expected actions it shows, with drill and wall time.

const runId = entityId;

const WriteSchema = z.strictObject({
  type: z.literal('drills.run-card-write'),
  runId,
  card: InjectCardSchema,
  /** Play it at once (written on the spot) instead of keeping it in the hand. */
  play: z.boolean(),
});

export const writeCard: AreaCommand<typeof WriteSchema> = areaCommand(WriteSchema, (wb, cmd, ctx) => {
  const { index, run } = cmd.play ? liveRun(wb, cmd.runId) : runAt(wb, cmd.runId);
  if (run.endedAt !== null)
    throw new DomainError('not-allowed', `The drill "${run.scenario.name}" has finished`, 'runId');
  const taken = [...run.cards.map((c) => c.id), ...run.scenario.injects.map((i) => i.id)];
  if (taken.includes(cmd.card.id))
    throw new DomainError(
      'duplicate-id',
      `This drill already has a card or inject "${cmd.card.id}"`,
      'card.id',
    );
  if (run.cards.length >= 100) throw new DomainError('out-of-range', 'At most 100 cards in a hand', 'card');
  const now = Date.parse(ctx.at);
  return runPlan(
    wb,
    run.id,
    cmd.play ? `Wrote and played a card: ${cmd.card.title}` : `Added a card to the hand: ${cmd.card.title}`,
    (d) => {
      const target = d.drills.runs[index]!;
      target.cards.push(cmd.card);
      if (cmd.play && run.clock) {
        target.fired.push({
          injectId: cmd.card.id,
          drillMs: drillTimeMs(run.clock, now),
          wallMs: now,
          how: 'card',
        });
      }
    },
  );
});

const PlaySchema = z.strictObject({ type: z.literal('drills.run-card-play'), runId, cardId: entityId });

export const playCard: AreaCommand<typeof PlaySchema> = areaCommand(PlaySchema, (wb, cmd, ctx) => {
  const { index, run, clock } = liveRun(wb, cmd.runId);
  const card = run.cards.find((c) => c.id === cmd.cardId);
  if (!card) throw new DomainError('not-found', `No card "${cmd.cardId}" in the hand`, 'cardId');
  if (run.fired.some((f) => f.injectId === card.id))
    throw new DomainError('not-allowed', `Card "${card.title}" has already been played`, 'cardId');
  const now = Date.parse(ctx.at);
  return runPlan(wb, run.id, `Played a card: ${card.title}`, (d) => {
    d.drills.runs[index]!.fired.push({
      injectId: card.id,
      drillMs: drillTimeMs(clock, now),
      wallMs: now,
      how: 'card',
    });
  });
});

const QuestionSchema = z.strictObject({
  type: z.literal('drills.run-question'),
  runId,
  /** An index into the scenario's questions, or -1 to show none. */
  index: z.number({ error: 'Question must be a number' }).int().min(-1),
});

export const setQuestion: AreaCommand<typeof QuestionSchema> = areaCommand(QuestionSchema, (wb, cmd) => {
  const { index, run } = runAt(wb, cmd.runId);
  if (cmd.index >= run.scenario.questions.length)
    throw new DomainError(
      'out-of-range',
      `This scenario has ${run.scenario.questions.length} discussion questions`,
      'index',
    );
  const q = cmd.index < 0 ? '' : run.scenario.questions[cmd.index]!;
  return runPlan(wb, run.id, cmd.index < 0 ? 'Cleared the discussion question' : `Asked: ${q}`, (d) => {
    d.drills.runs[index]!.questionIndex = cmd.index;
  });
});

const LogSchema = z.strictObject({
  type: z.literal('drills.run-log'),
  runId,
  kind: z.enum(LOG_KINDS, { error: `Kind must be one of: ${LOG_KINDS.join(', ')}` }),
  who: requiredText('Who', 120),
  text: optionalText('What', 2000),
  /** The expected action this shows, or ''. */
  expectedId: z.union([entityId, z.literal('')]),
  decision: z.enum(['', 'rollback', 'hold', 'continue', 'escalate']),
});

/** Logs what someone did or decided, at the drill time and wall time the host stamps. */
export const logAction: AreaCommand<typeof LogSchema> = areaCommand(LogSchema, (wb, cmd, ctx) => {
  const { index, run, clock } = liveRun(wb, cmd.runId);
  if (
    cmd.expectedId !== '' &&
    !run.scenario.injects.some((i) => i.expected.some((e) => e.id === cmd.expectedId))
  )
    throw new DomainError('not-found', `No expected action "${cmd.expectedId}" in this drill`, 'expectedId');
  if (cmd.kind === 'decision' && cmd.decision === '')
    throw new DomainError(
      'invalid-item',
      'Say what was decided: rollback, hold, continue or escalate',
      'decision',
    );
  if (cmd.kind !== 'decision' && cmd.decision !== '')
    throw new DomainError('invalid-item', 'Only a decision names what was decided', 'decision');
  if (cmd.kind !== 'decision' && !cmd.text.trim() && cmd.expectedId === '')
    throw new DomainError('invalid-item', 'Say what happened: the text is required', 'text');
  const now = Date.parse(ctx.at);
  const entry = {
    id: `log-${run.log.length + 1}`,
    kind: cmd.kind,
    drillMs: drillTimeMs(clock, now),
    wallMs: now,
    who: cmd.who.trim(),
    text: cmd.text.trim(),
    expectedId: cmd.expectedId,
    decision: cmd.decision,
  };
  const what = cmd.kind === 'decision' ? `decision (${cmd.decision})` : cmd.kind;
  return runPlan(wb, run.id, `Drill log: ${what} by ${entry.who}`, (d) => {
    d.drills.runs[index]!.log.push(entry);
  });
});
