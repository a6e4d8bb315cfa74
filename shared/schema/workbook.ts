import { z } from 'zod';
import { AREAS, type Area } from '../areas';
import { AuditEntrySchema } from '../domain/audit';
import { entityId, isoInstant, requiredText } from './fields';

/** The version this build reads and writes. Older files are migrated up; newer ones are refused. */
export const SCHEMA_VERSION = 12;

type SectionShapes = { [A in Area as A['id']]: A['schema'] };

// One key per registered area, in registry order: the file's sections are the registry.
const sections = Object.fromEntries(AREAS.map((a) => [a.id, a.schema])) as SectionShapes;

/** A workbook's content: what the reducer edits and every window holds. */
export const WorkbookSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: entityId,
  name: requiredText('Workbook name', 160),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  revision: z.number().int().min(0),
  ...sections,
});

/** The file on disk: the content plus the recent audit log (older entries live in the archive). */
export const WorkbookFileSchema = WorkbookSchema.extend({ audit: z.array(AuditEntrySchema) });

export type Workbook = z.infer<typeof WorkbookSchema>;
export type WorkbookFile = z.infer<typeof WorkbookFileSchema>;

type Sections = { [A in Area as A['id']]: z.output<A['schema']> };

/** A blank, valid workbook. `id` and `now` come from the caller so this stays pure. */
export function emptyWorkbook(id: string, name: string, now: string): Workbook {
  const empty = Object.fromEntries(AREAS.map((a) => [a.id, a.empty()])) as Sections;
  return { schemaVersion: SCHEMA_VERSION, id, name, createdAt: now, updatedAt: now, revision: 0, ...empty };
}
