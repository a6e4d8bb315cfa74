import { z } from 'zod';
import { choice, entityId, finiteNumber, isoDay, optionalText, requiredText } from '../../schema/fields';

// Checklist step 7: launch is the midpoint. Cohorts (by function, location or manager line) with
// a target such as "70% weekly active within 60 days of launch", the usage exports that show how
// each is doing, the friction that slows them, and an enablement action with an owner for each
// cohort that lags.

export const COHORT_DIMENSIONS = ['function', 'location', 'manager'] as const;

const wholeCount = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} cannot be negative`)
    .max(10_000_000, `${label} is at most 10,000,000`);

export const CohortSchema = z.strictObject({
  id: entityId,
  name: requiredText('Cohort', 120),
  dimension: choice('Cohort by', COHORT_DIMENSIONS),
  size: wholeCount('People in the cohort').min(1, 'A cohort has at least one person'),
  /** The day it went live for this cohort: the trajectory starts here. */
  launchDay: isoDay('Launch date'),
  targetPct: finiteNumber('Target')
    .min(1, 'The target is at least 1%')
    .max(100, 'The target is at most 100%'),
  targetDays: z
    .number({ error: 'Days to target must be a number' })
    .int('Days to target must be whole days')
    .min(1, 'Days to target is at least 1')
    .max(730, 'Days to target is at most 730'),
  /** Who answers for this cohort's adoption. */
  owner: optionalText('Owner', 120),
  /** The enablement action while it lags (targeted training, champion office hours...). */
  action: optionalText('Enablement action', 500),
  actionOwner: optionalText('Action owner', 120),
});

/** One day of one cohort from a usage export: people active, and people doing their first meaningful task. */
export const UsageSchema = z.strictObject({
  id: entityId,
  cohortId: entityId,
  day: isoDay('Day'),
  active: wholeCount('Active users'),
  /** People who completed their first meaningful task that day; null when the export does not say. */
  firstTask: wholeCount('First tasks').nullable(),
  batch: z.union([entityId, z.literal('')]),
});

export const FRICTION_STATUSES = ['open', 'mitigating', 'resolved'] as const;

export const FrictionSchema = z.strictObject({
  id: entityId,
  title: requiredText('Friction point', 200),
  usersAffected: wholeCount('Users affected'),
  /** Minutes a user loses to it in a week. */
  minutesLost: finiteNumber('Minutes lost').min(0, 'Minutes lost cannot be negative').max(10_080),
  owner: optionalText('Owner', 120),
  status: choice('Status', FRICTION_STATUSES),
  notes: optionalText('Notes', 1000),
});

export const AdoptionSchema = z.strictObject({
  cohorts: z.array(CohortSchema),
  usage: z.array(UsageSchema),
  frictions: z.array(FrictionSchema),
});

export type Cohort = z.infer<typeof CohortSchema>;
export type Usage = z.infer<typeof UsageSchema>;
export type Friction = z.infer<typeof FrictionSchema>;
export type Adoption = z.infer<typeof AdoptionSchema>;
