import { enablePatches, applyPatches as immerApply } from 'immer';
import { z } from 'zod';
import { applyInRuns } from './bulk-patches';

// A change travels as patches: the host pushes them to every window, keeps their inverses for
// undo, and records them in the audit log. The shape is immer's (and JSON Patch's minus the
// string paths), so immer applies them on both sides with structural sharing.

enablePatches();

export type PatchPath = (string | number)[];

/**
 * immer's three operations, and one of our own: 'append' adds the items in `value` (a list) at
 * the end of the list at `path`. An import's 100,000 records travel as that one patch: as one
 * 'add' each they were 200,000 objects to make, push, unpack and collect, on the host and in
 * every window. immer never sees an 'append': applyPatches applies it itself.
 */
export interface Patch {
  op: 'add' | 'remove' | 'replace' | 'append';
  path: PatchPath;
  value?: unknown;
}

export const appendPatch = (path: PatchPath, items: readonly unknown[]): Patch => ({
  op: 'append',
  path,
  value: items,
});

export const PatchSchema = z.strictObject({
  op: z.enum(['add', 'remove', 'replace', 'append']),
  path: z.array(z.union([z.string().max(200), z.number().int().min(0)])).max(32),
  value: z.unknown().optional(),
});

export function applyPatches<T extends object>(base: T, patches: readonly Patch[]): T {
  if (patches.length === 0) return base;
  // Long runs at the end of one list (an import's items) skip immer's one-by-one draft.
  return applyInRuns(base, patches, (b, ps) => immerApply(b, ps as Parameters<typeof immerApply>[1]));
}

/** Structural equality of JSON values (no Dates, Maps or cycles in a workbook). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    return a.length === bs.length && a.every((x, i) => jsonEqual(x, bs[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && jsonEqual((a as never)[k], (b as never)[k]));
}
