import { z } from 'zod';
import { choice, entityId, isoInstant, optionalText, requiredText } from '../../schema/fields';
import { QUESTION_IDS } from './questionnaire';

// The change-advisory-board record: what the change is and when, the calendar it must fit into,
// how decisions count (the quorum), each reviewer's decision, and the versions of the plan that
// were submitted or reviewed (kept so "what changed since" can be shown, section by section).

export const CHANGE_TYPES = ['standard', 'normal', 'emergency'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const DECISIONS = ['approve', 'approve-with-conditions', 'reject', 'defer'] as const;
export type DecisionKind = (typeof DECISIONS)[number];

export const WINDOW_KINDS = ['maintenance', 'blackout'] as const;

/** SHA-256, lower-case hex: the fingerprint of the plan a decision was made on. */
export const contentHash = z
  .string({ error: 'A content hash is required' })
  .regex(/^[0-9a-f]{64}$/, 'A content hash is 64 lower-case hexadecimal characters (SHA-256)');

const names = (label: string) =>
  z
    .array(requiredText(label, 120), { error: `${label}s must be a list of names` })
    .max(30, `At most 30 ${label.toLowerCase()}s`);

/** 0 (least risky answer) to 3 (riskiest); null until someone answers. */
export const AnswerSchema = z
  .number({ error: 'An answer is a number from 0 to 3' })
  .int('An answer is a whole number from 0 to 3')
  .min(0, 'Answers go from 0 to 3')
  .max(3, 'Answers go from 0 to 3')
  .nullable();

export const AnswersSchema = z.strictObject(
  Object.fromEntries(QUESTION_IDS.map((id) => [id, AnswerSchema])) as Record<
    (typeof QUESTION_IDS)[number],
    typeof AnswerSchema
  >,
);

const endAfterStart = (v: { start: string | null; end: string | null }) =>
  v.start === null || v.end === null || Date.parse(v.end) > Date.parse(v.start);
const END_ERROR = { path: ['end'], message: 'The end must be after the start' };

export const ChangeSchema = z
  .strictObject({
    type: choice('Change type', CHANGE_TYPES),
    title: optionalText('Title', 160),
    /** What changes, in a sentence or two a reviewer can check against the plan. */
    summary: optionalText('What changes', 2000),
    /** For whom: the people who will notice. */
    audience: optionalText('Who is affected', 1000),
    service: optionalText('Service', 120),
    components: names('Component'),
    /** A service the business cannot run without. */
    critical: z.boolean({ error: 'Critical must be yes or no' }),
    /** Who carries the change out: checked against the calendar for double bookings. */
    implementers: names('Person'),
    /** The implementation window. */
    start: isoInstant.nullable(),
    end: isoInstant.nullable(),
    /** When the change was first recorded: lead time counts from here. Set by the app, once. */
    raisedAt: isoInstant.nullable(),
    answers: AnswersSchema,
  })
  .refine(endAfterStart, END_ERROR);

/** A maintenance window (changes belong inside one) or a blackout (no changes at all). */
export const CalendarWindowSchema = z
  .strictObject({
    id: entityId,
    kind: choice('Kind', WINDOW_KINDS),
    label: requiredText('Label', 120),
    start: isoInstant,
    end: isoInstant,
    /** The services it applies to; empty for every service. */
    services: names('Service'),
  })
  .refine(endAfterStart, END_ERROR);

/** Another change already on the calendar. */
export const PlannedChangeSchema = z
  .strictObject({
    id: entityId,
    title: requiredText('Title', 160),
    ref: optionalText('Reference', 60),
    service: optionalText('Service', 120),
    components: names('Component'),
    people: names('Person'),
    start: isoInstant,
    end: isoInstant,
  })
  .refine(endAfterStart, END_ERROR);

export const QuorumSchema = z.strictObject({
  /** Current approvals needed, counting one decision (the newest) per reviewer. */
  minApprovals: z
    .number({ error: 'Approvals needed must be a number' })
    .int('Approvals needed must be a whole number')
    .min(1, 'At least 1 approval is needed')
    .max(20, 'At most 20 approvals'),
  /** Reviewers whose approval is needed whatever the count. */
  required: names('Reviewer'),
  /** One current rejection rejects the change. */
  rejectBlocks: z.boolean({ error: 'Say whether a rejection blocks the change' }),
});

/** Where a decision came from when it was signed on another machine and imported here. */
export const SignedSchema = z.strictObject({
  /** SHA-256 of the reviewer's public key, as the app shows it for a phone check. */
  keyFingerprint: z.string().regex(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/, 'Not a key fingerprint'),
  publicKey: z.string().regex(/^[0-9a-f]{64}$/, 'Not an Ed25519 public key'),
  importedAt: isoInstant,
  importedBy: z.string().max(120),
});

export const DecisionSchema = z.strictObject({
  id: entityId,
  reviewer: requiredText('Reviewer', 120),
  role: optionalText('Role', 120),
  decision: choice('Decision', DECISIONS),
  conditions: optionalText('Conditions', 2000),
  comment: requiredText('Comment', 2000),
  at: isoInstant,
  /** The plan as the reviewer saw it. */
  reviewedHash: contentHash,
  reviewedRevision: z.number().int().min(0),
  signed: SignedSchema.nullable(),
});

/** A version of the plan someone submitted for review or decided on. */
export const VersionSchema = z.strictObject({
  hash: contentHash,
  revision: z.number().int().min(0),
  at: isoInstant,
  by: z.string().max(120),
  kind: z.enum(['submitted', 'reviewed']),
  note: optionalText('Note', 500),
  /** The plan itself while a current decision or the latest submission refers to it; else null. */
  content: z.record(z.string(), z.unknown()).nullable(),
});

export const CabSchema = z.strictObject({
  change: ChangeSchema,
  windows: z.array(CalendarWindowSchema),
  planned: z.array(PlannedChangeSchema),
  quorum: QuorumSchema,
  decisions: z.array(DecisionSchema),
  versions: z.array(VersionSchema),
});

export type Answers = z.infer<typeof AnswersSchema>;
export type Change = z.infer<typeof ChangeSchema>;
export type CalendarWindow = z.infer<typeof CalendarWindowSchema>;
export type PlannedChange = z.infer<typeof PlannedChangeSchema>;
export type Quorum = z.infer<typeof QuorumSchema>;
export type Decision = z.infer<typeof DecisionSchema>;
export type Version = z.infer<typeof VersionSchema>;
export type Cab = z.infer<typeof CabSchema>;

export const emptyAnswers = (): Answers =>
  Object.fromEntries(QUESTION_IDS.map((id) => [id, null])) as Answers;

export const emptyChange = (): Change => ({
  type: 'normal',
  title: '',
  summary: '',
  audience: '',
  service: '',
  components: [],
  critical: false,
  implementers: [],
  start: null,
  end: null,
  raisedAt: null,
  answers: emptyAnswers(),
});

export const emptyCab = (): Cab => ({
  change: emptyChange(),
  windows: [],
  planned: [],
  quorum: { minApprovals: 1, required: [], rejectBlocks: true },
  decisions: [],
  versions: [],
});
