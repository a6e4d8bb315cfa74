import { median } from './dora-math';

// The Four Keys project's buckets, with its own labels, and the DORA performance level each is
// shown as. Four Keys has no change-failure label above "46-60%": a higher rate keeps that label
// and the figure itself says how high it is.

export const LABEL_BUCKET = {
  Daily: 'elite',
  Weekly: 'high',
  Monthly: 'medium',
  Yearly: 'low',
  'One day': 'elite',
  'One week': 'high',
  'One month': 'medium',
  'Six months': 'low',
  'One year': 'low',
  '0-15%': 'elite',
  '16-45%': 'medium',
  '46-60%': 'low',
} as const;

export type FourKeysLabel = keyof typeof LABEL_BUCKET;
export type DoraLevel = (typeof LABEL_BUCKET)[FourKeysLabel];

/** Lead time and time to restore share these, on hours. */
export function hoursLabel(hours: number): FourKeysLabel {
  if (hours < 24) return 'One day';
  if (hours < 168) return 'One week';
  if (hours < 730) return 'One month';
  if (hours < 4380) return 'Six months';
  return 'One year';
}

export function rateLabel(rate: number): FourKeysLabel {
  if (rate <= 0.15) return '0-15%';
  if (rate < 0.46) return '16-45%';
  return '46-60%';
}

const DAY = 86_400_000;
const dayIndex = (t: number) => Math.floor(t / DAY);
/** Weeks start on Sunday, as BigQuery's WEEK does (1970-01-01 was a Thursday: day 0 + 4). */
const weekIndex = (day: number) => Math.floor((day + 4) / 7);
const monthIndex = (day: number) => {
  const d = new Date(day * DAY);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

/**
 * Deployment frequency over [from, to] with the empty days filled in, as Four Keys decides it:
 * Daily when the median week has deployments on 3 days or more, Weekly when the median week has
 * one, Monthly when the median month has one, Yearly otherwise. Also the plain average a week.
 */
export function frequencyLabel(
  times: readonly number[],
  from: number,
  to: number,
): { label: FourKeysLabel; perWeek: number } {
  const first = dayIndex(from);
  const last = dayIndex(to);
  const deployDays = new Set(times.map(dayIndex));
  const perDay = new Map<number, number>();
  for (const t of times) perDay.set(dayIndex(t), (perDay.get(dayIndex(t)) ?? 0) + 1);
  const weeks = new Map<number, { days: number; deploys: number }>();
  const months = new Map<number, number>();
  for (let day = first; day <= last; day++) {
    const w = weeks.get(weekIndex(day)) ?? { days: 0, deploys: 0 };
    if (deployDays.has(day)) w.days++;
    w.deploys += perDay.get(day) ?? 0;
    weeks.set(weekIndex(day), w);
    months.set(monthIndex(day), (months.get(monthIndex(day)) ?? 0) + (perDay.get(day) ?? 0));
  }
  const all = [...weeks.values()];
  const perWeek = (times.length / (last - first + 1)) * 7;
  if ((median(all.map((w) => w.days)) ?? 0) >= 3) return { label: 'Daily', perWeek };
  if ((median(all.map((w) => w.deploys)) ?? 0) >= 1) return { label: 'Weekly', perWeek };
  if ((median([...months.values()]) ?? 0) >= 1) return { label: 'Monthly', perWeek };
  return { label: 'Yearly', perWeek };
}
