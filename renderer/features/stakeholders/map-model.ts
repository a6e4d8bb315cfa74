import { barriersByGroup } from '../../../shared/areas/stakeholders/rules';
import type { AdkarElement, Placement, Stakeholders } from '../../../shared/areas/stakeholders/schema';

// What the map draws, worked out once per workbook revision: each placed subject with its label
// and barrier, and what is still waiting to be placed. Ids are "<kind>:<id>" (dnd-kit ids).

export interface MapSubject {
  key: string;
  kind: Placement['kind'];
  ref: string;
  name: string;
  /** The ADKAR barrier of the group (or of the person's first group), if checked in. */
  barrier: AdkarElement | null;
  placement: Placement | null;
}

export const QUADRANTS = {
  'manage-closely': 'Manage closely',
  'keep-satisfied': 'Keep satisfied',
  'keep-informed': 'Keep informed',
  monitor: 'Monitor',
} as const;

export function quadrantOf(p: { power: number; interest: number }): keyof typeof QUADRANTS {
  if (p.power >= 50) return p.interest >= 50 ? 'manage-closely' : 'keep-satisfied';
  return p.interest >= 50 ? 'keep-informed' : 'monitor';
}

export function mapSubjects(s: Stakeholders): MapSubject[] {
  const barriers = barriersByGroup(s.checkins);
  const placed = new Map(s.placements.map((p) => [`${p.kind}:${p.ref}`, p]));
  const out: MapSubject[] = [];
  for (const g of s.groups) {
    const key = `group:${g.id}`;
    out.push({
      key,
      kind: 'group',
      ref: g.id,
      name: g.name,
      barrier: barriers.get(g.id) ?? null,
      placement: placed.get(key) ?? null,
    });
  }
  for (const p of s.people) {
    const key = `person:${p.id}`;
    const first = p.groupIds[0];
    out.push({
      key,
      kind: 'person',
      ref: p.id,
      name: p.name,
      barrier: first ? (barriers.get(first) ?? null) : null,
      placement: placed.get(key) ?? null,
    });
  }
  return out;
}

/** A point in the grid's box (px) as power/interest 0–100, clamped; y grows downwards. */
export function toAxes(x: number, y: number, width: number, height: number) {
  const clamp = (v: number) => Math.max(0, Math.min(100, Math.round(v)));
  return { interest: clamp((x / width) * 100), power: clamp(100 - (y / height) * 100) };
}
