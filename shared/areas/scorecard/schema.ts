import { z } from 'zod';
import { choice, entityId, isoInstant, optionalText, requiredText } from '../../schema/fields';
import { GO_NO_GO_CHECKS, STATUSES } from '../types';

// The go/no-go scorecard: the seven checks of the checklist, assessed before each wave. Every
// status is an assessment (who, when, why), kept forever: the current status of a check for a
// wave is its newest assessment for that wave or an earlier one, so a new wave starts from
// where the last one ended. A check can follow the evidence an area reports instead.

export const CALLS = ['GO', 'NO-GO', 'HOLD'] as const;
export type Call = (typeof CALLS)[number];

export const ScorecardItemSchema = z.strictObject({
  id: entityId,
  label: requiredText('Check', 200),
  owner: optionalText('Owner', 120),
  /** The go/no-go check this is, so areas' evidence can speak to it; '' for a check of your own. */
  check: z.union([choice('Check', GO_NO_GO_CHECKS), z.literal('')]),
});

export const AssessmentSchema = z.strictObject({
  id: entityId,
  waveId: entityId,
  itemId: entityId,
  /** Set by hand, or null to follow the evidence. */
  status: choice('Status', STATUSES).nullable(),
  evidence: optionalText('Evidence', 2000),
  reason: requiredText('Reason', 500),
  at: isoInstant,
  by: z.string().max(120),
  role: z.string().max(120),
});

export const PositionSchema = z.strictObject({
  id: entityId,
  /** The seat being polled ("Incident commander"). */
  label: requiredText('Position', 120),
  /** Who holds it today. */
  person: optionalText('Person', 120),
});

export const AnswerSchema = z.strictObject({
  positionId: entityId,
  answer: choice('Answer', CALLS),
  reason: optionalText('Reason', 500),
  at: isoInstant,
  by: z.string().max(120),
  role: z.string().max(120),
});

/** The scorecard and gates as they stood when a poll's final call was made. */
export const SnapshotSchema = z.strictObject({
  verdict: choice('Verdict', CALLS),
  reasons: z.array(z.string().max(1000)).max(100),
  items: z.array(
    z.strictObject({ itemId: entityId, label: z.string().max(200), status: choice('Status', STATUSES) }),
  ),
  gates: z.array(
    z.strictObject({
      stopConditionId: entityId,
      metric: z.string().max(120),
      status: z.string().max(20),
      reason: z.string().max(1000),
    }),
  ),
});

export const PollSchema = z.strictObject({
  id: entityId,
  waveId: entityId,
  startedAt: isoInstant,
  startedBy: z.string().max(120),
  positions: z.array(PositionSchema).min(1).max(20),
  answers: z.array(AnswerSchema),
  /** The final call, or how the poll was abandoned. */
  outcome: z
    .strictObject({
      kind: z.enum(['call', 'cancelled']),
      call: choice('Call', CALLS).nullable(),
      reason: optionalText('Reason', 500),
      at: isoInstant,
      by: z.string().max(120),
      role: z.string().max(120),
      snapshot: SnapshotSchema.nullable(),
    })
    .nullable(),
});

export const ScorecardSchema = z.strictObject({
  items: z.array(ScorecardItemSchema),
  assessments: z.array(AssessmentSchema),
  polls: z.array(PollSchema),
});

export type ScorecardItem = z.infer<typeof ScorecardItemSchema>;
export type Assessment = z.infer<typeof AssessmentSchema>;
export type Poll = z.infer<typeof PollSchema>;
export type Position = z.infer<typeof PositionSchema>;
export type Snapshot = z.infer<typeof SnapshotSchema>;
