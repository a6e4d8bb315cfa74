import { z } from 'zod';
import { choice, entityId, isoInstant, optionalText, requiredText } from '../../schema/fields';

// Checklist step 6: incidents, runbooks and drills. For now an incident is what the DORA four
// keys need (when it was opened and resolved, what caused it); the runbooks capability adds its
// roles, milestones and timeline through a numbered migration.

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;

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
});

export const RunbooksSchema = z.strictObject({
  incidents: z.array(IncidentSchema),
});

export type Incident = z.infer<typeof IncidentSchema>;
export type Runbooks = z.infer<typeof RunbooksSchema>;
