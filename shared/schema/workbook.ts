import { z } from 'zod';
import { entityId, isoInstant, requiredText } from './fields';
import {
  AdoptionSchema,
  ArchitectureSchema,
  CabSchema,
  PilotSchema,
  RunbooksSchema,
  ScorecardSchema,
  SignalsSchema,
  StakeholdersSchema,
} from './sections';
import { SuccessSchema } from './success';

/** The version this build reads and writes. Older files are migrated up; newer ones are refused. */
export const SCHEMA_VERSION = 2;

export const AuditEntrySchema = z.strictObject({
  revision: z.number().int().min(1),
  at: isoInstant,
  actor: z.string().max(120),
  // Stored loosely on purpose: the audit log must stay readable after command shapes evolve.
  command: z.looseObject({ type: z.string() }),
});

export const WorkbookSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: entityId,
  name: requiredText('Workbook name', 160),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  revision: z.number().int().min(0),
  success: SuccessSchema,
  architecture: ArchitectureSchema,
  stakeholders: StakeholdersSchema,
  pilot: PilotSchema,
  signals: SignalsSchema,
  runbooks: RunbooksSchema,
  adoption: AdoptionSchema,
  scorecard: ScorecardSchema,
  cab: CabSchema,
  audit: z.array(AuditEntrySchema),
});

export type Workbook = z.infer<typeof WorkbookSchema>;
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** A blank, valid workbook. `id` and `now` come from the caller so this stays pure. */
export function emptyWorkbook(id: string, name: string, now: string): Workbook {
  return {
    schemaVersion: SCHEMA_VERSION,
    id,
    name,
    createdAt: now,
    updatedAt: now,
    revision: 0,
    success: { outcomes: [], guardrails: [], baseline: [], stopConditions: [], noGoAuthorities: [] },
    architecture: { waves: [] },
    stakeholders: { groups: [] },
    pilot: {},
    signals: {},
    runbooks: {},
    adoption: {},
    scorecard: { items: [] },
    cab: {},
    audit: [],
  };
}
