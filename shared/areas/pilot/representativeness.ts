import type { PilotGroup } from './schema';

// Is the pilot honest? A pilot of friendly experts in one office running the happy path proves
// little about the Monday morning of everyone else. The rule looks at the pilot as a whole (the
// groups together) and says, for each way it falls short, what is missing.

export type Shortfall = 'empty' | 'friendly-only' | 'expert-only' | 'one-region' | 'happy-path-only';

export interface Finding {
  key: Shortfall;
  /** One sentence: what is wrong and what to add. */
  message: string;
}

export interface Composition {
  people: number;
  novices: number;
  experts: number;
  friendly: number;
  sceptical: number;
  regions: string[];
  edgeCases: string[];
}

const distinct = (values: readonly string[]) => {
  const seen = new Map<string, string>();
  for (const v of values) {
    const key = v.trim().toLowerCase();
    if (key && !seen.has(key)) seen.set(key, v.trim());
  }
  return [...seen.values()];
};

export function composition(groups: readonly PilotGroup[]): Composition {
  const sum = (pick: (g: PilotGroup) => number) => groups.reduce((n, g) => n + pick(g), 0);
  const novices = sum((g) => g.novices);
  const experts = sum((g) => g.experts);
  return {
    // Novice/expert and friendly/sceptical are two views of the same people.
    people: Math.max(
      novices + experts,
      sum((g) => g.friendly + g.sceptical),
    ),
    novices,
    experts,
    friendly: sum((g) => g.friendly),
    sceptical: sum((g) => g.sceptical),
    regions: distinct(groups.flatMap((g) => g.regions)),
    edgeCases: distinct(groups.flatMap((g) => g.edgeCases)),
  };
}

/** What the pilot is missing; empty when it is representative. */
export function representativeness(groups: readonly PilotGroup[]): Finding[] {
  const c = composition(groups);
  if (groups.length === 0 || c.people === 0) {
    return [{ key: 'empty', message: 'No one is in the pilot yet: add a pilot group with its people.' }];
  }
  const findings: Finding[] = [];
  if (c.sceptical === 0) {
    findings.push({
      key: 'friendly-only',
      message: `Friendly users only (${c.friendly} of ${c.people}): add sceptical or reluctant users, who find what the enthusiasts forgive.`,
    });
  }
  if (c.novices === 0) {
    findings.push({
      key: 'expert-only',
      message: `Experts only (${c.experts} of ${c.people}): add novices, who meet the new flow without old habits to lean on.`,
    });
  }
  if (c.regions.length <= 1) {
    findings.push({
      key: 'one-region',
      message:
        c.regions.length === 0
          ? 'No region named: say where the pilot users work, and include more than one region or site.'
          : `One region only (${c.regions[0]}): add users from another region or site (time zones, languages, local rules).`,
    });
  }
  if (c.edgeCases.length === 0) {
    findings.push({
      key: 'happy-path-only',
      message:
        'Happy path only: name the awkward workflows it must exercise (month-end close, offline work, assistive technology…).',
    });
  }
  return findings;
}
