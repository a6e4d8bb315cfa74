import { z } from 'zod';
import {
  choice,
  entityId,
  finiteNumber,
  isoDay,
  isoInstant,
  optionalText,
  requiredText,
} from '../../schema/fields';

// Checklist step 4: a pilot is a controlled slice of reality. Its groups say who is in it (so a
// friendly-only pilot shows), its feedback is typed and followed to a retest, and its KPIs carry
// targets set before the start: a target moved afterwards keeps its history, and says so.

const count = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} cannot be negative`)
    .max(10_000_000, `${label} is at most 10,000,000`);

export const PilotGroupSchema = z.strictObject({
  id: entityId,
  name: requiredText('Pilot group', 120),
  /** The stakeholder group it is drawn from (stakeholders.groups id), or ''. */
  stakeholderGroupId: z.union([entityId, z.literal('')]),
  novices: count('Novices'),
  experts: count('Experts'),
  friendly: count('Friendly users'),
  sceptical: count('Sceptical users'),
  /** Regions or sites taking part, one a line. */
  regions: z.array(requiredText('Region', 80)).max(50, 'At most 50 regions'),
  /** The awkward, edge-case workflows it exercises, one a line; none means the happy path only. */
  edgeCases: z.array(requiredText('Edge case', 200)).max(50, 'At most 50 edge cases'),
});

export const FEEDBACK_TYPES = ['usability', 'training', 'integration', 'policy'] as const;
export const FEEDBACK_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const FEEDBACK_STATUSES = ['open', 'fixed', 'retested'] as const;
export const FEEDBACK_CHANGES = ['', 'product', 'process', 'training', 'support'] as const;

export const FeedbackSchema = z.strictObject({
  id: entityId,
  /** The source system's id for it (a survey row, a ticket key), or ''. */
  ref: optionalText('Reference', 200),
  title: requiredText('Feedback', 300),
  type: choice('Type', FEEDBACK_TYPES),
  severity: choice('Severity', FEEDBACK_SEVERITIES),
  /** Who raised it: a pilot group or a stakeholder group, by name. */
  sourceGroup: optionalText('Source group', 120),
  status: choice('Status', FEEDBACK_STATUSES),
  /** What it led to, once acted on. */
  change: choice('Change made', FEEDBACK_CHANGES),
  /** What was done, in the words a "you said, we did" update uses. */
  response: optionalText('What we did', 1000),
  /** The import that brought it in (waves.imports id), or '' when typed in by hand. */
  batch: z.union([entityId, z.literal('')]),
});

export const KPI_KINDS = ['task-time', 'error-rate', 'support-requests', 'sentiment'] as const;
/** below: pass when the reading is at or under the target (task time); above: at or over (sentiment). */
export const KPI_DIRECTIONS = ['below', 'above'] as const;

export const KpiReadingSchema = z.strictObject({ day: isoDay('Reading date'), value: finiteNumber('Value') });
export const TargetChangeSchema = z.strictObject({
  from: finiteNumber('Previous target'),
  to: finiteNumber('Target'),
  at: isoInstant,
  by: z.string().max(120),
  reason: optionalText('Reason', 500),
});

export const KpiSchema = z.strictObject({
  id: entityId,
  name: requiredText('KPI', 120),
  kind: choice('Kind', KPI_KINDS),
  unit: optionalText('Unit', 20),
  direction: choice('Passes when', KPI_DIRECTIONS),
  target: finiteNumber('Target'),
  /** Readings over the pilot, by day. */
  readings: z.array(KpiReadingSchema).max(1000, 'At most 1,000 readings a KPI'),
  /** Every change of the target after the pilot started: set only by pilot.kpi-target. */
  targetChanges: z.array(TargetChangeSchema).max(100),
});

/** A "you said, we did" update as the facilitator edited it, one per audience. */
export const UpdateSchema = z.strictObject({
  id: entityId,
  audience: requiredText('Audience', 120),
  text: requiredText('Update', 20_000),
});

export const PilotSchema = z.strictObject({
  /** When the pilot started; targets changed after this are shown as moved. Null: not started. */
  startedAt: isoInstant.nullable(),
  groups: z.array(PilotGroupSchema),
  feedback: z.array(FeedbackSchema),
  kpis: z.array(KpiSchema),
  updates: z.array(UpdateSchema),
});

export type PilotGroup = z.infer<typeof PilotGroupSchema>;
export type Feedback = z.infer<typeof FeedbackSchema>;
export type Kpi = z.infer<typeof KpiSchema>;
export type KpiReading = z.infer<typeof KpiReadingSchema>;
export type Pilot = z.infer<typeof PilotSchema>;
export type Update = z.infer<typeof UpdateSchema>;
