import { describe, expect, it } from 'vitest';
import type { Cohort, Usage } from '../../../shared/areas/adoption/schema';
import type { Feedback } from '../../../shared/areas/pilot/schema';
import { parseCsv, sniffDelimiter } from '../../../shared/import/csv';
import { feedbackKind } from '../../../shared/import/kinds/feedback';
import { usageKind } from '../../../shared/import/kinds/usage';
import { guessMapping } from '../../../shared/import/layout';
import { runImport } from '../../../shared/import/run';
import type { ImportKind } from '../../../shared/import/types';

// The usage and feedback exports through the one CSV flow, with the mapping the flow guesses
// from the header: what is accepted, and every refusal with its row number.

const cohort = (id: string, name: string, size: number): Cohort => ({
  id,
  name,
  dimension: 'function',
  size,
  launchDay: '2026-09-01',
  targetPct: 70,
  targetDays: 60,
  owner: '',
  action: '',
  actionOwner: '',
});
const COHORTS = [cohort('c-fin', 'Finance', 40), cohort('c-sup', 'Support EMEA', 120)];
const EXISTING: Usage = {
  id: 'u1',
  cohortId: 'c-fin',
  day: '2026-09-02',
  active: 3,
  firstTask: null,
  batch: '',
};

function run<S, C, I>(kind: ImportKind<S, C, I>, slice: S, text: string) {
  const delimiter = sniffDelimiter(text);
  const csv = parseCsv(text, delimiter);
  const k = kind as unknown as ImportKind<unknown, C, I>;
  const mapping = guessMapping(k as ImportKind, csv.header, csv.rows, delimiter, 'UTC');
  return runImport(k, csv, mapping, kind.context(slice, 0));
}

describe('the usage import', () => {
  const usage = (text: string) => run(usageKind, { cohorts: COHORTS, usage: [EXISTING] }, text);

  it('takes cohorts by name (any case) or id, a day or a date-time, and an optional first-task count', () => {
    const r = usage(
      'cohort,date,active_users,first_task\nfinance,2026-09-03,10,4\nc-sup,2026-09-03T00:00:00Z,60,\n',
    );
    expect(r.bad).toEqual([]);
    expect(r.items).toEqual([
      { row: 2, record: { cohortId: 'c-fin', day: '2026-09-03', active: 10, firstTask: 4 } },
      { row: 3, record: { cohortId: 'c-sup', day: '2026-09-03', active: 60, firstTask: null } },
    ]);
  });

  it('refuses bad dates, negative or fractional counts, more active than the cohort, unknown cohorts and repeats, by row', () => {
    const r = usage(
      [
        'cohort,date,active_users',
        'Finance,2026-02-30,5',
        'Finance,2026-09-04,-1',
        'Finance,2026-09-05,2.5',
        'Finance,2026-09-06,41',
        'Legal,2026-09-06,3',
        'Finance,2026-09-02,3',
        'Support EMEA,2026-09-07,10',
        'support emea,2026-09-07,11',
      ].join('\n'),
    );
    expect(r.bad.map((b) => [b.row, b.reason])).toEqual([
      [2, "Date: '2026-02-30' is not a real date"],
      [3, 'Active users is -1: a count cannot be negative'],
      [4, 'Active users is 2.5: a count of people is a whole number'],
      [5, '41 active users is more than the 40 people in Finance'],
      [6, "cohort 'Legal' is not one of this workbook’s cohorts"],
      [7, 'Finance on 2026-09-02 is already in this workbook'],
      [9, 'row 8 already gives Support EMEA on 2026-09-07'],
    ]);
  });

  it('turns the accepted rows into one adoption.usage-import command', () => {
    const r = usage('cohort,date,active\nFinance,2026-09-03,10\n');
    const cmd = usageKind.command(r.items, { source: ' Analytics ' } as never, {
      id: 'imp-9',
      fileName: 'u.csv',
    });
    expect(cmd).toMatchObject({ type: 'adoption.usage-import', id: 'imp-9', source: 'Analytics' });
    expect(cmd.usage).toEqual([{ rows: [2], record: r.items[0]!.record }]);
  });
});

describe('the feedback import', () => {
  const known: Feedback = {
    id: 'f1',
    ref: 'FB-1',
    title: 'x',
    type: 'training',
    severity: 'low',
    sourceGroup: '',
    status: 'open',
    change: '',
    response: '',
    batch: '',
  };
  const feedback = (text: string) => run(feedbackKind, { feedback: [known] }, text);

  it('reads the four types in the words trackers use, and defaults severity and status', () => {
    const r = feedback(
      'id,summary,category,severity,status,change,response\n' +
        'FB-2,Search is slow,Usability friction,high,Fixed,product,Indexed the search\n' +
        'FB-3,Nobody showed us exports,training_gap,,,,\n',
    );
    expect(r.bad).toEqual([]);
    expect(r.items.map((i) => i.record)).toEqual([
      {
        ref: 'FB-2',
        title: 'Search is slow',
        type: 'usability',
        severity: 'high',
        sourceGroup: '',
        status: 'fixed',
        change: 'product',
        response: 'Indexed the search',
      },
      {
        ref: 'FB-3',
        title: 'Nobody showed us exports',
        type: 'training',
        severity: 'medium',
        sourceGroup: '',
        status: 'open',
        change: '',
        response: '',
      },
    ]);
  });

  it('refuses feedback without a type or with an unknown one, repeats and known references, by row', () => {
    const r = feedback(
      'id,summary,category\nFB-4,No type here,\nFB-5,Odd type,complaint\nFB-1,Again,policy\nFB-6,ok,policy\nFB-6,twice,policy\n',
    );
    expect(r.items.map((i) => i.row)).toEqual([5]);
    expect(r.bad.map((b) => b.row)).toEqual([2, 3, 4, 6]);
    expect(r.bad[0]!.reason).toMatch(/Type/);
    expect(r.bad.slice(1).map((b) => b.reason)).toEqual([
      "type 'complaint' is not one this app knows (usability friction, training gap, integration issue, policy conflict)",
      "feedback 'FB-1' is already in this workbook",
      "row 5 already gives feedback 'FB-6'",
    ]);
  });
});
