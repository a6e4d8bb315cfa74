import type { Reading } from './schema';

// Readings by wave and metric. Every gate, chart and evidence check asks for "this metric in this
// wave"; filtering 100,000 readings for each of them on every redraw cost half a second of a
// window's time after a big import. The list is immutable once committed (immer freezes each
// state it produces), so its index is built once per list and kept beside it; a list that is
// not frozen (a test's hand-made workbook) is indexed afresh each time.

/** Wave id → metric id → its readings. Two levels, so no key string is built per reading. */
type Index = Map<string, Map<string, Reading[]>>;

const indexes = new WeakMap<readonly Reading[], Index>();

function indexOf(readings: readonly Reading[]): Index {
  const known = indexes.get(readings);
  if (known) return known;
  const index: Index = new Map();
  for (const r of readings) {
    let byMetric = index.get(r.waveId);
    if (!byMetric) {
      byMetric = new Map();
      index.set(r.waveId, byMetric);
    }
    const list = byMetric.get(r.metricId);
    if (list) list.push(r);
    else byMetric.set(r.metricId, [r]);
  }
  if (Object.isFrozen(readings)) indexes.set(readings, index);
  return index;
}

/** The readings of one metric in one wave, in the order they were recorded. */
export function readingsOf(
  readings: readonly Reading[],
  waveId: string,
  metricId: string,
): readonly Reading[] {
  return indexOf(readings).get(waveId)?.get(metricId) ?? [];
}

/** One metric's readings in one wave in time order, with each one's time (epoch ms). */
export interface Timeline {
  /** Oldest first; readings at the same instant stay in the order they were recorded. */
  readings: readonly Reading[];
  times: readonly number[];
}

const timelines = new WeakMap<readonly Reading[], Timeline>();

/**
 * The list from readingsOf() in time order, worked out once per list: every gate asks for its
 * newest reading and the ones in its window on every redraw, and parsing 50,000 times for each
 * ask was most of a window's time after a big import.
 */
export function timelineOf(list: readonly Reading[]): Timeline {
  const known = timelines.get(list);
  if (known) return known;
  // An unreadable time (never in a checked workbook) sorts first, outside every window.
  const times = list.map((r) => Date.parse(r.at) || Number.NEGATIVE_INFINITY);
  let timeline: Timeline = { readings: list, times };
  // Readings mostly arrive in time order (typed as they are read, imported sorted): then the
  // list is its own timeline. Otherwise a stable sort by time.
  if (times.some((t, k) => k > 0 && t < times[k - 1]!)) {
    const order = times.map((_, i) => i).sort((a, b) => times[a]! - times[b]! || a - b);
    timeline = { readings: order.map((i) => list[i]!), times: order.map((i) => times[i]!) };
  }
  timelines.set(list, timeline);
  return timeline;
}

/** The newest reading (the first recorded, of several at the same instant), or null. */
export function newestOf({ readings, times }: Timeline): Reading | null {
  let k = times.length - 1;
  if (k < 0) return null;
  while (k > 0 && times[k - 1] === times[k]) k--;
  return readings[k]!;
}

/** The readings with since < time <= until, oldest first. */
export function between({ readings, times }: Timeline, since: number, until: number): Reading[] {
  return readings.slice(after(times, since), after(times, until));
}

/** The index of the first time above `t`. */
function after(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
