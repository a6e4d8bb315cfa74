import { describe, expect, it } from 'vitest';
import type { Command } from '../../../shared/domain/commands';
import { DomainError } from '../../../shared/domain/errors';
import { execute, openDoc } from '../../../shared/domain/history';
import { parseCsv, sniffDelimiter } from '../../../shared/import/csv';
import { peopleKind } from '../../../shared/import/kinds/people';
import { guessMapping } from '../../../shared/import/layout';
import { describeBadRow, runImport } from '../../../shared/import/run';
import type { Mapping } from '../../../shared/import/types';
import { emptyWorkbook, type Workbook } from '../../../shared/schema/workbook';

// People from a directory export through the one import flow: columns guessed, groups matched
// or created, bad rows listed by number with a reason, duplicates (name + e-mail) refused or
// merged as the user chooses, and the command that lands it all or nothing.

const meta = { who: { name: 'Ana Ruiz', role: 'Rollout owner' }, at: '2026-11-20T12:00:00.000Z' };

function base(): Workbook {
  const wb = emptyWorkbook('wb', 'Test', meta.at);
  wb.stakeholders.groups.push({
    id: 'g-agents',
    name: 'Support agents',
    size: 40,
    role: 'recipient',
    major: true,
    sponsor: '',
    champions: [],
    commsOwner: '',
    mondayChange: '',
  });
  wb.stakeholders.people.push({
    id: 'p-old',
    name: 'Leah Brandt',
    title: '',
    groupIds: ['g-agents'],
    location: 'Lisbon',
    manager: '',
    email: 'leah@example.org',
    notes: 'Typed by hand',
    batch: '',
  });
  return wb;
}

const FILE = [
  'Full name,Email,Department,Job title,Office',
  'Ana Silva,ana@example.org,support agents,Agent,Porto',
  'Ben Okafor,ben@example,Support agents,Agent,Porto',
  ',nobody@example.org,Support agents,Agent,Porto',
  'Carla Diaz,carla@example.org,Finance approvers,Approver,Madrid',
  'Ana Silva,ana@example.org,Team leads,Lead,Porto',
  'Leah Brandt,leah@example.org,Team leads,Team lead,Lisbon',
].join('\n');

function run(wb: Workbook, over: (m: Mapping) => Mapping = (m) => m) {
  const delimiter = sniffDelimiter(FILE);
  const csv = parseCsv(FILE, delimiter);
  const mapping = over(guessMapping(peopleKind, csv.header, csv.rows, delimiter, 'UTC'));
  const ctx = peopleKind.context(peopleKind.slice(wb), Date.parse(meta.at));
  return { mapping, result: runImport(peopleKind, csv, mapping, ctx) };
}

describe('people import', () => {
  it('guesses the columns, lists every bad row by number, and leaves unknown groups to the user', () => {
    const { mapping, result } = run(base());
    expect(mapping.fields).toMatchObject({ name: { column: 0 }, email: { column: 1 }, group: { column: 2 } });
    expect(result.bad.map(describeBadRow)).toEqual([
      expect.stringMatching(/^Row 3: .*e-mail 'ben@example' is not an address/),
      expect.stringMatching(/^Row 4: .*(Name|name)/),
      expect.stringMatching(/^Row 5: .*group 'Finance approvers' is not a stakeholder group here/),
      expect.stringMatching(/^Row 6: .*group 'Team leads' is not a stakeholder group here/),
      expect.stringMatching(/^Row 7: .*group 'Team leads' is not a stakeholder group here/),
    ]);
    expect(result.items.map((i) => i.row)).toEqual([2]);
  });

  it('duplicates by name + e-mail are bad rows unless merging is chosen; merging keeps what was typed', () => {
    const wb = base();
    const newGroups = (m: Mapping): Mapping => ({
      ...m,
      matches: [
        {
          value: 'Finance approvers',
          choice: { to: 'new', id: 'g-fin', name: 'Finance approvers', unit: '' },
        },
        { value: 'Team leads', choice: { to: 'new', id: 'g-leads', name: 'Team leads', unit: '' } },
      ],
    });
    const refused = run(wb, newGroups).result;
    expect(refused.bad.map(describeBadRow).filter((r) => /already/.test(r))).toEqual([
      expect.stringMatching(/^Row 6: .*row 2 already gives Ana Silva <ana@example.org>/),
      expect.stringMatching(/^Row 7: .*Leah Brandt <leah@example.org> is already in this workbook/),
    ]);

    const { mapping, result } = run(wb, (m) => ({ ...newGroups(m), options: { duplicates: 'merge' } }));
    expect(result.bad.map((b) => b.row)).toEqual([3, 4]);
    const cmd = peopleKind.command(result.items, mapping, { id: 'imp-1', fileName: 'hr.csv' });
    expect(cmd.groups).toEqual([
      { id: 'g-fin', name: 'Finance approvers' },
      { id: 'g-leads', name: 'Team leads' },
    ]);
    expect(cmd.people.map((p) => [p.rows, p.record.name, p.record.groupIds])).toEqual([
      [[2, 6], 'Ana Silva', ['g-agents', 'g-leads']],
      [[5], 'Carla Diaz', ['g-fin']],
    ]);
    const after = execute(openDoc(wb), { ...cmd, baseRevision: 0 } as Command, meta, [])!.doc.wb;
    const s = after.stakeholders;
    expect(s.groups.map((g) => g.id)).toEqual(['g-agents', 'g-fin', 'g-leads']);
    expect(s.people.map((p) => p.name)).toEqual(['Leah Brandt', 'Ana Silva', 'Carla Diaz']);
    expect(s.people[0]).toMatchObject({
      groupIds: ['g-agents', 'g-leads'],
      title: 'Team lead',
      notes: 'Typed by hand',
    });
    expect(s.people[1]!.batch).toBe('imp-1');
    expect(after.waves.imports.at(-1)).toMatchObject({ id: 'imp-1', kind: 'people', count: 2 });

    // Taken back: the people it added go, the groups it created and the merge stay (like metrics).
    const back = execute(
      openDoc(after),
      { type: 'wave.import-take-back', importId: 'imp-1', baseRevision: after.revision } as Command,
      meta,
      [],
    )!.doc.wb;
    expect(back.stakeholders.people.map((p) => p.name)).toEqual(['Leah Brandt']);
  });

  it('the command refuses a person already here and a group that does not exist, changing nothing', () => {
    const wb = base();
    const refuse = (cmd: Record<string, unknown>) => {
      try {
        execute(
          openDoc(wb),
          {
            type: 'stakeholders.people-import',
            id: 'imp-2',
            fileName: '',
            source: '',
            groups: [],
            merges: [],
            baseRevision: 0,
            ...cmd,
          } as unknown as Command,
          meta,
          [],
        );
      } catch (e) {
        if (e instanceof DomainError) return e.message;
      }
      throw new Error('not refused');
    };
    const person = (over = {}) => ({
      name: 'Leah Brandt',
      title: '',
      groupIds: ['g-agents'],
      location: '',
      manager: '',
      email: 'LEAH@example.org',
      notes: '',
      ...over,
    });
    expect(refuse({ people: [{ rows: [4], record: person() }] })).toMatch(
      /^Nothing was imported: .*Row 4: Leah Brandt <LEAH@example.org> is already in this workbook/,
    );
    expect(refuse({ people: [{ rows: [9], record: person({ name: 'X', groupIds: ['nope'] }) }] })).toBe(
      'Row 9: no stakeholder group with id "nope"',
    );
    expect(wb.stakeholders.people).toHaveLength(1);
  });
});
