import type { Workbook } from '../../schema/workbook';
import { keyOf, licenseProblem } from './sbom/identity';
import type { Component, Environment, Inventory } from './schema';

// What the room reads off the inventories: components whose version differs between
// environments (what you test is not what you ship), and license expressions nobody can parse
// (a licence review cannot sign those off). Pure and remembered per inventory list, because a
// 1,000-component inventory is judged every time a screen draws.

export interface EnvVersions {
  environmentId: string;
  environment: string;
  versions: string[];
}

/** One package present in two or more environments, not in the same versions everywhere. */
export interface Drift {
  key: string;
  name: string;
  envs: EnvVersions[];
}

export interface LicenseFlag {
  index: number;
  component: Component;
  problem: string;
}

export const NO_VERSION = '(no version)';

/** "@babel/core", "com.google.guava/guava", or the bare name. */
export const displayName = (c: Pick<Component, 'group' | 'name'>) =>
  c.group ? `${c.group}/${c.name}` : c.name;

const envName = (envs: readonly Environment[], id: string) =>
  envs.find((e) => e.id === id)?.name ?? `a deleted environment (${id})`;

const driftMemo = new WeakMap<readonly Inventory[], Drift[]>();

type Held = Pick<Inventory, 'environmentId' | 'components'>;

/** Version differences between environments, by package, sorted by name. */
export function versionDrift(wb: Workbook): Drift[] {
  const inventories = wb.architecture.inventories;
  let found = driftMemo.get(inventories);
  if (!found) {
    found = computeDrift(inventories);
    if (Object.isFrozen(inventories)) driftMemo.set(inventories, found);
  }
  return named(wb, found);
}

/** The drift there would be if `candidate` replaced its environment's inventory (a preview). */
export function driftWith(wb: Workbook, candidate: Held): Drift[] {
  const others = wb.architecture.inventories.filter((i) => i.environmentId !== candidate.environmentId);
  return named(wb, computeDrift([...others, candidate])).filter((d) =>
    d.envs.some((e) => e.environmentId === candidate.environmentId),
  );
}

function named(wb: Workbook, drift: Drift[]): Drift[] {
  const envs = wb.architecture.environments;
  return drift.map((d) => ({
    ...d,
    envs: d.envs.map((e) => ({ ...e, environment: envName(envs, e.environmentId) })),
  }));
}

function computeDrift(inventories: readonly Held[]): Drift[] {
  const byKey = new Map<string, { name: string; envs: Map<string, Set<string>> }>();
  for (const inv of inventories) {
    for (const c of inv.components) {
      const key = keyOf(c);
      let entry = byKey.get(key);
      if (!entry) {
        entry = { name: displayName(c), envs: new Map() };
        byKey.set(key, entry);
      }
      const versions = entry.envs.get(inv.environmentId) ?? new Set<string>();
      versions.add(c.version ?? NO_VERSION);
      entry.envs.set(inv.environmentId, versions);
    }
  }
  const out: Drift[] = [];
  for (const [key, { name, envs }] of byKey) {
    if (envs.size < 2) continue;
    const lists = [...envs].map(([environmentId, v]) => ({
      environmentId,
      environment: environmentId,
      versions: [...v].sort(),
    }));
    const first = lists[0]!.versions.join('\n');
    if (lists.every((l) => l.versions.join('\n') === first)) continue;
    out.push({ key, name, envs: lists });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

const licenseMemo = new WeakMap<readonly Component[], LicenseFlag[]>();

/** The components of one inventory whose license expression cannot be parsed. */
export function licenseFlags(components: readonly Component[]): LicenseFlag[] {
  const known = licenseMemo.get(components);
  if (known) return known;
  const flags: LicenseFlag[] = [];
  components.forEach((component, index) => {
    if (component.license === undefined) return;
    const problem = licenseProblem(component.license);
    if (problem) flags.push({ index, component, problem });
  });
  if (Object.isFrozen(components)) licenseMemo.set(components, flags);
  return flags;
}

/** How many package keys an environment has that no other inventoried environment has. */
export function onlyHere(wb: Workbook, environmentId: string): number {
  const here = wb.architecture.inventories.find((i) => i.environmentId === environmentId);
  const others = wb.architecture.inventories.filter((i) => i.environmentId !== environmentId);
  if (!here || others.length === 0) return 0;
  const elsewhere = new Set(others.flatMap((i) => i.components.map(keyOf)));
  return new Set(here.components.map(keyOf).filter((k) => !elsewhere.has(k))).size;
}
