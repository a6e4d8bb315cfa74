import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breachFlags, gateChart, waveBoundaries, waveCharts } from '../../../shared/areas/waves/chart-data';
import { evaluateGate } from '../../../shared/areas/waves/gates';
import type { Workbook } from '../../../shared/schema/workbook';
import { at, HOUR, MIN, Rollout, T0 } from './waves-fixture';

// What a gate's chart shows: which readings are breach points (inside and outside the window),
// the wave's milestones, one wave's readings only, and nothing made up when there is no data.
// The breach rule is gates.ts's; the property at the end holds the chart to it.

const wave = (wb: Workbook, id: string) => wb.waves.waves.find((w) => w.id === id)!;
const errorsChart = (wb: Workbook, waveId: string, nowMs: number) =>
  waveCharts(wb, wave(wb, waveId), T0 + nowMs).find((c) => c.stopConditionId === 'sc-errors')!;
const breachIds = (c: ReturnType<typeof errorsChart>) => c.readings.filter((r) => r.breach).map((r) => r.y);

/** Wave 1 live at 0, and error-rate readings (minutes after T0, value) in it. */
function liveWith(points: [number, number][]): Rollout {
  const r = new Rollout();
  r.move(0, 'w1', 'live');
  r.read(
    'w1',
    'm-errors',
    points.map(([m, v]) => [m * MIN, v]),
  );
  return r;
}

describe('breach points', () => {
  it('marks the readings of a window in which every reading trips: the ones making the gate trip now', () => {
    // Error rate > 1% for 60 min: calm, then three readings over the line in the last hour.
    const r = liveWith([
      [10, 0.4],
      [50, 0.5],
      [130, 1.6],
      [150, 1.8],
      [170, 2.2],
    ]);
    const c = errorsChart(r.wb, 'w1', 175 * MIN);
    expect(c.verdict.breached).toBe(true);
    expect(breachIds(c)).toEqual([1.6, 1.8, 2.2]);
    expect(c.breaches).toBe(3);
    expect(c.readings.map((x) => x.over)).toEqual([false, false, true, true, true]);
    // The window drawn is the one the gate judges now.
    expect(c.window).toEqual({ from: T0 + 115 * MIN, to: T0 + 175 * MIN });
    expect(c.summary).toContain('3 are breach points');
  });

  it('a reading over the line outside any tripped window is over the threshold, not a breach point', () => {
    // 1.5 at 20 min is alone over the line: the window around it always holds a calm reading.
    const r = liveWith([
      [10, 0.4],
      [20, 1.5],
      [40, 0.6],
      [100, 0.5],
      [140, 0.7],
    ]);
    const c = errorsChart(r.wb, 'w1', 150 * MIN);
    expect(c.verdict.breached).toBe(false);
    expect(c.readings.find((x) => x.y === 1.5)).toMatchObject({ over: true, breach: false });
    expect(c.breaches).toBe(0);
    expect(c.summary).toContain('1 is > 1%, never sustained for the whole window');
  });

  it('keeps a breach that happened earlier in the wave, after the window has moved on', () => {
    // Tripped for an hour around 60-100 min, then recovered: the gate passes now, the history stays.
    const r = liveWith([
      [60, 1.4],
      [80, 1.9],
      [100, 1.2],
      [170, 0.5],
      [190, 0.4],
    ]);
    const c = errorsChart(r.wb, 'w1', 200 * MIN);
    expect(c.verdict.breached).toBe(false);
    expect(breachIds(c)).toEqual([1.4, 1.9, 1.2]);
  });

  it('counts a window that trips once a calm reading has left it, between readings', () => {
    // At 70 min the window (10, 70] still holds the calm 0.5 at 30; it leaves at 90, and from then
    // on 1.7 and 1.8 trip the gate on their own, with no new reading.
    const r = liveWith([
      [30, 0.5],
      [50, 1.7],
      [70, 1.8],
    ]);
    expect(breachIds(errorsChart(r.wb, 'w1', 80 * MIN))).toEqual([]);
    const later = errorsChart(r.wb, 'w1', 95 * MIN);
    expect(later.verdict.breached).toBe(true);
    expect(breachIds(later)).toEqual([1.7, 1.8]);
  });

  it('needs at least two readings: one reading over the line is not a breach', () => {
    const r = liveWith([[30, 5]]);
    const c = errorsChart(r.wb, 'w1', 40 * MIN);
    expect(c.readings[0]).toMatchObject({ over: true, breach: false });
    expect(c.verdict.status).toBe('inconclusive');
  });
});

describe('wave boundaries', () => {
  it('shows when the wave went live, when its hold ends, and how it ended', () => {
    const r = liveWith([
      [30, 0.4],
      [60, 0.3],
    ]);
    r.read('w1', 'm-support', [
      [24 * HOUR - 20 * MIN, 2],
      [24 * HOUR - 10 * MIN, 3],
    ]);
    r.read('w1', 'm-errors', [
      [24 * HOUR - 20 * MIN, 0.4],
      [24 * HOUR - 10 * MIN, 0.5],
    ]);
    r.move(24 * HOUR, 'w1', 'promoted');
    const w1 = wave(r.wb, 'w1');
    expect(waveBoundaries(w1).map((b) => [b.kind, b.x - T0])).toEqual([
      ['start', 0],
      ['hold-end', 24 * HOUR],
      ['promoted', 24 * HOUR],
    ]);
    // A finished wave is drawn as it ended: no live window, the span is its life.
    const c = errorsChart(r.wb, 'w1', 30 * HOUR);
    expect(c.window).toBeNull();
    expect(c.range).toEqual({ min: T0, max: T0 + 24 * HOUR });
  });

  it('a rolled-back wave planned and started again has both runs', () => {
    const r = new Rollout();
    r.move(0, 'w1', 'live');
    r.move(2 * HOUR, 'w1', 'rolled-back');
    r.move(3 * HOUR, 'w1', 'planned');
    r.move(4 * HOUR, 'w1', 'live');
    // The first run ended before its hold did, so only the second run's hold end is drawn.
    expect(waveBoundaries(wave(r.wb, 'w1')).map((b) => [b.label, (b.x - T0) / HOUR])).toEqual([
      ['Went live', 0],
      ['Rolled back', 2],
      ['Went live', 4],
      ['Hold ends', 28],
    ]);
  });

  it('judges a finished wave up to its end, so its breach stays marked', () => {
    const r = liveWith([
      [100, 1.5],
      [110, 1.8],
      [120, 2.5],
    ]);
    r.move(125 * MIN, 'w1', 'rolled-back');
    // Days later the gate's window holds nothing, but the chart still shows why it was rolled back.
    const c = errorsChart(r.wb, 'w1', 72 * HOUR);
    expect(breachIds(c)).toEqual([1.5, 1.8, 2.5]);
    expect(c.boundaries.map((b) => b.kind)).toContain('rolled-back');
  });
});

describe('several waves, and no data', () => {
  it("a wave's chart holds its own readings only, and its own milestones", () => {
    const r = liveWith([
      [30, 0.4],
      [40, 0.3],
    ]);
    r.read('w1', 'm-support', [
      [24 * HOUR, 1],
      [24 * HOUR + MIN, 1],
    ]);
    r.read('w1', 'm-errors', [
      [24 * HOUR, 0.2],
      [24 * HOUR + MIN, 0.2],
    ]);
    r.move(24 * HOUR + 2 * MIN, 'w1', 'promoted');
    r.move(25 * HOUR, 'w2', 'live');
    r.read('w2', 'm-errors', [
      [25 * HOUR + 10 * MIN, 1.2],
      [25 * HOUR + 20 * MIN, 1.3],
    ]);
    const c1 = errorsChart(r.wb, 'w1', 26 * HOUR);
    const c2 = errorsChart(r.wb, 'w2', 26 * HOUR);
    expect(c1.readings.map((x) => x.y)).toEqual([0.4, 0.3, 0.2, 0.2]);
    expect(c1.breaches).toBe(0);
    expect(c2.readings.map((x) => x.y)).toEqual([1.2, 1.3]);
    expect(c2.breaches).toBe(2);
    expect(c2.boundaries.map((b) => [b.kind, b.x - T0])).toEqual([
      ['start', 25 * HOUR],
      ['hold-end', 49 * HOUR],
    ]);
    // The live wave's span runs to now; its hold end, a day away, does not stretch it.
    expect(c2.range).toEqual({ min: T0 + 25 * HOUR, max: T0 + 26 * HOUR });
  });

  it('a live wave with no readings draws its threshold over an empty span and says so', () => {
    const r = new Rollout();
    r.move(0, 'w1', 'live');
    const c = errorsChart(r.wb, 'w1', 30 * MIN);
    expect(c.readings).toEqual([]);
    expect(c.breaches).toBe(0);
    expect(c.threshold).toBe(1);
    expect(c.limit).toBe('> 1%');
    expect(c.range).toEqual({ min: T0, max: T0 + 30 * MIN });
    expect(c.summary).toBe('Error rate in Wave 1: 5%: no readings yet. Stop condition: > 1% for 1 h.');
  });

  it('a planned wave has no readings, no milestones and a span around now', () => {
    const r = new Rollout();
    const c = errorsChart(r.wb, 'w3', 0);
    expect(c.readings).toEqual([]);
    expect(c.boundaries).toEqual([]);
    expect(c.window).toBeNull();
    expect(c.range.max).toBeGreaterThan(c.range.min);
  });

  it('a gate whose stop condition is linked to no metric has no readings to draw', () => {
    const r = liveWith([
      [10, 3],
      [20, 3],
    ]);
    const wb = r.wb;
    const unlinked = {
      ...wb,
      success: {
        ...wb.success,
        stopConditions: wb.success.stopConditions.map((s) =>
          s.id === 'sc-errors' ? { ...s, metricId: '' } : s,
        ),
      },
    };
    const c = errorsChart(unlinked, 'w1', 30 * MIN);
    expect(c.metricId).toBeNull();
    expect(c.readings).toEqual([]);
  });
});

describe('the same rule as gates.ts', () => {
  it('a reading is a breach point exactly when, at some moment of the wave, evaluateGate trips with it in the window', () => {
    const offsets = fc.uniqueArray(fc.integer({ min: 1, max: 300 }), { minLength: 0, maxLength: 14 });
    fc.assert(
      fc.property(
        offsets,
        fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 400 }),
        (mins, high, windowMinutes, nowMin) => {
          const r = new Rollout();
          r.move(0, 'w1', 'live');
          r.read(
            'w1',
            'm-errors',
            mins.map((m, i) => [m * MIN, high[i] ? 1.5 : 0.5]),
          );
          const wb = {
            ...r.wb,
            success: {
              ...r.wb.success,
              stopConditions: r.wb.success.stopConditions.map((s) => ({ ...s, windowMinutes })),
            },
          };
          const w1 = wave(wb, 'w1');
          const stop = wb.success.stopConditions.find((s) => s.id === 'sc-errors')!;
          const now = T0 + nowMin * MIN;
          // The oracle: evaluateGate at every whole minute up to now (readings and window edges
          // are whole minutes here, so no moment of change is missed).
          const expected = new Set<string>();
          for (let t = 0; t <= nowMin; t++) {
            const g = evaluateGate(wb, w1, stop, T0 + t * MIN);
            if (g.breached) for (const x of g.readings) expected.add(x.id);
          }
          const c = gateChart(wb, w1, evaluateGate(wb, w1, stop, now), now);
          expect(new Set(c.readings.filter((x) => x.breach).map((x) => x.id))).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('breachFlags on its own: windows are open at the start and closed at the end, like the gate', () => {
    // Window 15 min: at 15 the window is (0, 15], so the calm reading at 0 has left it and the
    // one at 10 is alone; at 20 the readings at 10 and 20 trip it together.
    const t = [0, 10, 20].map((m) => T0 + m * MIN);
    expect(breachFlags(t, [false, true, true], 15, T0 + 20 * MIN)).toEqual([false, true, true]);
    expect(breachFlags(t, [false, true, true], 15, T0 + 19 * MIN)).toEqual([false, false, false]);
    // A reading exactly one window old has left it: 10 and 25 are never in one window of 15 min.
    const apart = [10, 25].map((m) => T0 + m * MIN);
    expect(breachFlags(apart, [true, true], 15, T0 + 60 * MIN)).toEqual([false, false]);
    expect(breachFlags([], [], 10, T0)).toEqual([]);
  });

  it('reads `at` as the time of a reading', () => {
    const r = liveWith([[5, 0.1]]);
    expect(errorsChart(r.wb, 'w1', 10 * MIN).readings[0]!.at).toBe(at(5 * MIN));
  });

  it('kept flags are the ones worked out afresh, whatever moments the chart is drawn at', () => {
    // A running wave is drawn every second; past its newest reading's window the flags are kept.
    // Drawn at any moments, in any order, they must equal a fresh computation on a thawed copy.
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 180 }), fc.constantFrom(0.4, 1.6, 2.2)), {
          maxLength: 25,
          selector: ([minute]) => minute,
        }),
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 8 }),
        (points, moments) => {
          const r = liveWith(points.sort((a, b) => a[0] - b[0]));
          const kept = r.wb;
          const fresh = () => structuredClone(kept) as Workbook;
          expect(Object.isFrozen(kept.waves.readings)).toBe(true);
          // Every 5 minutes, as a running wave is drawn, then at the random moments.
          const every5 = Array.from({ length: 61 }, (_, k) => k * 5);
          for (const m of [...every5, ...moments]) {
            const ours = errorsChart(kept, 'w1', m * MIN);
            const plain = errorsChart(fresh(), 'w1', m * MIN);
            expect(ours.readings).toEqual(plain.readings);
            expect(ours.breaches).toBe(plain.breaches);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a chart drawn again with the same flags hands back the same readings, so nothing is redrawn', () => {
    const r = liveWith([
      [130, 1.6],
      [150, 1.8],
      [170, 2.2],
    ]);
    const late = errorsChart(r.wb, 'w1', 400 * MIN);
    expect(errorsChart(r.wb, 'w1', 401 * MIN).readings).toBe(late.readings);
    // Inside the window the flags are worked out again: the same flags give the same list...
    expect(errorsChart(r.wb, 'w1', 175 * MIN).readings).toBe(late.readings);
    // ...and other flags (at 155 min the reading at 170 is still to come) a new one.
    const early = errorsChart(r.wb, 'w1', 155 * MIN);
    expect(early.readings).not.toBe(late.readings);
    expect(early.readings.map((x) => x.breach)).toEqual([true, true, false]);
  });
});
