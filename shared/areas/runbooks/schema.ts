import { z } from 'zod';
import { choice, entityId, isoInstant, optionalText, requiredText } from '../../schema/fields';

// Checklist step 6: incidents, runbooks, their runs, the timers the host keeps, and comms.
// Incidents came first (the DORA figures of step 5 need them); migration 007 gave them roles and
// a timeline, and gave the section its runbooks, runs, timers, templates and cadence rules.

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export const PHASES = ['detection', 'triage', 'escalation', 'rollback', 'communication', 'recovery'] as const;
export const PHASE_LABELS: Record<(typeof PHASES)[number], string> = {
  detection: 'Detection',
  triage: 'Triage',
  escalation: 'Escalation',
  rollback: 'Rollback',
  communication: 'Communication',
  recovery: 'Recovery validation',
};
export const ENTRY_KINDS = ['decision', 'observation', 'action', 'comms', 'milestone', 'alert'] as const;
export const MILESTONES = ['detected', 'acknowledged', 'mitigated', 'resolved'] as const;
export const ROLES = ['commander', 'comms', 'scribe'] as const;
export const ROLE_LABELS: Record<(typeof ROLES)[number], string> = {
  commander: 'Incident commander',
  comms: 'Comms lead',
  scribe: 'Scribe',
};
export const AUDIENCES = ['internal', 'customer', 'executive'] as const;
export const AUDIENCE_LABELS: Record<(typeof AUDIENCES)[number], string> = {
  internal: 'Internal update',
  customer: 'Customer notice',
  executive: 'Executive summary',
};

/** A timebox in minutes: at least a minute, at most a day. */
export const timeboxMinutes = z
  .number({ error: 'Timebox must be a number of minutes' })
  .finite('Timebox must be a number of minutes')
  .gt(0, 'A timebox must be more than zero minutes')
  .max(1440, 'A timebox is at most 1440 minutes (a day)');

export const StepSchema = z.strictObject({
  id: entityId,
  phase: choice('Phase', PHASES),
  title: requiredText('Step', 200),
  ownerRole: requiredText('Owner role', 120),
  timeboxMin: timeboxMinutes,
  checklist: z.array(requiredText('Checklist item', 300)).max(50, 'At most 50 checklist items'),
  /** The stop conditions (success.stopConditions ids) and waves it acts on. */
  stopConditionIds: z.array(entityId).max(100),
  waveIds: z.array(entityId).max(100),
});

export const RunbookSchema = z.strictObject({
  id: entityId,
  name: requiredText('Runbook name', 160),
  purpose: optionalText('Purpose', 1000),
  /** Managed: edited by the runbook.step-* commands, so a zero timebox is refused by name. */
  steps: z.array(StepSchema).max(200, 'At most 200 steps'),
});

export const TimelineEntrySchema = z.strictObject({
  id: entityId,
  at: isoInstant,
  kind: choice('Kind', ENTRY_KINDS),
  milestone: z.union([choice('Milestone', MILESTONES), z.literal('')]),
  text: optionalText('Text', 4000),
  author: requiredText('Author', 120),
  /** The time is a best guess (reconstructed afterwards). */
  approximate: z.boolean(),
  /** The first time recorded, when it was corrected since; null otherwise. */
  originalAt: isoInstant.nullable(),
  /** The import that brought it in, or ''. */
  batch: z.string().max(64),
});

export const RoleChangeSchema = z.strictObject({
  role: choice('Role', ROLES),
  person: requiredText('Person', 120),
  at: isoInstant,
  by: requiredText('Recorded by', 120),
});

export const IncidentSchema = z.strictObject({
  id: entityId,
  /** The source system's id for it (a PagerDuty or issue key), or ''. */
  ref: optionalText('Reference', 200),
  title: requiredText('Title', 200),
  severity: choice('Severity', SEVERITIES),
  /** A drill's incident is never counted in real figures (time to restore, failure rate). */
  drill: z.boolean(),
  openedAt: isoInstant,
  /** Null while it is still open. */
  resolvedAt: isoInstant.nullable(),
  waveId: z.union([entityId, z.literal('')]),
  /** The deployments (waves.deployments ids) it was caused by. */
  deploymentIds: z.array(entityId).max(1000, 'At most 1,000 linked deployments'),
  /** Root-cause changes by reference (commit shas), as Four Keys links them. */
  changeRefs: z.array(requiredText('Change reference', 200)).max(1000, 'At most 1,000 root-cause changes'),
  /** The import that brought it in (waves.imports id), or '' when typed in by hand. */
  batch: z.union([entityId, z.literal('')]),
  /** Managed: every hand-over, oldest first; the newest per role is who holds it. */
  roles: z.array(RoleChangeSchema).max(500),
  /** Managed: stored in the order recorded, always shown in time order. */
  timeline: z.array(TimelineEntrySchema).max(20_000, 'At most 20,000 timeline entries'),
});

export const RunStepSchema = z.strictObject({
  stepId: entityId,
  phase: choice('Phase', PHASES),
  title: requiredText('Step', 200),
  ownerRole: requiredText('Owner role', 120),
  timeboxMin: timeboxMinutes,
  status: choice('Status', ['pending', 'active', 'done', 'skipped'] as const),
  reason: optionalText('Reason', 1000),
  startedAt: isoInstant.nullable(),
  endedAt: isoInstant.nullable(),
  by: optionalText('By', 120),
});

export const RunSchema = z.strictObject({
  id: entityId,
  runbookId: entityId,
  /** The runbook's name when the run started (a later rename does not rewrite the record). */
  runbookName: requiredText('Runbook name', 160),
  mode: choice('Mode', ['live', 'rehearsal'] as const),
  incidentId: entityId,
  startedAt: isoInstant,
  startedBy: requiredText('Started by', 120),
  endedAt: isoInstant.nullable(),
  result: choice('Result', ['', 'passed', 'failed', 'abandoned'] as const),
  /** The steps as they stood when it started, with what happened to each. */
  steps: z.array(RunStepSchema).max(200),
});

/**
 * A countdown the host keeps. Never ticked: while running it is a deadline (epoch ms); while
 * paused, the time already elapsed. Remaining = deadline − now, or duration − elapsed.
 */
export const TimerSchema = z.strictObject({
  id: entityId,
  label: requiredText('Label', 200),
  purpose: choice('Purpose', ['step', 'cadence', 'custom'] as const),
  incidentId: z.union([entityId, z.literal('')]),
  runId: z.union([entityId, z.literal('')]),
  stepId: z.union([entityId, z.literal('')]),
  audience: z.union([choice('Audience', AUDIENCES), z.literal('')]),
  durationMs: z.number().int().positive(),
  state: choice('State', ['ready', 'running', 'paused', 'stopped'] as const),
  deadline: z.number().int().nullable(),
  elapsedAtPause: z.number().int().min(0),
  /** When it expired and alerted (epoch ms); null until then. Alerting is once per deadline. */
  firedAt: z.number().int().nullable(),
});

/** What a comms template may ask for, in double braces; comms.ts fills them. */
export const TEMPLATE_FIELDS = [
  'incident',
  'severity',
  'status',
  'wave',
  'verdict',
  'impact',
  'conditions',
  'actions',
  'needs',
  'commander',
  'comms_lead',
  'next_update',
  'now',
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

/** Every {{field}} of a template body that is not one of TEMPLATE_FIELDS, with its line. */
export function unknownFields(body: string): { field: string; line: number }[] {
  const out: { field: string; line: number }[] = [];
  body.split('\n').forEach((text, i) => {
    for (const m of text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)) {
      if (!(TEMPLATE_FIELDS as readonly string[]).includes(m[1]!)) out.push({ field: m[1]!, line: i + 1 });
    }
  });
  return out;
}

export const TemplateSchema = z.strictObject({
  id: entityId,
  audience: choice('Audience', AUDIENCES),
  name: requiredText('Template name', 120),
  body: requiredText('Template text', 8000).superRefine((body, ctx) => {
    const unknown = unknownFields(body);
    if (unknown.length === 0) return;
    const u = unknown[0]!;
    ctx.addIssue({
      code: 'custom',
      message: `Unknown field {{${u.field}}} on line ${u.line}${unknown.length > 1 ? ` (and ${unknown.length - 1} more)` : ''}; fields are: ${TEMPLATE_FIELDS.join(', ')}`,
    });
  }),
});

export const CadenceSchema = z.strictObject({
  id: entityId,
  severity: choice('Severity', SEVERITIES),
  firstMin: timeboxMinutes,
  everyMin: timeboxMinutes,
});

export const RunbooksSchema = z.strictObject({
  incidents: z.array(IncidentSchema),
  runbooks: z.array(RunbookSchema),
  runs: z.array(RunSchema),
  timers: z.array(TimerSchema).max(5000, 'At most 5,000 timers'),
  templates: z.array(TemplateSchema),
  cadence: z.array(CadenceSchema),
});

export type Incident = z.infer<typeof IncidentSchema>;
export type Runbooks = z.infer<typeof RunbooksSchema>;
export type Runbook = z.infer<typeof RunbookSchema>;
export type Step = z.infer<typeof StepSchema>;
export type Run = z.infer<typeof RunSchema>;
export type RunStep = z.infer<typeof RunStepSchema>;
export type Timer = z.infer<typeof TimerSchema>;
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;
export type Milestone = (typeof MILESTONES)[number];
export type Role = (typeof ROLES)[number];
export type Audience = (typeof AUDIENCES)[number];
export type Template = z.infer<typeof TemplateSchema>;
export type Cadence = z.infer<typeof CadenceSchema>;
