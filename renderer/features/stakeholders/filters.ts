import { barriersByGroup, missingRoles } from '../../../shared/areas/stakeholders/rules';
import type { AdkarElement, Stakeholders } from '../../../shared/areas/stakeholders/schema';
import type { MapSubject } from './map-model';

// The filters the map and the list share: by group, by location, by ADKAR barrier, and "only
// groups with a coverage gap" (with their people). An empty filter lets everything through.

export interface Filters {
  group: string;
  location: string;
  barrier: '' | AdkarElement | 'none';
  gapsOnly: boolean;
}

export const NO_FILTERS: Filters = { group: '', location: '', barrier: '', gapsOnly: false };

/** A predicate over groups and people by id ("group:<id>" / "person:<id>"). */
export function filterKeys(s: Stakeholders, f: Filters): (key: string) => boolean {
  const barriers = barriersByGroup(s.checkins);
  const gapGroups = new Set(s.groups.filter((g) => g.major && missingRoles(g).length > 0).map((g) => g.id));
  const barrierOk = (groupId: string | undefined) => {
    if (f.barrier === '') return true;
    const b = groupId ? (barriers.get(groupId) ?? null) : null;
    return f.barrier === 'none' ? b === null : b === f.barrier;
  };
  const ok = new Set<string>();
  for (const g of s.groups) {
    if (f.group && g.id !== f.group) continue;
    if (f.location) continue; // Groups have no location: a location filter shows people only.
    if (f.gapsOnly && !gapGroups.has(g.id)) continue;
    if (!barrierOk(g.id)) continue;
    ok.add(`group:${g.id}`);
  }
  for (const p of s.people) {
    if (f.group && !p.groupIds.includes(f.group)) continue;
    if (f.location && p.location.trim().toLowerCase() !== f.location.trim().toLowerCase()) continue;
    if (f.gapsOnly && !p.groupIds.some((id) => gapGroups.has(id))) continue;
    if (!barrierOk(p.groupIds[0])) continue;
    ok.add(`person:${p.id}`);
  }
  return (key) => ok.has(key);
}

export const subjectFilter = (pass: (key: string) => boolean) => (s: MapSubject) => pass(s.key);

export function locations(s: Stakeholders): string[] {
  return [...new Set(s.people.map((p) => p.location.trim()).filter(Boolean))].sort((a, b) =>
    a.localeCompare(b),
  );
}
