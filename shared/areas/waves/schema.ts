import { z } from 'zod';
import { choice, entityId, finiteNumber, isoInstant, optionalText, requiredText } from '../../schema/fields';

// Checklist step 5: waves of exposure gated by objective signals. A wave's plan (audience,
// segment, hold, gates) is edited like any list; its state moves only through wave.move, which
// enforces the rules (no promotion before the hold ends or while a gate fails, unless someone
// signs an override), and its readings only through wave.reading-add, which checks them.

export const WAVE_STATES = ['planned', 'live', 'holding', 'promoted', 'rolled-back', 'paused'] as const;
export type WaveState = (typeof WAVE_STATES)[number];
export const PROMOTION_RULES = ['auto', 'manual'] as const;
export const METRIC_KINDS = ['service', 'user', 'business'] as const;

export const SegmentSchema = z.strictObject({
  region: optionalText('Region', 120),
  team: optionalText('Team', 120),
  tenant: optionalText('Tenant', 120),
});

/** One move of a wave from state to state: who, when, why, and any override they signed. */
export const MoveSchema = z.strictObject({
  at: isoInstant,
  by: z.string().max(120),
  role: z.string().max(120),
  from: choice('From', WAVE_STATES),
  to: choice('To', WAVE_STATES),
  reason: requiredText('Reason', 500),
  /** Why the rules were overridden (a promotion before the hold ended or with a gate failing). */
  override: optionalText('Override', 500),
});

export const WaveSchema = z.strictObject({
  id: entityId,
  name: requiredText('Wave name', 120),
  audiencePercent: z
    .number({ error: 'Audience must be a percentage' })
    .min(0, 'Audience must be at least 0%')
    .max(100, 'Audience must be at most 100%'),
  segment: SegmentSchema,
  holdHours: z
    .number({ error: 'Hold must be a number of hours' })
    .min(0, 'Hold cannot be negative')
    .max(8760, 'Hold must be at most a year (8760 hours)'),
  promotion: choice('Promotion rule', PROMOTION_RULES),
  /** Stop conditions (success.stopConditions ids) that gate this wave. */
  gates: z.array(entityId).max(50, 'At most 50 gates'),
  /** Metrics (waves.metrics ids) watched during this wave. */
  metrics: z.array(entityId).max(50, 'At most 50 metrics'),
  state: choice('State', WAVE_STATES),
  /** When it went live: the hold counts from here. */
  startedAt: isoInstant.nullable(),
  moves: z.array(MoveSchema),
});

export const MetricSchema = z.strictObject({
  id: entityId,
  name: requiredText('Metric name', 120),
  unit: optionalText('Unit', 24),
  kind: choice('Kind', METRIC_KINDS),
  /** Where readings usually come from ("Grafana: sales-api errors"). */
  source: optionalText('Source', 200),
  /** A gate on this metric goes STALE when its newest reading is older than this. */
  staleAfterMinutes: z
    .number({ error: 'Stale after must be a number of minutes' })
    .int('Stale after must be whole minutes')
    .min(1, 'Stale after must be at least 1 minute')
    .max(10080, 'Stale after must be at most 7 days (10080 minutes)'),
  /** The Success guardrail this metric measures, if any. */
  guardrailId: z.union([entityId, z.literal('')]),
});

export const ReadingSchema = z.strictObject({
  id: entityId,
  waveId: entityId,
  metricId: entityId,
  at: isoInstant,
  value: finiteNumber('Value'),
  source: optionalText('Source', 200),
  by: z.string().max(120),
  role: z.string().max(120),
  /** The import that brought it in (waves.imports id), or '' when typed in by hand. */
  batch: z.union([entityId, z.literal('')]),
});

export const IMPORT_KINDS = ['readings', 'deployments', 'incidents', 'feedback', 'usage', 'people'] as const;

/**
 * One confirmed import: what came in, from which file, by whom. Items it added carry its id in
 * `batch`, so an import can be shown, and taken back, as one thing.
 */
export const ImportSchema = z.strictObject({
  id: entityId,
  kind: choice('Import kind', IMPORT_KINDS),
  at: isoInstant,
  by: z.string().max(120),
  role: z.string().max(120),
  /** The file's name as the user picked it (never a path). */
  fileName: optionalText('File name', 260),
  /** The remembered mapping's name ("Grafana: sales-api errors"), or '' for a one-off. */
  source: optionalText('Source', 200),
  count: z.number().int().min(0),
});

/** A change (commit) shipped by a deployment: the unit DORA lead time is measured on. */
export const ChangeSchema = z.strictObject({
  /** The change's own reference, as the source system writes it (a commit sha, a PR key). */
  ref: requiredText('Change reference', 200),
  committedAt: isoInstant,
});

export const DEPLOYMENT_STATUSES = ['success', 'failure'] as const;

/** A deployment to production, for the DORA four keys; `waveId` places it in a wave, if any. */
export const DeploymentSchema = z.strictObject({
  id: entityId,
  /** The source system's id for it (a pipeline run, a DevLake deployment id), or ''. */
  ref: optionalText('Reference', 200),
  at: isoInstant,
  service: optionalText('Service', 120),
  version: optionalText('Version', 120),
  status: choice('Status', DEPLOYMENT_STATUSES),
  waveId: z.union([entityId, z.literal('')]),
  changes: z.array(ChangeSchema).max(10_000, 'At most 10,000 changes in one deployment'),
  batch: z.union([entityId, z.literal('')]),
});

export const WavesSchema = z.strictObject({
  waves: z.array(WaveSchema),
  metrics: z.array(MetricSchema),
  readings: z.array(ReadingSchema),
  deployments: z.array(DeploymentSchema),
  imports: z.array(ImportSchema),
});

export type Wave = z.infer<typeof WaveSchema>;
export type WaveMove = z.infer<typeof MoveSchema>;
export type Metric = z.infer<typeof MetricSchema>;
export type Reading = z.infer<typeof ReadingSchema>;
export type Deployment = z.infer<typeof DeploymentSchema>;
export type Change = z.infer<typeof ChangeSchema>;
export type Import = z.infer<typeof ImportSchema>;
export type Waves = z.infer<typeof WavesSchema>;
