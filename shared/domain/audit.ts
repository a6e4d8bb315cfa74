import { z } from 'zod';
import { isoInstant } from '../schema/fields';
import type { Identity } from './identity';
import { type Patch, PatchSchema } from './patches';

// The audit log records what each change did, compactly: the patches it applied (a field that
// changed, an item added or removed), never whole copies of the items around it. The newest
// entries stay in the workbook; older ones move to an append-only archive beside it.

export const AuditEntrySchema = z.strictObject({
  rev: z.number().int().min(1),
  at: isoInstant,
  by: z.string().max(120),
  role: z.string().max(120),
  /** The command type ("item.update", "history.undo"...). */
  type: z.string().max(60),
  /** The area it touched ("success"), or "workbook" for the file as a whole. */
  area: z.string().max(60),
  summary: z.string().max(600),
  /** Items it touched, as "<collection>/<id>": what edit conflicts are checked against. */
  items: z.array(z.string().max(200)).max(100),
  changes: z.array(PatchSchema),
  /** A schema-2 entry's original command, kept as it was written. */
  legacy: z.looseObject({ type: z.string() }).optional(),
});

export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export interface AuditInput {
  rev: number;
  at: string;
  who: Identity;
  type: string;
  area: string;
  summary: string;
  items: readonly string[];
  changes: readonly Patch[];
}

export function auditEntry(input: AuditInput): AuditEntry {
  return {
    rev: input.rev,
    at: input.at,
    by: input.who.name,
    role: input.who.role,
    type: input.type,
    area: input.area,
    summary: input.summary.length > 600 ? `${input.summary.slice(0, 599)}…` : input.summary,
    items: input.items.slice(0, 100),
    changes: [...input.changes],
  };
}
