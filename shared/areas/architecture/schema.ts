import { z } from 'zod';
import { choice, entityId, isoDay, isoInstant, optionalText, requiredText } from '../../schema/fields';

// Checklist step 2: how a release reaches production, how exposure grows, how you get back. The
// canary and the rings are not stored here: they are the waves of step 5 (audience, segment,
// hold, gates, promotion rule), which this area links to and judges rather than copies.

export const ENV_ROLES = ['production', 'pre-production', 'test', 'development'] as const;
export type EnvRole = (typeof ENV_ROLES)[number];

/** What a parity checklist asks of every environment that is not production. */
export const PARITY_ASPECTS = [
  'configuration',
  'data',
  'infrastructure',
  'integrations',
  'versions',
  'access',
  'scale',
  'flags',
] as const;
export type ParityAspect = (typeof PARITY_ASPECTS)[number];

/** 'none' means the aspect was checked and matches production. */
export const PARITY_RISKS = ['none', 'low', 'medium', 'high'] as const;
export type ParityRisk = (typeof PARITY_RISKS)[number];

export const MIGRATION_KINDS = ['none', 'reversible', 'irreversible'] as const;
export const REHEARSAL_RESULTS = ['', 'passed', 'failed'] as const;
export const YES_NO = ['yes', 'no'] as const;

const dayOrEmpty = (label: string) => z.union([isoDay(label), z.literal('')]);

export const EnvironmentSchema = z.strictObject({
  id: entityId,
  name: requiredText('Environment', 80),
  role: choice('Role', ENV_ROLES),
  region: optionalText('Region', 120),
  /** The release running there now ("1.4.2"). */
  version: optionalText('Release', 80),
  /** When this release was last deployed there: for a pre-production one, the rehearsal. */
  deployedOn: dayOrEmpty('Deployed on'),
  notes: optionalText('Notes', 500),
});

/** One line of an environment's parity checklist: an aspect, checked against production. */
export const ParityCheckSchema = z
  .strictObject({
    id: entityId,
    environmentId: entityId,
    aspect: choice('Aspect', PARITY_ASPECTS),
    risk: choice('Risk', PARITY_RISKS),
    /** What differs from production; empty when it matches. */
    difference: optionalText('Difference', 500),
    mitigation: optionalText('Mitigation', 500),
  })
  .superRefine((p, ctx) => {
    if (p.risk !== 'none' && !p.difference.trim()) {
      ctx.addIssue({
        code: 'custom',
        path: ['difference'],
        message: 'Say what differs from production (or set the risk to "matches production")',
      });
    }
  });

export const FlagSchema = z
  .strictObject({
    id: entityId,
    key: requiredText('Flag', 120),
    /** What it hides or turns on. */
    controls: optionalText('Controls', 300),
    /** Turns the change off at once, without a deploy. */
    killSwitch: choice('Kill switch', YES_NO),
    /** When the kill switch was last flipped on purpose, to prove it works. */
    testedOn: dayOrEmpty('Tested on'),
    owner: optionalText('Owner', 120),
  })
  .superRefine((f, ctx) => {
    if (f.killSwitch === 'no' && f.testedOn) {
      ctx.addIssue({ code: 'custom', path: ['testedOn'], message: 'Only a kill switch can be tested' });
    }
  });

/** One thing that must roll back (a service, a database, a configuration) and how. */
export const RollbackStepSchema = z
  .strictObject({
    id: entityId,
    component: requiredText('What rolls back', 120),
    /** The versioned artifact to return to ("sales-api 1.4.1, image digest sha256:…"). */
    artifact: optionalText('Versioned artifact', 300),
    migration: choice('Database migration', MIGRATION_KINDS),
    /** How the data comes back: a down migration, a restore, a forward fix. */
    migrationPlan: optionalText('Data plan', 500),
    script: optionalText('Rollback script', 300),
    /** The runbook that carries it out (a name or a link) until runbooks live in this workbook. */
    runbook: optionalText('Runbook', 300),
    rehearsedOn: dayOrEmpty('Rehearsed on'),
    rehearsal: choice('Rehearsal result', REHEARSAL_RESULTS),
    rehearsalNote: optionalText('Rehearsal note', 500),
  })
  .superRefine((r, ctx) => {
    if (r.rehearsedOn && !r.rehearsal) {
      ctx.addIssue({ code: 'custom', path: ['rehearsal'], message: 'Say whether the rehearsal passed' });
    }
    if (r.rehearsal && !r.rehearsedOn) {
      ctx.addIssue({ code: 'custom', path: ['rehearsedOn'], message: 'Say when it was rehearsed' });
    }
  });

export const DeliverySchema = z.strictObject({
  /** How a release travels to production: pipeline, promotion, approvals. */
  deployPath: optionalText('Deployment path', 2000),
  /** The wave (waves.waves id) that is the canary, or '' when none is. */
  canaryWaveId: z.union([entityId, z.literal('')]),
});

export const BlastRadiusSchema = z.strictObject({
  /** Who is affected if the change goes wrong ("≈40 inside-sales reps, Leeds"). */
  audience: optionalText('Audience', 300),
  regions: optionalText('Regions', 300),
  tenants: optionalText('Tenants', 300),
  /** The most of the audience a first wave may reach, in percent; null when no cap is set. */
  firstWaveCap: z
    .number({ error: 'The cap must be a percentage' })
    .min(0, 'The cap must be at least 0%')
    .max(100, 'The cap must be at most 100%')
    .nullable(),
});

/**
 * One component of an environment, as the room needs it: never the raw SBOM. Empty fields are
 * left out of the file, and `parent` is the index of the component it is nested in (always an
 * earlier one, so the tree can have no cycle).
 */
export const ComponentSchema = z.strictObject({
  name: requiredText('Component name', 300),
  group: optionalText('Group', 300).optional(),
  version: optionalText('Version', 200).optional(),
  purl: optionalText('Package URL', 1000).optional(),
  /** An SPDX license expression as declared (it may not parse: that is flagged, not fixed). */
  license: optionalText('License', 500).optional(),
  /** Licenses named in free text rather than as SPDX identifiers. */
  licenseName: optionalText('License name', 500).optional(),
  type: optionalText('Type', 40).optional(),
  scope: optionalText('Scope', 40).optional(),
  parent: z.number().int().min(0).optional(),
});

export const LeftOutSchema = z.strictObject({
  where: z.string().max(300),
  reason: z.string().max(500),
});

export const SBOM_FORMATS = ['CycloneDX', 'SPDX'] as const;
export const MAX_COMPONENTS = 50_000;
/** The left-out list kept in the file; the count says how many there were in all. */
export const MAX_LEFT_OUT_KEPT = 200;

const components = z
  .array(ComponentSchema)
  .max(MAX_COMPONENTS, `An inventory holds at most ${MAX_COMPONENTS.toLocaleString('en')} components`)
  .superRefine((list, ctx) => {
    list.forEach((c, i) => {
      if (c.parent !== undefined && c.parent >= i) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'parent'],
          message: `Component ${i} names component ${c.parent} as its parent; a parent must come before its children`,
        });
      }
    });
  });

/** What one SBOM import brought in for one environment. */
export const InventorySchema = z.strictObject({
  id: entityId,
  environmentId: entityId,
  /** The file's name as picked (never a path). */
  fileName: optionalText('File name', 260),
  format: choice('Format', SBOM_FORMATS),
  specVersion: z.string().max(20),
  /** What the SBOM describes ("juice-shop 14.1.1"). */
  subject: optionalText('Subject', 300),
  /** The tools that wrote it. */
  tools: optionalText('Tools', 500),
  importedAt: isoInstant,
  by: z.string().max(120),
  role: z.string().max(120),
  components,
  leftOut: z.array(LeftOutSchema).max(MAX_LEFT_OUT_KEPT),
  leftOutCount: z.number().int().min(0),
});

export const ArchitectureSchema = z.strictObject({
  environments: z.array(EnvironmentSchema),
  parity: z.array(ParityCheckSchema),
  flags: z.array(FlagSchema),
  rollback: z.array(RollbackStepSchema),
  delivery: DeliverySchema,
  blastRadius: BlastRadiusSchema,
  inventories: z.array(InventorySchema),
});

export const emptyArchitecture = (): Architecture => ({
  environments: [],
  parity: [],
  flags: [],
  rollback: [],
  delivery: { deployPath: '', canaryWaveId: '' },
  blastRadius: { audience: '', regions: '', tenants: '', firstWaveCap: null },
  inventories: [],
});

export type Environment = z.infer<typeof EnvironmentSchema>;
export type ParityCheck = z.infer<typeof ParityCheckSchema>;
export type Flag = z.infer<typeof FlagSchema>;
export type RollbackStep = z.infer<typeof RollbackStepSchema>;
export type Delivery = z.infer<typeof DeliverySchema>;
export type BlastRadius = z.infer<typeof BlastRadiusSchema>;
export type Component = z.infer<typeof ComponentSchema>;
export type LeftOut = z.infer<typeof LeftOutSchema>;
export type Inventory = z.infer<typeof InventorySchema>;
export type Architecture = z.infer<typeof ArchitectureSchema>;
