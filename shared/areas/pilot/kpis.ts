import type { Kpi, KpiReading } from './schema';

// Pass or fail per pilot KPI, with the reason in words. A KPI passes on its latest reading against
// its target (at or under for "below", at or over for "above"). A target moved after the pilot
// started is reported beside the verdict: it may be right to move it, but never silently.

export type KpiStatus = 'pass' | 'fail' | 'no-data';

export interface KpiVerdict {
  status: KpiStatus;
  reason: string;
  latest: KpiReading | null;
  /** Set when the target changed after the start: the first target and each change. */
  moved: { original: number; changes: Kpi['targetChanges'] } | null;
}

export function formatValue(value: number, unit: string): string {
  const n = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3)));
  if (!unit) return n;
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}

/** The reading with the latest day (the last recorded wins a tie). */
export function latestReading(readings: readonly KpiReading[]): KpiReading | null {
  let latest: KpiReading | null = null;
  for (const r of readings) if (!latest || r.day >= latest.day) latest = r;
  return latest;
}

export function kpiVerdict(kpi: Kpi): KpiVerdict {
  const moved =
    kpi.targetChanges.length > 0
      ? { original: kpi.targetChanges[0]!.from, changes: kpi.targetChanges }
      : null;
  const latest = latestReading(kpi.readings);
  const target = formatValue(kpi.target, kpi.unit);
  if (!latest) {
    return { status: 'no-data', reason: `No reading yet against the target of ${target}.`, latest, moved };
  }
  const value = formatValue(latest.value, kpi.unit);
  const pass = kpi.direction === 'below' ? latest.value <= kpi.target : latest.value >= kpi.target;
  const gap = formatValue(Math.abs(latest.value - kpi.target), kpi.unit);
  const reason = pass
    ? `${value} on ${latest.day} is ${kpi.direction === 'below' ? 'at or under' : 'at or over'} the target of ${target}.`
    : `${value} on ${latest.day} is ${gap} ${kpi.direction === 'below' ? 'over' : 'under'} the target of ${target}.`;
  return { status: pass ? 'pass' : 'fail', reason, latest, moved };
}
