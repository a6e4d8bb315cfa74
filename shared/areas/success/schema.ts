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

// Checklist step 1: what success means, what risk is unacceptable, and who can call a no-go.

export const METRIC_KINDS = ['business', 'service'] as const;
export const DIRECTIONS = ['at-least', 'at-most'] as const;
export const COMPARATORS = ['>', '>=', '<', '<='] as const;
export const STOP_ACTIONS = ['pause', 'rollback', 'escalate'] as const;
export const GUARDRAIL_KINDS = [
  'latency',
  'error-budget',
  'uptime',
  'security',
  'compliance',
  'accessibility',
  'performance',
] as const;

export const OutcomeMetricSchema = z.strictObject({
  id: entityId,
  name: requiredText('Metric name', 120),
  kind: choice('Kind', METRIC_KINDS),
  direction: choice('Direction', DIRECTIONS),
  target: finiteNumber('Target'),
  unit: optionalText('Unit', 24),
  deadline: isoDay('Deadline'),
  owner: optionalText('Owner', 120),
});

export const GuardrailSchema = z.strictObject({
  id: entityId,
  name: requiredText('Guardrail name', 120),
  kind: choice('Kind', GUARDRAIL_KINDS),
  comparator: choice('Comparator', COMPARATORS),
  limit: finiteNumber('Limit'),
  unit: optionalText('Unit', 24),
  notes: optionalText('Notes', 1000),
});

export const BaselineItemSchema = z.strictObject({
  id: entityId,
  area: requiredText('Area', 120),
  baseline: requiredText('Current state', 1000),
  expected: requiredText('Expected state', 1000),
});

export const StopConditionSchema = z.strictObject({
  id: entityId,
  metric: requiredText('Metric', 120),
  /** The watched metric (waves.metrics) whose readings it is judged on; '' until linked. */
  metricId: z.union([entityId, z.literal('')], { error: 'Pick a metric from the list' }),
  comparator: choice('Comparator', COMPARATORS),
  threshold: finiteNumber('Threshold'),
  unit: optionalText('Unit', 24),
  windowMinutes: z
    .number({ error: 'Window must be a number of minutes' })
    .int('Window must be whole minutes')
    .min(1, 'Window must be at least 1 minute')
    .max(10080, 'Window must be at most 7 days (10080 minutes)'),
  action: choice('Action', STOP_ACTIONS),
  callers: z
    .array(requiredText('Caller', 120), { error: 'Who may call it must be a list of names' })
    .min(1, 'Name at least one person or role who may call it')
    .max(20, 'At most 20 callers'),
});

export const NoGoAuthoritySchema = z.strictObject({
  id: entityId,
  name: requiredText('Name', 120),
  role: requiredText('Role', 120),
  scope: optionalText('Scope', 500),
});

/** Who approved the success criteria, and a fingerprint of them as approved. */
export const ApprovalSchema = z.strictObject({
  by: z.string().max(120),
  role: z.string().max(120),
  at: isoInstant,
  note: optionalText('Note', 500),
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
});

export const SuccessSchema = z.strictObject({
  outcomes: z.array(OutcomeMetricSchema),
  guardrails: z.array(GuardrailSchema),
  baseline: z.array(BaselineItemSchema),
  stopConditions: z.array(StopConditionSchema),
  noGoAuthorities: z.array(NoGoAuthoritySchema),
  approval: ApprovalSchema.nullable(),
});

export type OutcomeMetric = z.infer<typeof OutcomeMetricSchema>;
export type Guardrail = z.infer<typeof GuardrailSchema>;
export type BaselineItem = z.infer<typeof BaselineItemSchema>;
export type StopCondition = z.infer<typeof StopConditionSchema>;
export type NoGoAuthority = z.infer<typeof NoGoAuthoritySchema>;
export type Success = z.infer<typeof SuccessSchema>;
export type Approval = z.infer<typeof ApprovalSchema>;
