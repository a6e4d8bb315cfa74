import { z } from 'zod';
import { DELIMITERS } from './csv';
import { LAYOUTS, type Mapping } from './types';

// A remembered mapping travels through the contract and lives in the host's app settings (per
// user, not in the workbook: a mapping is about a dashboard, not a rollout). It is parsed from
// `unknown` on both doors, with bounds, and never keyed by text from the file.

const key = z.string().regex(/^[a-z][A-Za-z0-9]{0,39}$/, 'A field or option key is 1–40 letters and digits');
const column = z.number().int().min(0).max(9_999);
const text = (max: number) => z.string().max(max);

const SourceSchema = z.union([z.strictObject({ column }), z.strictObject({ fixed: text(200) })]).nullable();

const ChoiceSchema = z.discriminatedUnion('to', [
  z.strictObject({ to: z.literal('existing'), id: text(64), name: text(120) }),
  z.strictObject({ to: z.literal('new'), id: text(64), name: text(120), unit: text(24) }),
  z.strictObject({ to: z.literal('skip') }),
]);

const bounded = <T extends z.ZodType>(schema: T, max: number, what: string) =>
  schema.refine((v) => Object.keys(v as object).length <= max, `At most ${max} ${what}`);

export const MappingSchema: z.ZodType<Mapping> = z.strictObject({
  layout: z.enum(LAYOUTS),
  delimiter: z.enum(DELIMITERS),
  zone: text(64),
  fields: bounded(z.record(key, SourceSchema), 50, 'fields'),
  wideColumns: z.array(column).max(10_000),
  repeats: z.enum(['refuse', 'keep-first']),
  matches: z.array(z.strictObject({ value: text(500), choice: ChoiceSchema })).max(5_000),
  options: bounded(z.record(key, text(200)), 20, 'options'),
  source: text(200),
});

/** The header that identifies an export of one dashboard: its column names, in order. */
export const HeaderSchema = z.array(text(500)).min(1).max(10_000);

export const KindIdSchema = z
  .string()
  .regex(/^[a-z][a-z-]{0,39}$/, 'An import kind is a short lower-case name');

export const RememberedMappingSchema = z.strictObject({
  kind: KindIdSchema,
  header: HeaderSchema,
  mapping: MappingSchema,
  savedAt: z.iso.datetime({ offset: true }),
});

export type RememberedMapping = z.infer<typeof RememberedMappingSchema>;

/** Two headers name the same export when their column names match, spaces around them aside. */
export function sameHeader(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((h, i) => h.trim() === b[i]!.trim());
}
