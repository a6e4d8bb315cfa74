import type { Cohort, Usage } from './schema';

// Is adoption sticking? Each cohort has a target ("70% active within 60 days of launch"); its
// target trajectory climbs in a straight line from launch to the target and stays there. A
// cohort is lagging when its latest share of active people is LAG_POINTS or more under the
// trajectory; lagging cohorts are ranked by the people behind (gap × size), so a large team a
// little behind comes before a small team far behind. A cohort that met its target and has
// since fallen SLIP_POINTS under it has slipped: launch success is not adoption.

export const LAG_POINTS = 5;
export const SLIP_POINTS = 5;
const DAY_MS = 86_400_000;

/** Days are few and repeat across cohorts (1,000 days × 100 cohorts is 1,000 parses, not 100,000). */
const dayNumbers = new Map<string, number>();
export function dayNumber(day: string): number {
  let n = dayNumbers.get(day);
  if (n === undefined) {
    n = Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
    if (dayNumbers.size >= 20_000) dayNumbers.clear();
    dayNumbers.set(day, n);
  }
  return n;
}
export const dayText = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Days since launch → the share (%) the trajectory expects. */
export function expectedPct(cohort: Cohort, daysSinceLaunch: number): number {
  if (daysSinceLaunch <= 0) return 0;
  return Math.min(cohort.targetPct, (cohort.targetPct * daysSinceLaunch) / cohort.targetDays);
}

export interface Point {
  day: string;
  /** Days since the cohort's launch. */
  n: number;
  active: number;
  pct: number;
  firstTask: number | null;
}

const indexes = new WeakMap<readonly Usage[], Map<string, Usage[]>>();

/** Usage rows by cohort, indexed once per (frozen, committed) list: 100,000 rows are common. */
export function usageByCohort(usage: readonly Usage[]): Map<string, Usage[]> {
  const known = indexes.get(usage);
  if (known) return known;
  const index = new Map<string, Usage[]>();
  for (const u of usage) {
    const list = index.get(u.cohortId);
    if (list) list.push(u);
    else index.set(u.cohortId, [u]);
  }
  if (Object.isFrozen(usage)) {
    for (const list of index.values()) Object.freeze(list);
    indexes.set(usage, index);
  }
  return index;
}

const seriesCache = new WeakMap<readonly Usage[], WeakMap<Cohort, readonly Point[]>>();

/**
 * The cohort's days in time order, as shares of its size. The status, the trends and the chart
 * each ask for every cohort's series on every change; for the same (frozen) rows and cohort it
 * is worked out once.
 */
export function series(cohort: Cohort, rows: readonly Usage[]): readonly Point[] {
  const cached = seriesCache.get(rows)?.get(cohort);
  if (cached) return cached;
  const launch = dayNumber(cohort.launchDay);
  const points = Object.freeze(
    rows
      .map((u) => ({
        day: u.day,
        n: dayNumber(u.day) - launch,
        active: u.active,
        pct: (u.active / cohort.size) * 100,
        firstTask: u.firstTask,
      }))
      .sort((a, b) => a.n - b.n),
  );
  if (Object.isFrozen(rows) && Object.isFrozen(cohort)) {
    const byCohort = seriesCache.get(rows) ?? new WeakMap<Cohort, readonly Point[]>();
    byCohort.set(cohort, points);
    seriesCache.set(rows, byCohort);
  }
  return points;
}

export interface CohortStatus {
  cohort: Cohort;
  latest: Point | null;
  expected: number;
  /** Points under the trajectory (negative: ahead of it). */
  gap: number;
  /** People short of the trajectory today, rounded; 0 when on or ahead of it. */
  behind: number;
  lagging: boolean;
  /** The first day it met its target, if it ever did. */
  metOn: string | null;
  slipped: boolean;
  /** Median days from launch to a person's first meaningful task; null when not measured. */
  timeToValue: number | null;
}

/** The weighted median of days-to-first-task, from the export's per-day first-task counts. */
export function timeToValue(points: readonly Point[]): number | null {
  const counted = points.filter((p) => p.firstTask !== null && p.firstTask > 0 && p.n >= 0);
  const total = counted.reduce((n, p) => n + p.firstTask!, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const p of counted) {
    seen += p.firstTask!;
    if (seen * 2 >= total) return p.n;
  }
  return counted[counted.length - 1]!.n;
}

export function cohortStatus(cohort: Cohort, rows: readonly Usage[]): CohortStatus {
  const points = series(cohort, rows);
  const latest = points[points.length - 1] ?? null;
  const met = points.find((p) => p.pct >= cohort.targetPct) ?? null;
  if (!latest) {
    return {
      cohort,
      latest,
      expected: 0,
      gap: 0,
      behind: 0,
      lagging: false,
      metOn: null,
      slipped: false,
      timeToValue: null,
    };
  }
  const expected = expectedPct(cohort, latest.n);
  const gap = expected - latest.pct;
  return {
    cohort,
    latest,
    expected,
    gap,
    behind: gap > 0 ? Math.round((gap / 100) * cohort.size) : 0,
    lagging: gap >= LAG_POINTS,
    metOn: met?.day ?? null,
    slipped: met !== null && latest.pct <= cohort.targetPct - SLIP_POINTS,
    timeToValue: timeToValue(points),
  };
}

export function cohortStatuses(cohorts: readonly Cohort[], usage: readonly Usage[]): CohortStatus[] {
  const index = usageByCohort(usage);
  return cohorts.map((c) => cohortStatus(c, index.get(c.id) ?? []));
}

/** Lagging cohorts, most people behind first (then the larger gap, then by name). */
export function laggingRanked(statuses: readonly CohortStatus[]): CohortStatus[] {
  return statuses
    .filter((s) => s.lagging)
    .sort((a, b) => b.behind - a.behind || b.gap - a.gap || a.cohort.name.localeCompare(b.cohort.name));
}
