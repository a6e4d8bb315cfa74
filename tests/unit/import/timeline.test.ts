import { describe, expect, it } from 'vitest';
import type { Command } from '../../../shared/domain/commands';
import { DomainError } from '../../../shared/domain/errors';
import { execute, openDoc } from '../../../shared/domain/history';
import { parseCsv } from '../../../shared/import/csv';
import { importKind } from '../../../shared/import/kinds';
import { type TimelineRow, timelineKind } from '../../../shared/import/kinds/timeline';
import { blankMapping } from '../../../shared/import/layout';
import { describeBadRow, runImport } from '../../../shared/import/run';
import type { ImportKind } from '../../../shared/import/types';
import { emptyWorkbook, type Workbook } from '../../../shared/schema/workbook';

// A timeline CSV through the one import flow: times with their zone, kinds by name, a milestone
// out of order refused with its row and the row it clashes with, a late row flagged and kept
// where it is, and the command that lands it all or nothing.

const who = { name: 'Ines Moreau', role: 'Incident commander' };
const AT = '2026-11-24T12:00:00.000Z';

function workbook(): Workbook {
  const wb = emptyWorkbook('wb', 'Test', AT);
  const incident = {
    id: 'inc-1',
    ref: '',
    title: 'Sync lag',
    severity: 'SEV2' as const,
    drill: true,
    openedAt: '2026-11-24T09:55:00.000Z',
    resolvedAt: null,
    waveId: '',
    deploymentIds: [],
    changeRefs: [],
    batch: '',
    roles: [],
    timeline: [],
  };
  return { ...wb, runbooks: { ...wb.runbooks, incidents: [incident] } };
}

function run(text: string, wb = workbook()) {
  const kind = timelineKind as unknown as ImportKind<unknown, unknown, TimelineRow>;
  const csv = parseCsv(text, ',');
  const mapping = {
    ...blankMapping(kind as ImportKind, ',', 'Europe/Paris'),
    fields: {
      at: { column: 0 },
      kind: { column: 1 },
      text: { column: 2 },
      author: { column: 3 },
      approximate: { column: 4 },
    },
    options: { incident: 'inc-1' },
  };
  const result = runImport(kind, csv, mapping, kind.context(kind.slice(wb), Date.parse(AT)));
  return {
    result,
    command: timelineKind.command(result.items, mapping, { id: 'imp-1', fileName: 'log.csv' }),
  };
}

const FILE = [
  'time,kind,text,author,approx',
  '2026-11-24 11:00,detected,5xx alarm,PagerDuty,', // Paris time: 10:00 UTC
  '2026-11-24T10:12:00Z,mitigated,Flag off,Ines,',
  '2026-11-24T10:20:00Z,acknowledged,Took command,Ines,',
  '2026-11-24T10:05:00Z,update,Error rate 4%,Sam,yes',
  '2026-11-24T10:30:00Z,escalate,Paged the DBA,Sam,',
].join('\n');

describe('timeline import', () => {
  it('refuses an out-of-order milestone and an unknown kind by row; flags a late row without moving it', () => {
    const { result } = run(FILE);
    expect(result.bad.map(describeBadRow)).toEqual([
      "Row 4: milestone out of order: 'acknowledged' at 10:20 UTC comes after 'mitigated' at 10:12 UTC (row 3)",
      "Row 6: kind 'escalate' is not one of: decision, observation, action, comms, alert, detected, acknowledged, mitigated, resolved",
    ]);
    expect(
      result.items.map((i) => [i.row, i.record.at, i.record.kind, i.record.milestone, i.record.approximate]),
    ).toEqual([
      [2, '2026-11-24T10:00:00.000Z', 'milestone', 'detected', false],
      [3, '2026-11-24T10:12:00.000Z', 'milestone', 'mitigated', false],
      [5, '2026-11-24T10:05:00.000Z', 'observation', '', true],
    ]);
    expect(result.preview.map((p) => p.shown?.order ?? '')).toContain('earlier than row 3: kept where it is');
  });

  it('is registered with the one import flow, and its command lands the entries in file order, once', () => {
    expect(importKind('timeline').id).toBe('timeline');
    const fixed = FILE.replace('10:20:00Z,acknowledged', '10:03:00Z,acknowledged').replace(
      ',escalate,',
      ',decision,',
    );
    const { result, command } = run(fixed);
    expect(result.bad).toEqual([]);
    const doc = openDoc(workbook());
    const done = execute(doc, command as Command, { who, at: AT }, [])!;
    const timeline = done.doc.wb.runbooks.incidents[0]!.timeline;
    expect(timeline.map((e) => e.milestone || e.kind)).toEqual([
      'detected',
      'mitigated',
      'acknowledged',
      'observation',
      'decision',
    ]);
    expect(new Set(timeline.map((e) => e.batch))).toEqual(new Set(['imp-1']));
    // The same command again is refused by its id; a milestone clash with the timeline by row.
    expect(() => execute(done.doc, command as Command, { who, at: AT }, [])).toThrow(DomainError);
    const clash = {
      ...(command as { entries: unknown[] }),
      id: 'imp-2',
      entries: [(command as { entries: { rows: number[]; record: object }[] }).entries[0]],
    };
    expect(() => execute(done.doc, clash as Command, { who, at: AT }, [])).toThrow(
      /Row 2: This incident already has a "detected" milestone/,
    );
  });
});
