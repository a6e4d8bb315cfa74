import type { Reading } from './schema';

// Readings by wave and metric. Every gate, chart and evidence check asks for "this metric in this
// wave"; filtering 100,000 readings for each of them on every redraw cost half a second of a
// window's time after a big import. The list is immutable once committed (immer freezes each
// state it produces), so its index is built once per list and kept beside it; a list that is
// not frozen (a test's hand-made workbook) is indexed afresh each time.

const indexes = new WeakMap<readonly Reading[], Map<string, Reading[]>>();

function indexOf(readings: readonly Reading[]): Map<string, Reading[]> {
  const known = indexes.get(readings);
  if (known) return known;
  const index = new Map<string, Reading[]>();
  for (const r of readings) {
    const key = `${r.waveId}\u0000${r.metricId}`;
    const list = index.get(key);
    if (list) list.push(r);
    else index.set(key, [r]);
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
  return indexOf(readings).get(`${waveId}\u0000${metricId}`) ?? [];
}
