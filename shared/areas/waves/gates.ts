import { clockTime, describeValue, formatDuration, formatWindow, withUnit } from '../../domain/format';
import type { Workbook } from '../../schema/workbook';
import { ACTION_LABEL, COMPARATOR_LABEL, trips } from '../success/format';
import type { StopCondition } from '../success/schema';
import { between, newestOf, readingsOf, timelineOf } from './reading-index';
import type { Metric, Reading, Wave } from './schema';

// Gate verdicts: for a wave and one of the stop conditions gating it, what the readings say,
// with the reason spelled out. Pure: the same workbook and clock always give the same verdict,
// so every window (and the projector) computes it and agrees.
//
// The rule, in words a room can check:
// - The window is the last `windowMinutes` before now. At least MIN_READINGS readings of the
//   gate's metric, in this wave, must fall inside it; fewer is INCONCLUSIVE, naming what is
//   missing. Inconclusive holds: it never passes.
// - The condition is BREACHED when every reading in the window trips it (it was sustained for
//   the window); the gate then calls for the stop condition's action (pause → hold, roll back,
//   escalate). Some but not all readings tripping is not sustained: continue, and say so.
// - The gate is STALE when its newest reading is older than the metric's own expiry. A stale gate
//   that is not breached is inconclusive: old data never passes a wave.

export const MIN_READINGS = 2;

/**
 * The one rule of a sustained breach, for every caller (gates here, breach marks on charts):
 * the window holds at least MIN_READINGS readings and every one of them trips.
 */
export function isSustained(inWindow: number, tripping: number): boolean {
  return inWindow >= MIN_READINGS && tripping === inWindow;
}

export type GateStatus = 'continue' | 'hold' | 'rollback' | 'escalate' | 'inconclusive';

export interface GateVerdict {
  waveId: string;
  stopConditionId: string;
  metricId: string | null;
  /** The metric's own name, or the stop condition's wording when it is not linked. */
  metricName: string;
  status: GateStatus;
  breached: boolean;
  stale: boolean;
  /** Readings in the window, oldest first: the evidence behind the verdict. */
  readings: Reading[];
  /** The newest reading of this metric in this wave, of any age. */
  latest: Reading | null;
  /** How old the newest reading is, in ms (null without one). */
  ageMs: number | null;
  staleAfterMinutes: number;
  stop: StopCondition;
  sources: string[];
  /** The whole verdict as one sentence. */
  reason: string;
  /** What is missing, for an inconclusive gate. */
  missing: string | null;
}

const ACTION_STATUS: Record<StopCondition['action'], GateStatus> = {
  pause: 'hold',
  rollback: 'rollback',
  escalate: 'escalate',
};

export function evaluateGate(wb: Workbook, wave: Wave, stop: StopCondition, now: number): GateVerdict {
  const metric = wb.waves.metrics.find((m) => m.id === stop.metricId) ?? null;
  const base = {
    waveId: wave.id,
    stopConditionId: stop.id,
    metricId: metric?.id ?? null,
    metricName: metric?.name ?? stop.metric,
    stop,
    staleAfterMinutes: metric?.staleAfterMinutes ?? stop.windowMinutes,
  };
  if (!metric) {
    const missing = `stop condition '${stop.metric}' is not linked to a watched metric, so no readings can be matched to it`;
    return {
      ...base,
      status: 'inconclusive',
      breached: false,
      stale: false,
      readings: [],
      latest: null,
      ageMs: null,
      sources: [],
      missing,
      reason: `Inconclusive: ${missing}. Holds until it is linked.`,
    };
  }
  const timeline = timelineOf(readingsOf(wb.waves.readings, wave.id, metric.id));
  const latest = newestOf(timeline);
  const ageMs = latest ? now - Date.parse(latest.at) : null;
  const readings = between(timeline, now - stop.windowMinutes * 60_000, now);
  const stale = ageMs !== null && ageMs > metric.staleAfterMinutes * 60_000;
  const sources = [...new Set(readings.map((r) => r.source).filter((s) => s.trim() !== ''))];
  // What every outcome below carries; each adds only its status, what is missing and why.
  const seen = { ...base, breached: false, stale, readings, latest, ageMs, sources, missing: null };
  const window = formatWindow(stop.windowMinutes);
  const threshold = `${COMPARATOR_LABEL[stop.comparator]} ${withUnit(stop.threshold, metric.unit || stop.unit)}`;
  const value = (r: Reading) => withUnit(r.value, metric.unit || stop.unit);
  const from = sources.length > 0 ? `; source ${sources.join(', ')}` : '';
  const callers = `Called by ${stop.callers.join(', ')}.`;

  if (isSustained(readings.length, readings.filter((r) => trips(stop, r.value)).length)) {
    // The reading closest to the line says how clear the breach is: "lowest" above it, "highest" below.
    const closest = readings.reduce((a, b) =>
      Math.abs(b.value - stop.threshold) < Math.abs(a.value - stop.threshold) ? b : a,
    );
    const closestWord = stop.comparator.startsWith('>') ? 'lowest' : 'highest';
    const status = ACTION_STATUS[stop.action];
    return {
      ...seen,
      status,
      breached: true,
      reason:
        `${ACTION_LABEL[stop.action]}: all ${readings.length} readings of ${metric.name} in the last ${window} are ` +
        `${threshold} (latest ${value(readings.at(-1)!)} at ${clockTime(readings.at(-1)!.at)}, ` +
        `${closestWord} ${value(closest)}${from}). ${callers}`,
    };
  }
  if (readings.length < MIN_READINGS) {
    const has =
      readings.length === 0
        ? latest
          ? `none (the newest, ${value(latest)}, is from ${clockTime(latest.at)}, ${formatDuration(ageMs!)} ago)`
          : 'none yet'
        : `1 (${value(readings[0]!)} at ${clockTime(readings[0]!.at)})`;
    const missing = `at least ${MIN_READINGS} readings of ${metric.name} in the last ${window}; has ${has}`;
    return {
      ...seen,
      status: 'inconclusive',
      missing,
      reason: `Inconclusive: needs ${missing}. Holds until there are enough.`,
    };
  }
  const tripping = readings.filter((r) => trips(stop, r.value)).length;
  const counted = `${tripping} of ${readings.length} readings of ${metric.name} in the last ${window} ${tripping === 1 ? 'is' : 'are'} ${threshold}`;
  const sustained = tripping > 0 ? ', not sustained for the whole window' : '';
  const latestText = `latest ${value(readings.at(-1)!)} at ${clockTime(readings.at(-1)!.at)}${from}`;
  if (stale) {
    const missing = `a reading of ${metric.name} newer than ${formatWindow(metric.staleAfterMinutes)}; the newest is ${formatDuration(ageMs!)} old`;
    return {
      ...seen,
      status: 'inconclusive',
      missing,
      reason: `STALE: ${counted}${sustained}, but the data is old: needs ${missing}. Holds until fresh readings arrive.`,
    };
  }
  return {
    ...seen,
    status: 'continue',
    reason: `Continue: ${counted}${sustained} (${latestText}).`,
  };
}

/** The verdict of every gate of a wave, in the order the wave lists them; unknown ids are named. */
export function gatesOf(wb: Workbook, wave: Wave, now: number): GateVerdict[] {
  const out: GateVerdict[] = [];
  for (const id of wave.gates) {
    const stop = wb.success.stopConditions.find((s) => s.id === id);
    if (stop) out.push(evaluateGate(wb, wave, stop, now));
  }
  return out;
}

/** Gates listed by a wave whose stop condition no longer exists (deleted since). */
export function missingGates(wb: Workbook, wave: Wave): string[] {
  return wave.gates.filter((id) => !wb.success.stopConditions.some((s) => s.id === id));
}

/** "Sales API 5xx rate: 3.4% at 14:15:00" for lists of breaches. */
export function describeGate(g: GateVerdict, metric: Metric | undefined): string {
  const latest = g.latest
    ? `${withUnit(g.latest.value, metric?.unit ?? g.stop.unit)} at ${clockTime(g.latest.at)}`
    : 'no readings';
  return `${g.metricName}: ${latest} (${describeValue(g.status)})`;
}
