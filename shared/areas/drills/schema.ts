import { z } from 'zod';
import { choice, entityId, isoDay, optionalText, requiredText } from '../../schema/fields';

// Checklist step 6, "exercise the plan": tabletop scenarios the facilitator runs against the
// room, and the corrective actions a drill leaves behind. Times inside a scenario are offsets in
// whole seconds from T0 (the moment the facilitator starts the clock), never wall-clock times, so
// one scenario can be run many times and at any speed.

/** What an objective exercises; these mirror the runbook kinds a drill is meant to test. */
export const DRILL_CAPABILITIES = [
  'detection',
  'triage',
  'escalation',
  'rollback',
  'communications',
  'recovery-validation',
] as const;

/** HSEEP's capability elements: what a corrective action improves. */
export const CAPABILITY_ELEMENTS = [
  'planning',
  'organisation',
  'equipment',
  'training',
  'exercises',
] as const;

export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const;

/** Where a scenario came from; an imported one keeps its note of what did not map. */
export const SCENARIO_SOURCES = ['authored', 'library', 'openaev', 'wheel-of-misfortune'] as const;

/** The longest scenario: a working day. Longer exercises are several scenarios. */
export const MAX_SCENARIO_SECONDS = 12 * 3600;

const offset = (label: string) =>
  z
    .number({ error: `${label} must be a number of seconds from T0` })
    .int(`${label} must be a whole number of seconds`)
    .min(0, `${label} cannot be before T0`)
    .max(MAX_SCENARIO_SECONDS, `${label} must be within 12 hours of T0`);

export const ObjectiveSchema = z.strictObject({
  id: entityId,
  text: requiredText('Objective', 300),
  capability: choice('Capability', DRILL_CAPABILITIES),
});

export const ExpectedActionSchema = z.strictObject({
  id: entityId,
  text: requiredText('Expected action', 300),
  /** Seconds from T0 by which it should be done: met at or before, late after, missed if never. */
  bySec: offset('Expected by'),
  /** The objective it shows (objectives id), or ''. */
  objectiveId: z.union([entityId, z.literal('')]),
});

export const InjectSchema = z.strictObject({
  id: entityId,
  offsetSec: offset('Inject time'),
  title: requiredText('Inject title', 200),
  /** What the recipients are told, as they would receive it. */
  detail: optionalText('Inject detail', 4000),
  /** Who receives it (roles or teams). */
  recipients: z.array(requiredText('Recipient', 120)).max(30, 'At most 30 recipients an inject'),
  expected: z.array(ExpectedActionSchema).max(20, 'At most 20 expected actions an inject'),
});

export const ScenarioSchema = z
  .strictObject({
    id: entityId,
    name: requiredText('Scenario name', 160),
    summary: optionalText('Summary', 4000),
    /** The scenario's end, in seconds from T0: every inject and expectation falls inside it. */
    durationSec: offset('Scenario length').min(60, 'Scenario length must be at least one minute'),
    objectives: z.array(ObjectiveSchema).max(30, 'At most 30 objectives a scenario'),
    injects: z.array(InjectSchema).max(200, 'At most 200 injects a scenario'),
    questions: z.array(requiredText('Discussion question', 500)).max(50, 'At most 50 questions'),
    source: choice('Source', SCENARIO_SOURCES),
    /** For an import: the file it came from and what was left out; '' for authored ones. */
    sourceNote: optionalText('Source note', 4000),
  })
  .superRefine((s, ctx) => {
    const seen = new Map<string, number>();
    const objectives = new Set(s.objectives.map((o) => o.id));
    s.injects.forEach((inject, i) => {
      const first = seen.get(inject.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['injects', i, 'id'],
          message: `Inject ${i + 1} has the same id "${inject.id}" as inject ${first + 1}`,
        });
      } else seen.set(inject.id, i);
      if (inject.offsetSec > s.durationSec) {
        ctx.addIssue({
          code: 'custom',
          path: ['injects', i, 'offsetSec'],
          message: `Inject ${i + 1} ("${inject.title}") is at T+${inject.offsetSec}s, after the scenario ends at T+${s.durationSec}s`,
        });
      }
      inject.expected.forEach((action, j) => {
        if (action.bySec < inject.offsetSec || action.bySec > s.durationSec) {
          ctx.addIssue({
            code: 'custom',
            path: ['injects', i, 'expected', j, 'bySec'],
            message: `Expected action "${action.text}" of inject ${i + 1} must fall between its inject (T+${inject.offsetSec}s) and the scenario's end (T+${s.durationSec}s)`,
          });
        }
        if (action.objectiveId !== '' && !objectives.has(action.objectiveId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['injects', i, 'expected', j, 'objectiveId'],
            message: `Expected action "${action.text}" of inject ${i + 1} names an objective this scenario does not have`,
          });
        }
      });
    });
  });

export const CorrectiveActionSchema = z
  .strictObject({
    id: entityId,
    text: requiredText('Corrective action', 500),
    element: choice('Capability element', CAPABILITY_ELEMENTS),
    owner: requiredText('Owner', 120),
    start: isoDay('Start'),
    due: isoDay('Due'),
    status: choice('Status', ACTION_STATUSES),
    /** The scenario whose drill raised it (scenarios id), or ''. */
    scenarioId: z.union([entityId, z.literal('')]),
    /** The drill run that raised it (runs id), or ''. */
    runId: z.union([entityId, z.literal('')]),
  })
  .refine((a) => a.due >= a.start, { path: ['due'], message: 'Due must be on or after the start' });

export type DrillCapability = (typeof DRILL_CAPABILITIES)[number];
export type CapabilityElement = (typeof CAPABILITY_ELEMENTS)[number];
export type Objective = z.infer<typeof ObjectiveSchema>;
export type ExpectedAction = z.infer<typeof ExpectedActionSchema>;
export type Inject = z.infer<typeof InjectSchema>;
export type Scenario = z.infer<typeof ScenarioSchema>;
export type CorrectiveAction = z.infer<typeof CorrectiveActionSchema>;
