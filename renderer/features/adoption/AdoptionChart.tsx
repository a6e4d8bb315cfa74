import { useMemo } from 'react';
import type { Cohort, Usage } from '../../../shared/areas/adoption/schema';
import { dayNumber, series, usageByCohort } from '../../../shared/areas/adoption/trajectory';
import { type ChartSeries, type ChartThreshold, TimeChart } from '../../charts';

// Active share per cohort over time, through the app's one chart wrapper: a line per cohort, the
// target as a line across (one per distinct target), and the table alternative the wrapper gives.

const DAY_MS = 86_400_000;
const pct = (y: number) => `${Number(y.toFixed(1))}%`;

export function AdoptionChart({ cohorts, usage }: { cohorts: readonly Cohort[]; usage: readonly Usage[] }) {
  const lines = useMemo<ChartSeries[]>(() => {
    const index = usageByCohort(usage);
    return cohorts
      .filter((c) => (index.get(c.id)?.length ?? 0) > 0)
      .map((c) => ({
        id: c.id,
        label: c.name,
        points: series(c, index.get(c.id) ?? []).map((p) => ({ x: dayNumber(p.day) * DAY_MS, y: p.pct })),
      }));
  }, [cohorts, usage]);
  const targets = useMemo<ChartThreshold[]>(() => {
    const byTarget = new Map<number, Cohort[]>();
    for (const c of cohorts) byTarget.set(c.targetPct, [...(byTarget.get(c.targetPct) ?? []), c]);
    return [...byTarget].map(([value, list]) => ({
      id: `target-${value}`,
      value,
      label: `Target ${value}% active${byTarget.size > 1 ? ` (${list.map((c) => c.name).join(', ')})` : ` within ${list[0]!.targetDays} days`}`,
    }));
  }, [cohorts]);
  if (lines.length === 0) {
    return (
      <p className="collection-empty" data-testid="adoption-chart-empty">
        No usage yet: import a usage export to see each cohort against its target.
      </p>
    );
  }
  const behind = lines.length;
  return (
    <TimeChart
      title="Active users by cohort, as a share of each cohort"
      summary={`${behind} cohort${behind === 1 ? '' : 's'} over time against ${targets.map((t) => `${t.value}%`).join(' and ')}.`}
      series={lines}
      thresholds={targets}
      formatValue={pct}
      testId="adoption-chart"
    />
  );
}
