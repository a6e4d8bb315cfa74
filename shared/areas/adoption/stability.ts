import type { StopCondition } from '../success/schema';
import type { Reading } from '../waves/schema';
import type { Cohort, Usage } from './schema';
import { cohortStatuses, dayNumber, series, usageByCohort } from './trajectory';

// After launch: is it holding? Over 30, 60 and 90 days each cohort's active share and each
// watched stop-condition metric is compared with where it was, and called improving, stable or
// declining, with the person who answers for it. Adoption is stable within ±STABLE_POINTS;
// a reliability metric within 5% of its stop threshold (a small move near zero is noise).

export const WINDOWS = [30, 60, 90] as const;
export const STABLE_POINTS = 2;
const DAY_MS = 86_400_000;

export type Trend = 'improving' | 'stable' | 'declining' | 'no-data';

export interface WindowTrend {
  days: (typeof WINDOWS)[number];
  from: number | null;
  to: number | null;
  trend: Trend;
}

export interface TrendRow {
  kind: 'adoption' | 'reliability';
  id: string;
  name: string;
  unit: string;
  /** Who answers for it; '' when nobody does (shown as a gap). */
  owner: string;
  windows: WindowTrend[];
}

const call = (change: number, tolerance: number, higherIsBetter: boolean): Trend => {
  if (Math.abs(change) <= tolerance) return 'stable';
  return change > 0 === higherIsBetter ? 'improving' : 'declining';
};

export function adoptionTrends(cohorts: readonly Cohort[], usage: readonly Usage[]): TrendRow[] {
  const index = usageByCohort(usage);
  return cohorts.map((cohort) => {
    const points = series(cohort, index.get(cohort.id) ?? []);
    const latest = points[points.length - 1];
    return {
      kind: 'adoption',
      id: cohort.id,
      name: cohort.name,
      unit: '%',
      owner: cohort.owner,
      windows: WINDOWS.map((days) => {
        const before = latest ? points.findLast((p) => p.n <= latest.n - days) : undefined;
        if (!latest || !before)
          return { days, from: null, to: latest?.pct ?? null, trend: 'no-data' as const };
        return {
          days,
          from: before.pct,
          to: latest.pct,
          trend: call(latest.pct - before.pct, STABLE_POINTS, true),
        };
      }),
    };
  });
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

export function reliabilityTrends(stops: readonly StopCondition[], readings: readonly Reading[]): TrendRow[] {
  return stops
    .filter((s) => s.metricId)
    .map((stop) => {
      const mine = readings
        .filter((r) => r.metricId === stop.metricId)
        .map((r) => ({ t: Date.parse(r.at), v: r.value }));
      const last = mine.reduce((t, r) => Math.max(t, r.t), Number.NEGATIVE_INFINITY);
      // A stop condition fires when the metric goes over (or under) its threshold: the other way is better.
      const higherIsBetter = stop.comparator === '<' || stop.comparator === '<=';
      const tolerance = Math.max(Math.abs(stop.threshold) * 0.05, 1e-9);
      return {
        kind: 'reliability' as const,
        id: stop.id,
        name: stop.metric,
        unit: stop.unit,
        owner: stop.callers.join(', '),
        windows: WINDOWS.map((days) => {
          const span = days * DAY_MS;
          const to = mean(mine.filter((r) => r.t > last - span).map((r) => r.v));
          const from = mean(mine.filter((r) => r.t <= last - span && r.t > last - 2 * span).map((r) => r.v));
          if (to === null || from === null) return { days, from, to, trend: 'no-data' as const };
          return { days, from, to, trend: call(to - from, tolerance, higherIsBetter) };
        }),
      };
    });
}

/** Cohorts that met their target once and have fallen back: the slip list, latest first. */
export function slipped(cohorts: readonly Cohort[], usage: readonly Usage[]) {
  return cohortStatuses(cohorts, usage)
    .filter((s) => s.slipped)
    .sort(
      (a, b) =>
        dayNumber(b.latest!.day) - dayNumber(a.latest!.day) || a.cohort.name.localeCompare(b.cohort.name),
    );
}
