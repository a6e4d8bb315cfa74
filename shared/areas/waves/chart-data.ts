import { clockTime, formatWindow, withUnit } from '../../domain/format';
import type { Workbook } from '../../schema/workbook';
import { COMPARATOR_LABEL, trips } from '../success/format';
import type { StopCondition } from '../success/schema';
import { type GateVerdict, gatesOf, isSustained } from './gates';
import { isActive } from './moves';
import { readingsOf, type Timeline, timelineOf } from './reading-index';
import type { Wave } from './schema';

// What a gate's chart shows, as plain data: the readings of its metric in one wave over time,
// which of them were part of a breach, the threshold and its window, and the wave's own
// milestones. Pure, so the Waves screen and the projector draw the same thing.
//
// A breach point is a reading that made the gate trip: at some moment of the wave, the gate's
// rule (gates.ts isSustained: every reading in the window trips, and at least MIN_READINGS) held,
// and this reading was in that window. A reading over the line that was never part of a
// sustained window is "over the threshold" only. evaluateGate judges one moment; a chart needs
// every moment of the wave, so breachFlags slides the same window over the readings in
// O(n log n) instead of calling it once per reading (quadratic: seconds for an imported week of
// per-minute data). tests/unit/shared/chart-data.test.ts checks the two agree, as a property.

export interface ChartReading {
  id: string;
  /** Epoch ms. */
  x: number;
  y: number;
  at: string;
  source: string;
  by: string;
  /** On the wrong side of the threshold. */
  over: boolean;
  /** Part of a window in which the gate tripped. */
  breach: boolean;
}

export type BoundaryKind = 'start' | 'hold-end' | 'promoted' | 'rolled-back';

export interface WaveBoundary {
  kind: BoundaryKind;
  /** Epoch ms. */
  x: number;
  label: string;
}

export interface GateChart {
  waveId: string;
  waveName: string;
  stopConditionId: string;
  metricId: string | null;
  metricName: string;
  unit: string;
  comparator: StopCondition['comparator'];
  threshold: number;
  /** "> 2%". */
  limit: string;
  windowMinutes: number;
  /** Which side of the threshold trips the gate. */
  badSide: 'above' | 'below';
  /** The window the gate judges now, while the wave is active; null once it is finished. */
  window: { from: number; to: number } | null;
  /** Oldest first. */
  readings: ChartReading[];
  breaches: number;
  boundaries: WaveBoundary[];
  /** The time span to draw: the wave's life so far (or as it ended), and every reading. */
  range: { min: number; max: number };
  /** The gate's verdict now, from gates.ts. */
  verdict: GateVerdict;
  /** The chart in one or two sentences, for assistive technology and the figure's caption. */
  summary: string;
}

/**
 * For each reading (`times` sorted oldest first), whether it was in a window where the gate tripped, judged
 * at every moment up to `until`. The gate's state only changes when a reading enters the window
 * (at its own time) or leaves it (`windowMinutes` later), so those are the moments to judge.
 */
export function breachFlags(
  times: readonly number[],
  over: readonly boolean[],
  windowMinutes: number,
  until: number,
): boolean[] {
  const n = times.length;
  const w = windowMinutes * 60_000;
  // notOver[i] = readings before i that do not trip: a window (lo..hi) trips when none do.
  const notOver = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) notOver[i + 1] = notOver[i]! + (over[i] ? 0 : 1);
  // +1 at the first reading of a tripped window, -1 after its last: a running sum marks them all.
  const marks = new Int32Array(n + 1);
  let lo = 0;
  let hi = 0; // readings [lo, hi) are in the window (now - w, now]
  // The moments in time order: readings arriving (times) merged with readings leaving (times + w),
  // both already sorted.
  for (let a = 0, b = 0; a < n || b < n; ) {
    const now = b >= n || (a < n && times[a]! <= times[b]! + w) ? times[a++]! : times[b++]! + w;
    if (now > until) break;
    while (hi < n && times[hi]! <= now) hi++;
    while (lo < hi && times[lo]! <= now - w) lo++;
    if (isSustained(hi - lo, hi - lo - (notOver[hi]! - notOver[lo]!))) {
      marks[lo]!++;
      marks[hi]!--;
    }
  }
  const out: boolean[] = new Array(n);
  let run = 0;
  for (let i = 0; i < n; i++) {
    run += marks[i]!;
    out[i] = run > 0;
  }
  return out;
}

const BOUNDARY_LABEL: Record<BoundaryKind, string> = {
  start: 'Went live',
  'hold-end': 'Hold ends',
  promoted: 'Promoted',
  'rolled-back': 'Rolled back',
};

/**
 * The wave's milestones, oldest first: each time it went live (a rolled-back wave can be planned
 * and go live again), the end of that run's minimum hold unless the run ended first, and how
 * each run ended.
 */
export function waveBoundaries(wave: Wave): WaveBoundary[] {
  const out: WaveBoundary[] = [];
  const add = (kind: BoundaryKind, x: number) => out.push({ kind, x, label: BOUNDARY_LABEL[kind] });
  const hold = wave.holdHours * 3_600_000;
  let started: number | null = null;
  for (const m of wave.moves) {
    const x = Date.parse(m.at);
    if (m.to === 'live' && m.from === 'planned') {
      started = x;
      add('start', x);
    } else if (m.to === 'promoted' || m.to === 'rolled-back') {
      if (started !== null && x >= started + hold) add('hold-end', started + hold);
      started = null;
      add(m.to, x);
    }
  }
  // The run still going (its moves, or only startedAt in a hand-made workbook) has its hold ahead.
  const current = started ?? (isActive(wave) && wave.startedAt ? Date.parse(wave.startedAt) : null);
  if (current !== null) {
    if (!out.some((b) => b.kind === 'start' && b.x === current)) add('start', current);
    add('hold-end', current + hold);
  }
  return out.sort((a, b) => a.x - b.x);
}

/** When a finished wave's gates stopped judging: its last promotion or roll back. */
function endedAt(wave: Wave): number | null {
  if (isActive(wave)) return null;
  const last = wave.moves.findLast((m) => m.to === 'promoted' || m.to === 'rolled-back');
  return last ? Date.parse(last.at) : null;
}

/** The gate's chart: `verdict` is the gate's verdict now (gatesOf), whose stop condition it draws. */
export function gateChart(wb: Workbook, wave: Wave, verdict: GateVerdict, now: number): GateChart {
  const stop = verdict.stop;
  const metric = wb.waves.metrics.find((m) => m.id === verdict.metricId);
  const unit = metric?.unit || stop.unit;
  const timeline = timelineOf(metric ? readingsOf(wb.waves.readings, wave.id, metric.id) : []);
  const ended = endedAt(wave);
  // A finished wave is judged up to its end; one still running, up to now.
  const { readings, breaches } = chartReadings(timeline, stop, ended ?? now);
  const boundaries = waveBoundaries(wave);
  const active = isActive(wave);
  const window = active ? { from: now - stop.windowMinutes * 60_000, to: now } : null;
  // The readings are in time order: their first and last bound them (no spread of 50,000 values).
  const xs = boundaries.filter((b) => b.kind !== 'hold-end').map((b) => b.x);
  if (readings.length > 0) xs.push(readings[0]!.x, readings.at(-1)!.x);
  if (active) xs.push(now);
  const min = xs.length > 0 ? Math.min(...xs) : now - stop.windowMinutes * 60_000;
  const max = xs.length > 0 ? Math.max(...xs) : now;
  const limit = `${COMPARATOR_LABEL[stop.comparator]} ${withUnit(stop.threshold, unit)}`;
  const chart: Omit<GateChart, 'summary'> = {
    waveId: wave.id,
    waveName: wave.name,
    stopConditionId: stop.id,
    metricId: metric?.id ?? null,
    metricName: verdict.metricName,
    unit,
    comparator: stop.comparator,
    threshold: stop.threshold,
    limit,
    windowMinutes: stop.windowMinutes,
    badSide: stop.comparator.startsWith('>') ? 'above' : 'below',
    window,
    readings,
    breaches,
    boundaries,
    // Ten minutes of air when everything happened at one moment, so the line has somewhere to go.
    range: max > min ? { min, max } : { min: min - 5 * 60_000, max: max + 5 * 60_000 },
    verdict,
  };
  return { ...chart, summary: summarize(chart) };
}

const drawn = new WeakMap<
  Timeline,
  WeakMap<StopCondition, { until: number; readings: ChartReading[]; breaches: number }>
>();

/**
 * The chart's readings, with which ones tripped, judged up to `until`. A running wave's charts
 * are drawn again every second, and 50,000 imported readings took a tenth of each second to
 * flag; the flags only change while `until` is within a window of the newest reading, so past
 * that they are kept (per list and stop condition, both immutable) and the same list is returned.
 */
function chartReadings(
  timeline: Timeline,
  stop: StopCondition,
  until: number,
): { readings: ChartReading[]; breaches: number } {
  const { readings: ordered, times } = timeline;
  const w = stop.windowMinutes * 60_000;
  // Past the last reading's window every moment of the sweep is behind `until`: same flags.
  const settled = times.length > 0 ? Math.min(until, times.at(-1)! + w) : until;
  const known = drawn.get(timeline)?.get(stop);
  if (known && known.until === settled) return known;
  const over = ordered.map((r) => trips(stop, r.value));
  const flags = breachFlags(times, over, stop.windowMinutes, until);
  // Within the window the flags are worked out again, but mostly come out the same: then the
  // list drawn is the same list, and nothing downstream compares 50,000 points to find that out.
  const same = known?.readings.every((r, i) => r.breach === flags[i]);
  const readings: ChartReading[] = same
    ? known!.readings
    : ordered.map((r, i) => ({
        id: r.id,
        x: times[i]!,
        y: r.value,
        at: r.at,
        source: r.source,
        by: r.by,
        over: over[i]!,
        breach: flags[i]!,
      }));
  const entry = { until: settled, readings, breaches: flags.filter(Boolean).length };
  if (Object.isFrozen(stop)) {
    const byStop = drawn.get(timeline) ?? new WeakMap();
    byStop.set(stop, entry);
    drawn.set(timeline, byStop);
  }
  return entry;
}

/** One chart per gate of the wave, in the order the wave lists its gates. */
export function waveCharts(wb: Workbook, wave: Wave, now: number): GateChart[] {
  return gatesOf(wb, wave, now).map((g) => gateChart(wb, wave, g, now));
}

function summarize(c: Omit<GateChart, 'summary'>): string {
  const v = (y: number) => withUnit(y, c.unit);
  const rule = `Stop condition: ${c.limit} for ${formatWindow(c.windowMinutes)}.`;
  if (c.readings.length === 0) {
    return `${c.metricName} in ${c.waveName}: no readings yet. ${rule}`;
  }
  const first = c.readings[0]!;
  const last = c.readings.at(-1)!;
  let lo = first;
  let hi = first;
  for (const r of c.readings) {
    if (r.y < lo.y) lo = r;
    if (r.y > hi.y) hi = r;
  }
  const span =
    c.readings.length === 1
      ? `1 reading, ${v(first.y)} at ${clockTime(first.at)}`
      : `${c.readings.length} readings from ${clockTime(first.at)} to ${clockTime(last.at)}, ` +
        `lowest ${v(lo.y)}, highest ${v(hi.y)}, latest ${v(last.y)}`;
  const over = c.readings.filter((r) => r.over).length;
  const breach =
    c.breaches > 0
      ? ` ${c.breaches} ${c.breaches === 1 ? 'is a breach point' : 'are breach points'} (part of a window where every reading was ${c.limit}).`
      : over > 0
        ? ` ${over} ${over === 1 ? 'is' : 'are'} ${c.limit}, never sustained for the whole window.`
        : ` None is ${c.limit}.`;
  return `${c.metricName} in ${c.waveName}: ${span}. ${rule}${breach}`;
}
