import type { Mapping, MatchChoice, MatchSpec } from './types';

// A value of the matched field (a series name) becomes what the user chose for it. Without a
// choice, a target of exactly the same name (ignoring case and surrounding spaces) is taken, and
// the preview says it was matched by name. Anything else is unhandled: a bad row until the user
// maps it, creates a target for it, or leaves it out.

export interface Resolved {
  choice: MatchChoice | null;
  auto: boolean;
}

const norm = (s: string) => s.trim().toLowerCase();

export function resolveMatch<Ctx>(spec: MatchSpec<Ctx>, ctx: Ctx, mapping: Mapping, value: string): Resolved {
  const options = spec.options(ctx);
  const chosen = mapping.matches.find((m) => m.value === value)?.choice;
  if (chosen) {
    if (chosen.to !== 'existing') return { choice: chosen, auto: false };
    // A remembered choice names its target by id and name: another workbook has other ids.
    const target =
      options.find((o) => o.id === chosen.id) ?? options.find((o) => norm(o.name) === norm(chosen.name));
    if (target) return { choice: { to: 'existing', id: target.id, name: target.name }, auto: false };
  }
  const same = options.find((o) => norm(o.name) === norm(value));
  return same
    ? { choice: { to: 'existing', id: same.id, name: same.name }, auto: true }
    : { choice: null, auto: false };
}

/** A cache of resolutions per value: a file of 100,000 rows has a handful of series. */
export function matcher<Ctx>(spec: MatchSpec<Ctx>, ctx: Ctx, mapping: Mapping): (value: string) => Resolved {
  const cache = new Map<string, Resolved>();
  return (value) => {
    let hit = cache.get(value);
    if (!hit) {
      hit = resolveMatch(spec, ctx, mapping, value);
      cache.set(value, hit);
    }
    return hit;
  };
}

/**
 * The mapping to remember after an import: targets created by it are existing ones now.
 * Choices about values this file did not hold are kept, so an export that lacks a series
 * today does not forget it for tomorrow.
 */
export function rememberedMatches(mapping: Mapping): Mapping['matches'] {
  return mapping.matches.map(({ value, choice: c }) => ({
    value,
    choice: c.to === 'new' ? { to: 'existing', id: c.id, name: c.name } : c,
  }));
}
