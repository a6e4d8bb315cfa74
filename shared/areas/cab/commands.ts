import { z } from 'zod';
import { areaCommand } from '../../domain/area-command';
import { DomainError } from '../../domain/errors';
import { describeValue, humanize } from '../../domain/format';
import { jsonEqual } from '../../domain/patches';
import { summarizeIssues, toFieldIssues } from '../../schema/issues';
import type { AreaCommand } from '../types';
import { QUESTION_BY_ID } from './questionnaire';
import { type Change, ChangeSchema, QuorumSchema } from './schema';

// Editing the change record, its questionnaire and the quorum rule. Decisions, submissions and
// imports are in review-commands.ts: they carry a content hash only the host can vouch for.

const baseRevision = z.number({ error: 'baseRevision must be a revision number' }).int().min(0);

/** A zod refusal as the form's error: what is wrong, and each field it concerns. */
function parsed<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = toFieldIssues(result.error);
  throw new DomainError(
    'invalid-item',
    `Invalid ${what}: ${summarizeIssues(issues)}`,
    issues[0]?.path ?? '',
    issues,
  );
}

const { raisedAt: _r, answers: _a, ...editable } = ChangeSchema.shape;
const UpdateChangeSchema = z.strictObject({
  type: z.literal('cab.change-update'),
  change: z.strictObject(editable),
  baseRevision,
});

// Typed explicitly: inferring it would need the workbook type, which the registry derives.
export const updateChange: AreaCommand<typeof UpdateChangeSchema> = areaCommand(
  UpdateChangeSchema,
  (wb, cmd, ctx) => {
    const old = wb.cab.change;
    const fields = { ...old, ...cmd.change };
    const changed = (Object.keys(cmd.change) as (keyof typeof cmd.change)[]).filter(
      (k) => !jsonEqual(old[k], fields[k]),
    );
    const empty = { patches: [], inverse: [], touched: [], area: 'cab', summary: '' };
    if (changed.length === 0) return empty;
    // Lead time counts from the first time the change is written down, and nobody edits that.
    const next: Change = parsed(
      ChangeSchema,
      { ...fields, raisedAt: old.raisedAt ?? ctx.at },
      'change record',
    );
    const what = changed
      .slice(0, 3)
      .map((k) => `${humanize(k)} ${describeValue(old[k])} → ${describeValue(next[k])}`);
    if (changed.length > 3) what.push(`and ${changed.length - 3} more`);
    const path = ['cab', 'change'];
    return {
      patches: [{ op: 'replace', path, value: next }],
      inverse: [{ op: 'replace', path, value: old }],
      touched: ['cab.change'],
      area: 'cab',
      summary: `Updated the change record: ${what.join(', ')}`,
    };
  },
);

const AnswerSchema = z.strictObject({
  type: z.literal('cab.answer'),
  question: z.string({ error: 'Say which question' }).max(40),
  /** Checked against the question in the plan, so the refusal can name it. */
  answer: z
    .number({ error: 'An answer is a number from 0 to 3' })
    .int('An answer is a whole number')
    .nullable(),
});

// Typed explicitly: inferring it would need the workbook type, which the registry derives.
export const answerQuestion: AreaCommand<typeof AnswerSchema> = areaCommand(AnswerSchema, (wb, cmd) => {
  const question = QUESTION_BY_ID.get(cmd.question as never);
  if (!question) throw new DomainError('not-found', `No risk question "${cmd.question}"`, 'question');
  if (cmd.answer !== null && (cmd.answer < 0 || cmd.answer > 3)) {
    throw new DomainError(
      'out-of-range',
      `'${question.text}' is answered 0 to 3 (${question.options[0]} … ${question.options[3]}); ${cmd.answer} is out of range.`,
      'answer',
    );
  }
  const old = wb.cab.change.answers[question.id];
  if (old === cmd.answer) return { patches: [], inverse: [], touched: [], area: 'cab', summary: '' };
  const path = ['cab', 'change', 'answers', question.id];
  return {
    patches: [{ op: 'replace', path, value: cmd.answer }],
    inverse: [{ op: 'replace', path, value: old }],
    touched: ['cab.change'],
    area: 'cab',
    summary:
      cmd.answer === null
        ? `Cleared the answer to '${question.text}'`
        : `Answered '${question.text}': ${question.options[cmd.answer]}`,
  };
});

const SetQuorumSchema = z.strictObject({
  type: z.literal('cab.quorum-set'),
  quorum: z.unknown(),
  baseRevision,
});

// Typed explicitly: inferring it would need the workbook type, which the registry derives.
export const setQuorum: AreaCommand<typeof SetQuorumSchema> = areaCommand(SetQuorumSchema, (wb, cmd) => {
  const next = parsed(QuorumSchema, cmd.quorum, 'quorum rule');
  const old = wb.cab.quorum;
  if (jsonEqual(old, next)) return { patches: [], inverse: [], touched: [], area: 'cab', summary: '' };
  const path = ['cab', 'quorum'];
  const required = next.required.length > 0 ? `, including ${next.required.join(', ')}` : '';
  return {
    patches: [{ op: 'replace', path, value: next }],
    inverse: [{ op: 'replace', path, value: old }],
    touched: ['cab.quorum'],
    area: 'cab',
    summary: `Set the quorum: ${next.minApprovals} approval${next.minApprovals === 1 ? '' : 's'}${required}; ${
      next.rejectBlocks ? 'a rejection blocks' : 'rejections do not block'
    }`,
  };
});
