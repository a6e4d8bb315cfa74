import { type PeopleImportCommand, personKey } from '../../areas/stakeholders/people-import';
import { email as emailSchema, type Person, type StakeholderGroup } from '../../areas/stakeholders/schema';
import type { Workbook } from '../../schema/workbook';
import { matcher } from '../match';
import type { ImportKind, MatchChoice } from '../types';

// People and their groups from an HR or directory export, one row a person. The group column is
// matched like a readings series: to an existing stakeholder group, to a group the import
// creates, or left out; a group the user has not decided about is a bad row naming it. A person
// is the same person when name and e-mail match: given twice in the file or already in the
// workbook, the row is refused, unless the user chose to merge duplicates.

export interface PeopleSlice {
  groups: readonly StakeholderGroup[];
  people: readonly Person[];
}

export interface PeopleContext {
  groups: readonly { id: string; name: string }[];
  existing: Map<string, Person>;
}

export interface PersonRow {
  row: number;
  key: string;
  record: Omit<Person, 'id' | 'batch'>;
  /** The existing person this row merges into, when the user chose merging. */
  into: string | null;
  created: Extract<MatchChoice, { to: 'new' }> | null;
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s);
const text = (v: string | number | null | undefined) =>
  v === null || v === undefined ? '' : String(v).trim();

export const peopleKind: ImportKind<PeopleSlice, PeopleContext, PersonRow, PeopleImportCommand> = {
  id: 'people',
  noun: 'person',
  nouns: 'people',
  fields: [
    { key: 'name', label: 'Name', type: 'text', required: true, hints: ['name', 'full name', 'display'] },
    { key: 'email', label: 'E-mail', type: 'text', required: false, hints: ['email', 'e-mail', 'mail'] },
    { key: 'group', label: 'Group', type: 'text', required: true, hints: ['group', 'team', 'department'] },
    { key: 'title', label: 'Title', type: 'text', required: false, hints: ['title', 'job', 'position'] },
    {
      key: 'location',
      label: 'Location',
      type: 'text',
      required: false,
      hints: ['location', 'office', 'site'],
    },
    { key: 'manager', label: 'Manager', type: 'text', required: false, hints: ['manager', 'reports to'] },
    { key: 'notes', label: 'Notes', type: 'text', required: false, hints: ['notes', 'comment'] },
  ],
  layouts: ['table'],
  match: {
    field: 'group',
    noun: 'group',
    target: 'stakeholder group',
    options: (ctx) => ctx.groups,
    canCreate: true,
    unit: false,
  },
  options: () => [
    {
      key: 'duplicates',
      label: 'People already here, or given twice',
      values: [
        { value: '', label: 'are bad rows (listed, not imported)' },
        { value: 'merge', label: 'are merged: their group is added, blanks filled' },
      ],
    },
  ],
  slice: (wb) => ({
    groups: (wb as Workbook).stakeholders.groups,
    people: (wb as Workbook).stakeholders.people,
  }),
  context: (slice) => ({
    groups: slice.groups.map((g) => ({ id: g.id, name: g.name })),
    existing: new Map(slice.people.map((p) => [personKey(p), p])),
  }),
  checker(ctx, mapping) {
    const match = matcher(this.match!, ctx, mapping);
    const merge = mapping.options.duplicates === 'merge';
    const taken = new Set(ctx.groups.map((g) => g.name.trim().toLowerCase()));
    const seen = new Map<string, number>();
    return {
      check(r) {
        const v = r.values;
        const name = text(v.name);
        if (!name) return { ok: false, reason: 'the name is empty' };
        if (name.length > 120) return { ok: false, reason: 'the name is longer than 120 characters' };
        const email = text(v.email);
        if (!emailSchema.safeParse(email).success) {
          return { ok: false, reason: `e-mail '${clip(email)}' is not an address like name@example.org` };
        }
        const groupName = text(v.group);
        const { choice } = match(groupName);
        if (!choice) {
          return {
            ok: false,
            reason: `group '${clip(groupName)}' is not a stakeholder group here: match it to one, create it, or leave it out`,
          };
        }
        if (choice.to === 'skip') return { ok: 'skip', why: `group '${clip(groupName)}', by your choice` };
        if (choice.to === 'new' && taken.has(choice.name.trim().toLowerCase())) {
          return {
            ok: false,
            reason: `group '${clip(groupName)}' would become a new group named '${choice.name}', but one exists: match it to that group`,
          };
        }
        const key = personKey({ name, email });
        const who = `${name}${email ? ` <${email}>` : ''}`;
        const here = ctx.existing.get(key);
        if (here && !merge) {
          return {
            ok: false,
            reason: `${who} is already in this workbook (choose merging to add this row's group)`,
          };
        }
        const first = seen.get(key);
        if (first !== undefined && !merge) return { ok: false, reason: `row ${first} already gives ${who}` };
        if (first === undefined) seen.set(key, r.row);
        const groupId = choice.id;
        const record = {
          name,
          title: text(v.title).slice(0, 120),
          groupIds: [groupId],
          location: text(v.location).slice(0, 120),
          manager: text(v.manager).slice(0, 120),
          email,
          notes: text(v.notes).slice(0, 1000),
        };
        const groupShown = choice.to === 'new' ? `${choice.name} (new)` : choice.name;
        return {
          ok: true,
          item: {
            row: r.row,
            key,
            record,
            into: here ? here.id : null,
            created: choice.to === 'new' ? choice : null,
          },
          shown: {
            name: who,
            group: groupShown,
            title: record.title,
            what: here
              ? 'merge into the person here'
              : first !== undefined
                ? `merge with row ${first}`
                : 'new person',
          },
        };
      },
    };
  },
  preview: [
    { key: 'name', label: 'Person' },
    { key: 'group', label: 'Group' },
    { key: 'title', label: 'Title' },
    { key: 'what', label: 'Becomes' },
  ],
  command(items, mapping, meta) {
    const created = new Map<string, { id: string; name: string }>();
    for (const i of items)
      if (i.created) created.set(i.created.id, { id: i.created.id, name: i.created.name.trim() });
    // Rows of one person (in-file duplicates, when merging) become one record with every group.
    const fresh = new Map<string, { rows: number[]; record: PersonRow['record'] }>();
    const merges: PeopleImportCommand['merges'] = [];
    for (const i of items) {
      if (i.into) {
        merges.push({ rows: [i.row], personId: i.into, record: i.record });
        continue;
      }
      const seen = fresh.get(i.key);
      if (!seen)
        fresh.set(i.key, { rows: [i.row], record: { ...i.record, groupIds: [...i.record.groupIds] } });
      else {
        seen.rows.push(i.row);
        const fill = (a: string, b: string) => (a ? a : b);
        seen.record = {
          ...seen.record,
          title: fill(seen.record.title, i.record.title),
          location: fill(seen.record.location, i.record.location),
          manager: fill(seen.record.manager, i.record.manager),
          notes: fill(seen.record.notes, i.record.notes),
          groupIds: [...new Set([...seen.record.groupIds, ...i.record.groupIds])].slice(0, 20),
        };
      }
    }
    return {
      type: 'stakeholders.people-import',
      id: meta.id,
      fileName: meta.fileName,
      source: mapping.source.trim(),
      groups: [...created.values()],
      people: [...fresh.values()],
      merges,
    };
  },
  maxItems: 50_000,
};
