import type { Workbook } from '../../schema/workbook';
import { currentRoles } from '../runbooks/milestones';
import { ROLE_LABELS, ROLES } from '../runbooks/schema';
import type { DecisionInputs } from './rules';

// The decision-rights view reads across three steps: the map's people and groups (step 3), the
// stop conditions' callers and no-go authorities (step 1), and the incident roles (step 6). The
// roles count by their names always (every incident has a commander, even before it is staffed);
// the people holding them count while a real incident is open. A drill's roles are rehearsal.

export function openIncidentRoles(wb: Workbook): { incident: string; role: string; person: string }[] {
  return wb.runbooks.incidents
    .filter((i) => !i.drill && i.resolvedAt === null)
    .flatMap((i) => {
      const now = currentRoles(i);
      return ROLES.filter((r) => now[r] !== '').map((r) => ({
        incident: i.title,
        role: ROLE_LABELS[r],
        person: now[r],
      }));
    });
}

export function decisionInputs(wb: Workbook): DecisionInputs {
  const s = wb.stakeholders;
  return {
    decisions: s.decisions,
    people: s.people,
    groups: s.groups,
    stopConditions: wb.success.stopConditions,
    noGoAuthorities: wb.success.noGoAuthorities,
    incidentRoles: [...ROLES.map((r) => ({ role: ROLE_LABELS[r], person: '' })), ...openIncidentRoles(wb)],
  };
}
