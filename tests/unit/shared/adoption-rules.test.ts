import { describe, expect, it } from 'vitest';
import { rankFrictions } from '../../../shared/areas/adoption/friction';
import type { Cohort, Friction, Usage } from '../../../shared/areas/adoption/schema';
import { adoptionTrends, reliabilityTrends, slipped } from '../../../shared/areas/adoption/stability';
import {
  cohortStatus,
  cohortStatuses,
  expectedPct,
  laggingRanked,
  series,
} from '../../../shared/areas/adoption/trajectory';
import type { StopCondition } from '../../../shared/areas/success/schema';
import type { Reading } from '../../../shared/areas/waves/schema';
import type { Command } from '../../../shared/domain/commands';
import { DomainError } from '../../../shared/domain/errors';
import { type Doc, execute, openDoc } from '../../../shared/domain/history';
import { emptyWorkbook } from '../../../shared/schema/workbook';

// Adoption's rules on hand-worked cases: the target trajectory, lagging cohorts ranked by people
// behind, a cohort that slipped after meeting its target, time to value, friction ranking, the
// 30/60/90-day trends, and the usage import's refusals.

const cohort = (over: Partial<Cohort>): Cohort => ({
  id: 'c1',
  name: 'Finance',
  dimension: 'function',
  size: 200,
  launchDay: '2026-09-01',
  targetPct: 70,
  targetDays: 60,
  owner: 'Mia Chen',
  action: '',
  actionOwner: '',
  ...over,
});
const day = (n: number) => new Date(Date.UTC(2026, 8, 1 + n)).toISOString().slice(0, 10);
const usage = (cohortId: string, n: number, active: number, firstTask: number | null = null): Usage => ({
  id: `${cohortId}-${n}`,
  cohortId,
  day: day(n),
  active,
  firstTask,
  batch: '',
});

describe('series', () => {
  it('is worked out once per committed rows and cohort, and afresh when the cohort is edited', () => {
    const rows = Object.freeze([usage('c1', 2, 50), usage('c1', 1, 40)]);
    const c = Object.freeze(cohort({}));
    const first = series(c, rows);
    expect(first.map((p) => [p.n, p.pct])).toEqual([
      [1, 20],
      [2, 25],
    ]);
    expect(series(c, rows)).toBe(first);
    const resized = Object.freeze(cohort({ size: 100 }));
    expect(series(resized, rows).map((p) => p.pct)).toEqual([40, 50]);
    // An unfrozen (draft) list is never cached: it may still change.
    const draft = [usage('c1', 1, 40)];
    expect(series(c, draft)).not.toBe(series(c, draft));
  });
});

describe('target trajectory', () => {
  it('climbs in a straight line from launch to the target, then holds', () => {
    const c = cohort({});
    expect([0, 30, 60, 90].map((n) => expectedPct(c, n))).toEqual([0, 35, 70, 70]);
  });

  it('measures the gap and the people behind on the latest day', () => {
    // Day 30: expected 35%, actual 50 of 200 = 25%: 10 points, 20 people behind.
    const s = cohortStatus(cohort({}), [usage('c1', 30, 50), usage('c1', 10, 20)]);
    expect(s.latest?.day).toBe('2026-10-01');
    expect(s.expected).toBe(35);
    expect(s.gap).toBe(10);
    expect(s.behind).toBe(20);
    expect(s.lagging).toBe(true);
  });

  it('ranks lagging cohorts by people behind, not by the size of the gap', () => {
    const big = cohort({ id: 'big', name: 'Sales', size: 1000 });
    const small = cohort({ id: 'small', name: 'Legal', size: 20 });
    const fine = cohort({ id: 'fine', name: 'Ops' });
    const rows = [
      usage('big', 30, 280), // 28% vs 35%: 7 points, 70 people
      usage('small', 30, 1), // 5% vs 35%: 30 points, 6 people
      usage('fine', 30, 68), // 34% vs 35%: within the margin
    ];
    const ranked = laggingRanked(cohortStatuses([small, fine, big], rows));
    expect(ranked.map((s) => [s.cohort.name, s.behind])).toEqual([
      ['Sales', 70],
      ['Legal', 6],
    ]);
  });

  it('flags a cohort that met its target and fell 5 points under it, and not one that dipped less', () => {
    const c = cohort({});
    const met = [usage('c1', 50, 142), usage('c1', 60, 150)]; // 71%, 75%
    expect(cohortStatus(c, [...met, usage('c1', 80, 128)])).toMatchObject({
      metOn: '2026-10-21',
      slipped: true,
    }); // 64%
    expect(cohortStatus(c, [...met, usage('c1', 80, 134)]).slipped).toBe(false); // 67%
    expect(slipped([c], [...met, usage('c1', 80, 120)]).map((s) => s.cohort.id)).toEqual(['c1']);
  });

  it('gives time to value as the median day of first meaningful tasks', () => {
    const rows = [usage('c1', 1, 10, 10), usage('c1', 3, 30, 20), usage('c1', 9, 50, 40)];
    // 70 first tasks; the 35th falls on day 9 (10 + 20 = 30 by day 3).
    expect(cohortStatus(cohort({}), rows).timeToValue).toBe(9);
    expect(cohortStatus(cohort({}), [usage('c1', 1, 10)]).timeToValue).toBeNull();
  });
});

describe('friction ranking', () => {
  const f = (
    id: string,
    usersAffected: number,
    minutesLost: number,
    status: Friction['status'] = 'open',
  ): Friction => ({
    id,
    title: id,
    usersAffected,
    minutesLost,
    owner: '',
    status,
    notes: '',
  });

  it('ranks by hours lost a week across everyone affected, leaving resolved ones out', () => {
    const ranked = rankFrictions([
      f('a', 10, 60),
      f('b', 300, 5),
      f('c', 50, 30, 'resolved'),
      f('d', 40, 30),
    ]);
    expect(ranked.map((r) => [r.friction.id, r.hoursPerWeek])).toEqual([
      ['b', 25],
      ['d', 20],
      ['a', 10],
    ]);
  });
});

describe('30 / 60 / 90-day trends', () => {
  it('calls each cohort improving, stable or declining against where it was', () => {
    const rows = [usage('c1', 0, 100), usage('c1', 30, 140), usage('c1', 60, 150), usage('c1', 90, 150)];
    const [row] = adoptionTrends([cohort({})], rows);
    expect(row!.windows.map((w) => [w.days, w.trend])).toEqual([
      [30, 'stable'],
      [60, 'improving'],
      [90, 'improving'],
    ]);
    expect(row!.owner).toBe('Mia Chen');
    const [short] = adoptionTrends([cohort({})], [usage('c1', 10, 10)]);
    expect(short!.windows.every((w) => w.trend === 'no-data')).toBe(true);
  });

  it('reads reliability the right way round from the stop condition, with its callers as owners', () => {
    const stop = {
      id: 's1',
      metric: '5xx rate',
      metricId: 'm1',
      comparator: '>',
      threshold: 2,
      unit: '%',
      windowMinutes: 15,
      action: 'rollback',
      callers: ['Jun Park'],
    } as StopCondition;
    const r = (n: number, value: number) =>
      ({ metricId: 'm1', at: `${day(n)}T12:00:00.000Z`, value }) as Reading;
    // Last 30 days average 0.5%, the 30 before 1.5%: fewer errors is better.
    const [row] = reliabilityTrends([stop], [r(10, 1.5), r(20, 1.5), r(45, 0.5), r(60, 0.5)]);
    expect(row!.windows[0]).toMatchObject({ days: 30, from: 1.5, to: 0.5, trend: 'improving' });
    expect(row!.owner).toBe('Jun Park');
    const [worse] = reliabilityTrends(
      [{ ...stop, comparator: '<' }],
      [r(10, 1.5), r(20, 1.5), r(45, 0.5), r(60, 0.5)],
    );
    expect(worse!.windows[0]!.trend).toBe('declining');
  });
});

describe('usage import', () => {
  const meta = { who: { name: 'Mia Chen', role: 'Adoption lead' }, at: '2026-11-20T12:00:00.000Z' };
  const run = (doc: Doc, command: Command) => execute(doc, command, meta, [])!.doc;
  const refusal = (doc: Doc, command: Command) => {
    try {
      run(doc, command);
    } catch (e) {
      if (e instanceof DomainError) return e;
    }
    throw new Error('not refused');
  };
  const start = () =>
    run(openDoc(emptyWorkbook('wb', 'Test', meta.at)), {
      type: 'item.add',
      collection: 'adoption.cohorts',
      item: cohort({}),
    } as Command);
  const imp = (id: string, rows: [string, number, number][]): Command => ({
    type: 'adoption.usage-import',
    id,
    fileName: 'usage.csv',
    source: '',
    usage: rows.map(([cohortId, n, active], k) => ({
      rows: [k + 2],
      record: { cohortId, day: day(n), active, firstTask: null },
    })),
  });

  it('adds every row stamped with its import, and refuses a day already there, naming the cohort and day', () => {
    const doc = run(
      start(),
      imp('u1', [
        ['c1', 1, 10],
        ['c1', 2, 20],
      ]),
    );
    expect(doc.wb.adoption.usage.map((u) => [u.id, u.active, u.batch])).toEqual([
      ['u1-0', 10, 'u1'],
      ['u1-1', 20, 'u1'],
    ]);
    expect(
      refusal(
        doc,
        imp('u2', [
          ['c1', 3, 30],
          ['c1', 2, 21],
        ]),
      ).message,
    ).toContain('Row 3: Finance on 2026-09-03 is already in this workbook');
  });

  it('refuses more active people than the cohort holds, or an unknown cohort, and changes nothing', () => {
    const doc = start();
    expect(refusal(doc, imp('u1', [['c1', 1, 201]])).message).toBe(
      'Nothing was imported: Row 2: 201 active is more than the 200 people in Finance.',
    );
    expect(
      refusal(
        doc,
        imp('u1', [
          ['c1', 1, 2],
          ['zz', 1, 2],
        ]),
      ).message,
    ).toContain('Row 3: no cohort with id "zz"');
    expect(doc.wb.adoption.usage).toEqual([]);
  });

  it('the same command applied twice (two workbooks) stamps both alike and leaves the first as it was', () => {
    // The host stamps a command's records in place; once applied they are frozen workbook
    // records, so applying that command object again must copy them, not write into them.
    const command = imp('u1', [['c1', 1, 10]]);
    const first = run(start(), command);
    const second = run(start(), command);
    expect(second.wb.adoption.usage).toEqual(first.wb.adoption.usage);
    expect(second.wb.adoption.usage[0]).not.toBe(first.wb.adoption.usage[0]);
    expect(Object.isFrozen(first.wb.adoption.usage[0])).toBe(true);
  });
});
