import { z } from 'zod';
import { areaCommand } from '../../domain/area-command';
import { DomainError } from '../../domain/errors';
import type { Patch } from '../../domain/patches';
import { entityId, optionalText, requiredText } from '../../schema/fields';
import type { Workbook } from '../../schema/workbook';
import type { AreaCommand } from '../types';
import { appendRecords } from '../waves/import-records';
import { type Person, PersonSchema } from './schema';

// People from a directory or HR export, as one import. The groups the file names are matched
// to existing groups or created by it (those stay if the import is taken back, like metrics a
// readings import created). A person already in the workbook (same name and e-mail) is refused
// unless the user chose to merge: then the row adds its group and fills the blanks of the
// existing person, and nothing the user typed is overwritten.

const PersonRecord = PersonSchema.omit({ id: true, batch: true });
type PersonRecord = z.infer<typeof PersonRecord>;

const rows = z.array(z.number().int().min(1)).min(1).max(10_000);

const PeopleImportSchema = z.strictObject({
  type: z.literal('stakeholders.people-import'),
  id: entityId.max(40, 'An import id is at most 40 characters'),
  fileName: optionalText('File name', 260),
  source: optionalText('Source', 200),
  /** Groups the import creates (matched "new" in the mapping step). */
  groups: z
    .array(z.strictObject({ id: entityId, name: requiredText('Group name', 120) }))
    .max(1000, 'One import creates at most 1,000 groups'),
  people: z
    .array(z.strictObject({ rows, record: PersonRecord }))
    .max(50_000, 'One import takes at most 50,000 people'),
  merges: z
    .array(z.strictObject({ rows, personId: entityId, record: PersonRecord }))
    .max(50_000, 'One import merges at most 50,000 people'),
});

export type PeopleImportCommand = z.input<typeof PeopleImportSchema>;

/** Name + e-mail, the directory's identity of a person ('' e-mail still counts: same name, no e-mail). */
export const personKey = (p: { name: string; email: string }) =>
  `${p.name.trim().toLowerCase()}\u0000${p.email.trim().toLowerCase()}`;

/** The existing person with the row's groups added and its blanks filled from the row. */
export function mergePerson(into: Person, row: PersonRecord): Person {
  const fill = (a: string, b: string) => (a.trim() ? a : b);
  return {
    ...into,
    title: fill(into.title, row.title),
    location: fill(into.location, row.location),
    manager: fill(into.manager, row.manager),
    notes: fill(into.notes, row.notes),
    groupIds: [...new Set([...into.groupIds, ...row.groupIds])].slice(0, 20),
  };
}

export const importPeople: AreaCommand<typeof PeopleImportSchema> = areaCommand(
  PeopleImportSchema,
  (wb: Workbook, cmd, ctx) => {
    const { groups, people } = wb.stakeholders;
    if (cmd.people.length + cmd.merges.length === 0) {
      throw new DomainError('invalid-item', 'An import needs at least one person', 'people');
    }
    const groupIds = new Set(groups.map((g) => g.id));
    const groupNames = new Set(groups.map((g) => g.name.trim().toLowerCase()));
    for (const g of cmd.groups) {
      if (groupIds.has(g.id))
        throw new DomainError('duplicate-id', `A group with id "${g.id}" exists`, 'groups');
      if (groupNames.has(g.name.trim().toLowerCase())) {
        throw new DomainError(
          'duplicate-id',
          `A group named “${g.name}” exists: match the file's group to it`,
          'groups',
        );
      }
      groupIds.add(g.id);
      groupNames.add(g.name.trim().toLowerCase());
    }
    const check = (where: number, record: PersonRecord) => {
      const unknown = record.groupIds.find((id) => !groupIds.has(id));
      if (unknown)
        throw new DomainError(
          'not-found',
          `Row ${where}: no stakeholder group with id "${unknown}"`,
          'people',
        );
    };
    for (const p of cmd.people) check(p.rows[0]!, p.record);
    const merged = new Map<number, Person>();
    for (const m of cmd.merges) {
      check(m.rows[0]!, m.record);
      const index = people.findIndex((p) => p.id === m.personId);
      if (index < 0)
        throw new DomainError(
          'not-found',
          `Row ${m.rows[0]}: no person with id "${m.personId}" to merge into`,
          'merges',
        );
      merged.set(index, mergePerson(merged.get(index) ?? people[index]!, m.record));
    }
    const extra: Patch[] = [];
    const extraInverse: Patch[] = [];
    cmd.groups.forEach((g, k) => {
      const at = ['stakeholders', 'groups', groups.length + k];
      extra.push({
        op: 'add',
        path: at,
        value: {
          id: g.id,
          name: g.name.trim(),
          size: 0,
          role: 'recipient',
          major: true,
          sponsor: '',
          champions: [],
          commsOwner: '',
          mondayChange: '',
        },
      });
      extraInverse.unshift({ op: 'remove', path: at });
    });
    for (const [index, person] of merged) {
      const at = ['stakeholders', 'people', index];
      extra.push({ op: 'replace', path: at, value: person });
      extraInverse.unshift({ op: 'replace', path: at, value: people[index] });
    }
    const base =
      cmd.people.length > 0
        ? appendRecords<PersonRecord>(
            wb,
            cmd,
            cmd.people,
            {
              kind: 'people',
              noun: 'person',
              path: ['stakeholders', 'people'],
              existing: people,
              label: (p) => p.name,
              key: personKey,
              named: (p) => `${p.name}${p.email ? ` <${p.email}>` : ''}`,
            },
            ctx.at,
            ctx.who,
          )
        : null;
    const summary = `Imported ${cmd.people.length} people${cmd.merges.length ? `, merged ${cmd.merges.length} rows into people already here` : ''}${cmd.groups.length ? `, created ${cmd.groups.length} groups` : ''} from ${cmd.fileName || 'a file'}`;
    if (!base) {
      return {
        patches: extra,
        inverse: extraInverse,
        touched: ['stakeholders.people'],
        area: 'stakeholders',
        summary,
      };
    }
    return {
      patches: [...extra, ...base.patches],
      inverse: [...base.inverse, ...extraInverse],
      logged: {
        patches: [...extra, ...base.logged!.patches],
        inverse: [...base.logged!.inverse, ...extraInverse],
      },
      touched: [...base.touched, 'stakeholders.people'],
      area: 'stakeholders',
      summary,
    };
  },
);
