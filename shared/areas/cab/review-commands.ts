import type { Draft } from 'immer';
import { z } from 'zod';
import { areaCommand, draftChange } from '../../domain/area-command';
import { DomainError } from '../../domain/errors';
import { entityId, optionalText } from '../../schema/fields';
import type { Workbook } from '../../schema/workbook';
import type { AreaCommand, CommandContext } from '../types';
import { reviewedContent, shortHash } from './content';
import { FileDecisionSchema, ImportRefused, planImport } from './decision-file';
import { latestDecisions } from './quorum';
import { contentHash, DECISIONS, type Decision, SignedSchema } from './schema';

// Decisions, submissions and imported decision files. Each says which version of the plan it
// is about by its SHA-256, which pure code cannot compute; so these commands are HOST-ONLY: the
// host hashes the plan itself and fills `reviewed` / `currentHash` in, and refuses them when a
// window sends them directly (see HOST_ONLY_COMMANDS).

/** Commands only the host may issue, after computing the content hash they carry. */
export const HOST_ONLY_COMMANDS: ReadonlySet<string> = new Set([
  'cab.decide',
  'cab.submit',
  'cab.import-decisions',
]);

const Reviewed = z.strictObject({ hash: contentHash, revision: z.number().int().min(0) });

/**
 * Keeps each version's plan only while something needs it for a "what changed" view: the
 * version a reviewer's newest decision is about, and the newest submission. Others keep their
 * hash (so a late decision file about them is still recognised) and drop their content. A plan
 * is kept once, however many entries (a submission, decisions) name its hash.
 */
function pruneVersions(d: Draft<Workbook>): void {
  const keep = new Set(latestDecisions(d.cab.decisions as Decision[]).map((x) => x.reviewedHash));
  const submitted = d.cab.versions.filter((v) => v.kind === 'submitted').at(-1);
  if (submitted) keep.add(submitted.hash);
  const kept = new Set<string>();
  for (const v of d.cab.versions) {
    if (v.content === null) continue;
    if (!keep.has(v.hash) || kept.has(v.hash)) v.content = null;
    else kept.add(v.hash);
  }
}

const hasPlan = (d: Draft<Workbook>, hash: string) =>
  d.cab.versions.some((v) => v.hash === hash && v.content !== null);

/** Records the version `reviewed` names, keeping its plan unless that plan is already kept. */
function keepVersion(
  d: Draft<Workbook>,
  wb: Workbook,
  reviewed: { hash: string; revision: number },
  kind: 'submitted' | 'reviewed',
  ctx: CommandContext,
  note = '',
): void {
  const known = d.cab.versions.find((v) => v.hash === reviewed.hash);
  // A decision on a version already recorded (submitted, or decided on before) adds no entry.
  if (kind === 'reviewed' && known) {
    if (!hasPlan(d, reviewed.hash)) known.content = reviewedContent(wb);
    return;
  }
  const content = hasPlan(d, reviewed.hash) ? null : reviewedContent(wb);
  d.cab.versions.push({ ...reviewed, at: ctx.at, by: ctx.who.name, kind, note, content });
}

function checkComment(decision: string, comment: string, conditions: string): void {
  if (!comment.trim())
    throw new DomainError('invalid-item', 'Say why: every decision needs a comment.', 'comment');
  if (decision === 'approve-with-conditions' && !conditions.trim()) {
    throw new DomainError('invalid-item', 'Name the conditions of this approval.', 'conditions');
  }
}

const DecideSchema = z.strictObject({
  type: z.literal('cab.decide'),
  id: entityId,
  decision: z.enum(DECISIONS, { error: `Decision must be one of: ${DECISIONS.join(', ')}` }),
  conditions: optionalText('Conditions', 2000),
  comment: optionalText('Comment', 2000),
  /** The plan as the reviewer's window held it, hashed by the host when it took the decision. */
  reviewed: Reviewed,
});

export const DECISION_LABEL: Record<(typeof DECISIONS)[number], string> = {
  approve: 'Approve',
  'approve-with-conditions': 'Approve with conditions',
  reject: 'Reject',
  defer: 'Defer',
};

// Typed explicitly: inferring it would need the workbook type, which the registry derives.
export const decide: AreaCommand<typeof DecideSchema> = areaCommand(DecideSchema, (wb, cmd, ctx) => {
  checkComment(cmd.decision, cmd.comment, cmd.conditions);
  if (wb.cab.decisions.some((x) => x.id === cmd.id)) {
    throw new DomainError('duplicate-id', `A decision with id "${cmd.id}" already exists`, 'id');
  }
  const decision: Decision = {
    id: cmd.id,
    reviewer: ctx.who.name,
    role: ctx.who.role,
    decision: cmd.decision,
    conditions: cmd.decision === 'approve-with-conditions' ? cmd.conditions.trim() : '',
    comment: cmd.comment.trim(),
    at: ctx.at,
    reviewedHash: cmd.reviewed.hash,
    reviewedRevision: cmd.reviewed.revision,
    signed: null,
  };
  const change = draftChange(wb, (d) => {
    keepVersion(d, wb, cmd.reviewed, 'reviewed', ctx);
    d.cab.decisions.push(decision);
    pruneVersions(d);
  });
  return {
    ...change,
    touched: [`cab.decisions/${cmd.id}`],
    area: 'cab',
    summary: `${DECISION_LABEL[cmd.decision]} (plan ${shortHash(cmd.reviewed.hash)}): ${decision.comment}`,
  };
});

const SubmitSchema = z.strictObject({
  type: z.literal('cab.submit'),
  note: optionalText('Note', 500),
  reviewed: Reviewed,
});

// Typed explicitly: inferring it would need the workbook type, which the registry derives.
export const submitForReview: AreaCommand<typeof SubmitSchema> = areaCommand(SubmitSchema, (wb, cmd, ctx) => {
  const last = wb.cab.versions.filter((v) => v.kind === 'submitted').at(-1);
  if (last?.hash === cmd.reviewed.hash) {
    throw new DomainError(
      'not-allowed',
      `This version of the plan was already submitted by ${last.by} (${last.at.slice(0, 16).replace('T', ' ')} UTC).`,
    );
  }
  const change = draftChange(wb, (d) => {
    keepVersion(d, wb, cmd.reviewed, 'submitted', ctx, cmd.note.trim());
    pruneVersions(d);
  });
  return {
    ...change,
    touched: ['cab.versions'],
    area: 'cab',
    summary: `Submitted the plan for review (${shortHash(cmd.reviewed.hash)})${cmd.note.trim() ? `: ${cmd.note.trim()}` : ''}`,
  };
});

const ImportSchema = z.strictObject({
  type: z.literal('cab.import-decisions'),
  workbookId: entityId,
  workbookName: z.string().max(160),
  reviewer: z.strictObject({ name: z.string().max(120), role: z.string().max(120) }),
  signed: SignedSchema.omit({ importedAt: true, importedBy: true }),
  decisions: z.array(FileDecisionSchema).min(1).max(200),
  /** The plan's hash now, computed by the host as it imports. */
  currentHash: contentHash,
  currentRevision: z.number().int().min(0),
});

// Typed explicitly: inferring it would need the workbook type, which the registry derives.
export const importDecisions: AreaCommand<typeof ImportSchema> = areaCommand(ImportSchema, (wb, cmd, ctx) => {
  let plan: ReturnType<typeof planImport>;
  try {
    plan = planImport(wb, cmd, cmd.currentHash);
  } catch (error) {
    if (error instanceof ImportRefused) throw new DomainError('not-allowed', error.message, error.where);
    throw error;
  }
  if (plan.record.length === 0) return { patches: [], inverse: [], touched: [], area: 'cab', summary: '' };
  for (const d of plan.record) checkComment(d.decision, d.comment, d.conditions);
  const signed = { ...cmd.signed, importedAt: ctx.at, importedBy: ctx.who.name };
  const change = draftChange(wb, (d) => {
    if (plan.record.some((x) => x.reviewedHash === cmd.currentHash)) {
      keepVersion(d, wb, { hash: cmd.currentHash, revision: cmd.currentRevision }, 'reviewed', ctx);
    }
    for (const x of plan.record) {
      d.cab.decisions.push({
        ...x,
        conditions: x.decision === 'approve-with-conditions' ? x.conditions : '',
        reviewer: cmd.reviewer.name,
        role: cmd.reviewer.role,
        signed,
      });
    }
    pruneVersions(d);
  });
  const stale = plan.stale.length > 0 ? `; ${plan.stale.length} about an earlier version, to re-review` : '';
  const skipped = plan.duplicates.length > 0 ? `; ${plan.duplicates.length} already here, skipped` : '';
  return {
    ...change,
    touched: plan.record.map((x) => `cab.decisions/${x.id}`),
    area: 'cab',
    summary: `Imported ${plan.record.length} signed decision${plan.record.length === 1 ? '' : 's'} from ${cmd.reviewer.name} (key ${cmd.signed.keyFingerprint})${stale}${skipped}`,
  };
});
