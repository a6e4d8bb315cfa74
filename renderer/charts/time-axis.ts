// The time axis, drawn on a linear scale of epoch milliseconds. Chart.js's own time scale needs a
// date adapter (another library to keep current in an offline app, with its own idea of the time
// zone); a linear scale takes the numbers as they are (parsing: false), is one that decimation
// accepts, and with the ticks below lands on whole local minutes, hours and days, in the local
// time every other clock in the app shows (clockTime in shared/domain/format.ts).

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Tick spacings a person reads at a glance, shortest first. */
const STEPS = [
  SECOND,
  5 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  28 * DAY,
  91 * DAY,
  364 * DAY,
];

/** The spacing to use between `min` and `max` for at most `maxTicks` ticks. */
export function tickStep(min: number, max: number, maxTicks: number): number {
  const span = Math.max(0, max - min);
  const limit = Math.max(1, maxTicks - 1);
  return STEPS.find((s) => span / s <= limit) ?? STEPS.at(-1)!;
}

function localMidnight(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/**
 * Tick positions from `min` to `max` (both included when they fall on a tick), aligned to the
 * local clock: on the hour for hourly steps, at local midnight for days.
 */
export function timeTicks(min: number, max: number, maxTicks: number): number[] {
  if (!(Number.isFinite(min) && Number.isFinite(max)) || max < min) return [];
  const step = tickStep(min, max, maxTicks);
  const out: number[] = [];
  if (step < DAY) {
    // Counted from local midnight, so 15-minute ticks fall on :00, :15, :30, :45 in any zone.
    const base = localMidnight(min);
    for (let t = base + Math.ceil((min - base) / step) * step; t <= max; t += step) out.push(t);
    return out;
  }
  // Days: walk local midnights (a day is 23 or 25 hours across a clock change).
  const days = Math.round(step / DAY);
  const d = new Date(localMidnight(min));
  if (d.getTime() < min) d.setDate(d.getDate() + 1);
  for (; d.getTime() <= max; d.setDate(d.getDate() + days)) out.push(d.getTime());
  return out;
}

const two = (n: number) => String(n).padStart(2, '0');
const dayName = (d: Date) =>
  d.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });

/** "14:05", "14:05:30" or "Fri 20 Nov": what a tick says for its step. */
export function tickLabel(ms: number, step: number): string {
  const d = new Date(ms);
  if (step >= DAY) return dayName(d);
  const hm = `${two(d.getHours())}:${two(d.getMinutes())}`;
  return step < MINUTE ? `${hm}:${two(d.getSeconds())}` : hm;
}

/**
 * The labels for a row of ticks. When the axis spans more than one day, the date goes under the
 * first tick and under the first tick of each new day.
 */
export function tickLabels(ticks: readonly number[], step: number): (string | string[])[] {
  const dated = ticks.length > 0 && spansDays(ticks[0]!, ticks.at(-1)!);
  return ticks.map((t, i) => {
    const label = tickLabel(t, step);
    if (step >= DAY || !dated) return label;
    const prev = ticks[i - 1];
    const newDay = prev === undefined || localMidnight(prev) !== localMidnight(t);
    return newDay ? [label, dayName(new Date(t))] : label;
  });
}

/** True when `min` and `max` are on different local days: times then need their date. */
export const spansDays = (min: number, max: number) => localMidnight(min) !== localMidnight(max);

/** A point's time in the table and tooltip: "14:02:11", or "Fri 20 Nov 14:02:11" across days. */
export function pointTime(ms: number, withDate: boolean): string {
  const d = new Date(ms);
  const time = `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
  return withDate ? `${dayName(d)} ${time}` : time;
}
