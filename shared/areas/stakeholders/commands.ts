import { z } from 'zod';
import { areaCommand } from '../../domain/area-command';
import { DomainError } from '../../domain/errors';
import type { Patch } from '../../domain/patches';
import { choice, entityId, requiredText } from '../../schema/fields';
import type { Workbook } from '../../schema/workbook';
import type { AreaCommand } from '../types';
import { COVERAGE_LABEL } from './rules';
import { COVERAGE_ROLES, type PLACEABLE, PlacementSchema } from './schema';

// Step 3's own commands: the one-step assignment that closes a coverage gap, and placing a group
// or a person on the power/interest map (a drag ends in exactly one of these). The people import
// is in people-import.ts.

const baseRevision = z.number({ error: 'baseRevision must be a revision number' }).int().min(0);

function groupAt(wb: Workbook, id: string) {
  const index = wb.stakeholders.groups.findIndex((g) => g.id === id);
  if (index < 0) throw new DomainError('not-found', `No stakeholder group with id "${id}"`, 'groupId');
  return { index, group: wb.stakeholders.groups[index]! };
}

const AssignSchema = z.strictObject({
  type: z.literal('stakeholders.assign'),
  baseRevision,
  groupId: entityId,
  role: choice('Role', COVERAGE_ROLES),
  person: requiredText('Person', 120),
});

// Typed explicitly: inferring it would need the workbook type, which the registry derives.
export const assignRole: AreaCommand<typeof AssignSchema> = areaCommand(AssignSchema, (wb, cmd) => {
  const { index, group } = groupAt(wb, cmd.groupId);
  const base = ['stakeholders', 'groups', index];
  const person = cmd.person.trim();
  let patches: Patch[];
  let inverse: Patch[];
  if (cmd.role === 'champion') {
    if (group.champions.some((c) => c.trim().toLowerCase() === person.toLowerCase())) {
      throw new DomainError('invalid-item', `${person} is already a champion of ${group.name}`, 'person');
    }
    if (group.champions.length >= 20) {
      throw new DomainError(
        'invalid-item',
        `${group.name} already has 20 champions, the most a group keeps`,
        'person',
      );
    }
    const at = [...base, 'champions', group.champions.length];
    patches = [{ op: 'add', path: at, value: person }];
    inverse = [{ op: 'remove', path: at }];
  } else {
    const at = [...base, cmd.role];
    patches = [{ op: 'replace', path: at, value: person }];
    inverse = [{ op: 'replace', path: at, value: group[cmd.role] }];
  }
  return {
    patches,
    inverse,
    touched: [`stakeholders.groups/${group.id}`],
    area: 'stakeholders',
    summary: `Made ${person} ${cmd.role === 'champion' ? 'a' : 'the'} ${COVERAGE_LABEL[cmd.role]} of ${group.name}`,
  };
});

const PlaceSchema = PlacementSchema.extend({ type: z.literal('stakeholders.place'), baseRevision });

const KIND_NOUN: Record<(typeof PLACEABLE)[number], string> = {
  group: 'stakeholder group',
  person: 'person',
};

export const place: AreaCommand<typeof PlaceSchema> = areaCommand(PlaceSchema, (wb, cmd) => {
  const list = cmd.kind === 'group' ? wb.stakeholders.groups : wb.stakeholders.people;
  const subject = list.find((x) => x.id === cmd.ref);
  if (!subject) throw new DomainError('not-found', `No ${KIND_NOUN[cmd.kind]} with id "${cmd.ref}"`, 'ref');
  const value = { kind: cmd.kind, ref: cmd.ref, power: cmd.power, interest: cmd.interest };
  const { placements } = wb.stakeholders;
  const index = placements.findIndex((p) => p.kind === cmd.kind && p.ref === cmd.ref);
  const at = ['stakeholders', 'placements', index < 0 ? placements.length : index];
  const quadrant = `${cmd.power >= 50 ? 'high' : 'low'} power, ${cmd.interest >= 50 ? 'high' : 'low'} interest`;
  return {
    patches: [{ op: index < 0 ? 'add' : 'replace', path: at, value }],
    inverse:
      index < 0 ? [{ op: 'remove', path: at }] : [{ op: 'replace', path: at, value: placements[index] }],
    touched: [`stakeholders.placements/${cmd.kind}:${cmd.ref}`],
    area: 'stakeholders',
    summary: `Placed ${subject.name} on the map at power ${cmd.power}, interest ${cmd.interest} (${quadrant})`,
  };
});
