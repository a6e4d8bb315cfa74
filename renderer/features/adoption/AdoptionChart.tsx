import { useMemo } from 'react';
import type { Cohort, Usage } from '../../../shared/areas/adoption/schema';
import {
  cohortStatuses,
  dayNumber,
  laggingRanked,
  series,
  usageByCohort,
} from '../../../shared/areas/adoption/trajectory';
import { type ChartSeries, type ChartThreshold, DISTINCT_LOOKS, TimeChart } from '../../charts';

// Active share per cohort over time, through the app's one chart wrapper: a line per cohort, the
// target as a line across (one per distinct target), and the table alternative the wrapper gives.
// Past as many cohorts as the chart has distinct line styles, only the cohorts lagging most keep
// a coloured line of their own; the others are drawn thin and grey behind them, for comparison.

const DAY_MS = 86_400_000;
const pct = (y: number) => `${Number(y.toFixed(1))}%`;

function line(c: Cohort, rows: readonly Usage[]): ChartSeries {
  return {
    id: c.id,
    label: c.name,
    points: series(c, rows).map((p) => ({ x: dayNumber(p.day) * DAY_MS, y: p.pct })),
  };
}

export function AdoptionChart({ cohorts, usage }: { cohorts: readonly Cohort[]; usage: readonly Usage[] }) {
  const { named, others } = useMemo(() => {
    const index = usageByCohort(usage);
    const used = cohorts.filter((c) => (index.get(c.id)?.length ?? 0) > 0);
    const lines = used.map((c) => line(c, index.get(c.id) ?? []));
    if (used.length <= DISTINCT_LOOKS) return { named: lines, others: [] };
    // The statuses reuse the per-cohort series just worked out for the lines (trajectory.ts).
    const worst = new Set(
      laggingRanked(cohortStatuses(used, usage))
        .slice(0, DISTINCT_LOOKS)
        .map((s) => s.cohort.id),
    );
    // In the cohorts' own order, so a cohort keeps its colour while the ranking moves.
    return { named: lines.filter((l) => worst.has(l.id)), others: lines.filter((l) => !worst.has(l.id)) };
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
  const total = named.length + others.length;
  if (total === 0) {
    return (
      <p className="collection-empty" data-testid="adoption-chart-empty">
        No usage yet: import a usage export to see each cohort against its target.
      </p>
    );
  }
  const against = `against ${targets.map((t) => `${t.value}%`).join(' and ')}`;
  const summary =
    others.length === 0
      ? `${total} cohort${total === 1 ? '' : 's'} over time ${against}.`
      : `${total} cohorts over time ${against}: ${
          named.length === 0
            ? 'none lagging, all drawn thin and grey'
            : `the ${named.length} lagging most in colour (${named.map((l) => l.label).join(', ')}), the other ${others.length} thin and grey`
        }. The table lists every cohort.`;
  return (
    <TimeChart
      title="Active users by cohort, as a share of each cohort"
      summary={summary}
      series={named}
      context={
        others.length > 0
          ? {
              label:
                named.length === 0
                  ? `${others.length} cohorts, none lagging`
                  : `${others.length} other cohort${others.length === 1 ? '' : 's'}`,
              series: others,
            }
          : undefined
      }
      thresholds={targets}
      yMin={0}
      formatValue={pct}
      testId="adoption-chart"
    />
  );
}
