import { z } from 'zod';
import { entityId, isoInstant, optionalText, requiredText } from '../../schema/fields';
import { shortHash } from './content';
import { type Cab, contentHash, DECISIONS, type Decision } from './schema';

// A reviewer's decisions, carried back to the owner in a small signed file. Nothing but
// decisions travels: the owner's plan is never overwritten by anyone's copy. The payload is
// signed with the reviewer's Ed25519 key over its RFC 8785 canonical JSON (signing and checking
// happen in the host, which holds the keys); this file says what the payload is and what an
// import of it would do, purely.

export const DECISION_FILE_KIND = 'rollout-war-room/cab-decisions';
export const DECISION_FILE_SUFFIX = '.decisions.json';
/** A decision file is small; anything bigger is not one. */
export const MAX_DECISION_FILE_BYTES = 1024 * 1024;
export const MAX_DECISIONS_PER_FILE = 200;

const hex = (bytes: number, what: string) =>
  z
    .string({ error: `${what} is required` })
    .regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), `${what} is not valid`);

export const FileDecisionSchema = z.strictObject({
  id: entityId,
  decision: z.enum(DECISIONS, { error: `decision must be one of: ${DECISIONS.join(', ')}` }),
  conditions: optionalText('Conditions', 2000),
  comment: requiredText('Comment', 2000),
  at: isoInstant,
  reviewedHash: contentHash,
  reviewedRevision: z.number().int().min(0),
});

export const DecisionPayloadSchema = z.strictObject({
  kind: z.literal(DECISION_FILE_KIND, { error: 'This is not a CAB decision file' }),
  version: z.literal(1, { error: 'This decision file comes from a newer version of the app' }),
  workbookId: entityId,
  workbookName: z.string().max(160),
  reviewer: z.strictObject({ name: requiredText('Reviewer', 120), role: optionalText('Role', 120) }),
  /** The reviewer's Ed25519 public key, hex. */
  publicKey: hex(32, 'The public key'),
  exportedAt: isoInstant,
  decisions: z
    .array(FileDecisionSchema)
    .min(1, 'The file holds no decisions')
    .max(MAX_DECISIONS_PER_FILE, `At most ${MAX_DECISIONS_PER_FILE} decisions per file`),
});

export const DecisionFileSchema = z.strictObject({
  payload: DecisionPayloadSchema,
  /** Ed25519 signature of canonicalize(payload) as UTF-8, hex. */
  signature: hex(64, 'The signature'),
});

export type FileDecision = z.infer<typeof FileDecisionSchema>;
export type DecisionPayload = z.infer<typeof DecisionPayloadSchema>;
export type DecisionFile = z.infer<typeof DecisionFileSchema>;

/** The decisions a reviewer made on this copy, ready to sign (oldest first). */
export function decisionsToExport(cab: Pick<Cab, 'decisions'>, reviewer: string): FileDecision[] {
  const mine = (d: Decision) =>
    d.signed === null && d.reviewer.trim().toLowerCase() === reviewer.trim().toLowerCase();
  return cab.decisions.filter(mine).map((d) => ({
    id: d.id,
    decision: d.decision,
    conditions: d.conditions,
    comment: d.comment,
    at: d.at,
    reviewedHash: d.reviewedHash,
    reviewedRevision: d.reviewedRevision,
  }));
}

export interface ImportPlan {
  /** Decisions to record, in the file's order. */
  record: FileDecision[];
  /** Ids already recorded here: skipped. */
  duplicates: string[];
  /** Ids (among `record`) made on a version the owner has changed since: flagged for re-review. */
  stale: string[];
}

export class ImportRefused extends Error {
  constructor(
    message: string,
    readonly where: string,
  ) {
    super(message);
  }
}

/**
 * What importing `payload` into a workbook would do. Refuses (throws ImportRefused, nothing
 * recorded) a file for another workbook, or a decision about a version of the plan this workbook
 * never had: neither its current plan nor one it submitted or recorded a decision on.
 */
export function planImport(
  wb: { id: string; name: string; cab: Pick<Cab, 'decisions' | 'versions'> },
  payload: Pick<DecisionPayload, 'workbookId' | 'workbookName' | 'reviewer' | 'decisions'>,
  currentHash: string,
): ImportPlan {
  if (payload.workbookId !== wb.id) {
    throw new ImportRefused(
      `This decision file is for the workbook '${payload.workbookName}' (id ${payload.workbookId}), ` +
        `not for '${wb.name}' (id ${wb.id}), which is open. Nothing was imported.`,
      'payload.workbookId',
    );
  }
  const known = new Set(wb.cab.versions.map((v) => v.hash));
  const recorded = new Set(wb.cab.decisions.map((d) => d.id));
  const plan: ImportPlan = { record: [], duplicates: [], stale: [] };
  const inFile = new Set<string>();
  payload.decisions.forEach((d, i) => {
    if (recorded.has(d.id) || inFile.has(d.id)) {
      plan.duplicates.push(d.id);
      return;
    }
    inFile.add(d.id);
    if (d.reviewedHash !== currentHash && !known.has(d.reviewedHash)) {
      throw new ImportRefused(
        `Decision ${i + 1} (${payload.reviewer.name}, ${d.decision}, ${d.at.slice(0, 10)}) is about a version ` +
          `of the plan this workbook never had (hash ${shortHash(d.reviewedHash)}): it is neither the ` +
          'current plan nor one submitted for review here. The reviewer may have edited their copy; ask ' +
          'them to decide on the version you sent. Nothing was imported.',
        `payload.decisions[${i}].reviewedHash`,
      );
    }
    plan.record.push(d);
    if (d.reviewedHash !== currentHash) plan.stale.push(d.id);
  });
  return plan;
}
