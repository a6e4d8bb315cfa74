import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verdictFor } from '../../../shared/areas/scorecard/verdict';
import { evaluateGate, MIN_READINGS } from '../../../shared/areas/waves/gates';
import { blockersFor, decideWave } from '../../../shared/areas/waves/moves';
import { CommandSchema } from '../../../shared/domain/commands';
import { DomainError } from '../../../shared/domain/errors';
import type { Workbook } from '../../../shared/schema/workbook';
import { at, HOUR, MIN, Rollout, seedWorkbook, T0 } from './waves-fixture';

// The gate and verdict rules against cases worked out by hand, then as properties.

const gate = (wb: Workbook, waveId: string, stopId: string, nowMs: number) =>
  evaluateGate(
    wb,
    wb.waves.waves.find((w) => w.id === waveId)!,
    wb.success.stopConditions.find((s) => s.id === stopId)!,
    T0 + nowMs,
  );
const wave = (wb: Workbook, id: string) => wb.waves.waves.find((w) => w.id === id)!;
/** Readings every 10 minutes for the hour before `end`. */
const lastHour = (end: number, value: (i: number) => number): [number, number][] =>
  Array.from({ length: 6 }, (_, i) => [end - 50 * MIN + i * 10 * MIN, value(i)]);

describe('the seed example: 5% held 24 h, then 25%, then 100% while errors and support hold', () => {
  it('walks the rollout, refusing each promotion that comes too early or against a gate', () => {
    const r = new Rollout();
    r.move(0, 'w1', 'live');
    expect(wave(r.wb, 'w1')).toMatchObject({ state: 'live', startedAt: at(0) });
    // Wave 2 cannot start while wave 1 is not promoted.
    expect(() => r.move(HOUR, 'w2', 'live')).toThrow(/Wave 1: 5% comes first and is live, not promoted/);

    // Calm signals all day; at 23 h the hold is not over.
    r.read(
      'w1',
      'm-errors',
      lastHour(23 * HOUR, () => 0.4),
    );
    r.read(
      'w1',
      'm-support',
      lastHour(23 * HOUR, () => 3),
    );
    expect(decideWave(r.wb, wave(r.wb, 'w1'), T0 + 23 * HOUR).action).toBe('hold');
    expect(() => r.move(23 * HOUR, 'w1', 'promoted')).toThrow(/The 24 h hold ends at .* \(in 1 h\)/);

    // At 24 h, with fresh calm readings, both gates pass: promote.
    r.read(
      'w1',
      'm-errors',
      lastHour(24 * HOUR, () => 0.5),
    );
    r.read(
      'w1',
      'm-support',
      lastHour(24 * HOUR, () => 4),
    );
    const decision = decideWave(r.wb, wave(r.wb, 'w1'), T0 + 24 * HOUR);
    expect(decision.action).toBe('promote');
    expect(decision.gates.map((g) => g.status)).toEqual(['continue', 'continue']);
    r.move(24 * HOUR, 'w1', 'promoted');
    r.move(24 * HOUR + MIN, 'w2', 'live');

    // In wave 2 errors climb over 1% for the whole hour: roll back, and no promotion.
    const start = 24 * HOUR + MIN;
    r.read(
      'w2',
      'm-errors',
      lastHour(start + 49 * HOUR, (i) => 1.2 + i / 10),
    );
    r.read(
      'w2',
      'm-support',
      lastHour(start + 49 * HOUR, () => 5),
    );
    const now = start + 49 * HOUR;
    const errors = gate(r.wb, 'w2', 'sc-errors', now);
    expect(errors).toMatchObject({ status: 'rollback', breached: true, stale: false });
    expect(errors.readings.map((x) => x.value)).toEqual([1.2, 1.3, 1.4, 1.5, 1.6, 1.7]);
    expect(errors.reason).toMatch(
      /^Roll back: all 6 readings of Error rate in the last 1 h are > 1% \(latest 1\.7% at \d\d:\d\d:\d\d, lowest 1\.2%; source .*\)\. Called by Incident commander\.$/,
    );
    expect(decideWave(r.wb, wave(r.wb, 'w2'), T0 + now).action).toBe('roll back');
    expect(() => r.move(now, 'w2', 'promoted')).toThrow(
      /cannot be promoted now\. Gate Error rate: Roll back/,
    );
    expect(verdictFor(r.wb, wave(r.wb, 'w2'), T0 + now).call).toBe('NO-GO');
    // Wave 3 never starts while wave 2 is not promoted.
    expect(blockersFor(r.wb, wave(r.wb, 'w3'), 'live', T0 + now)).toEqual([
      'Wave 2: 25% comes first and is live, not promoted.',
    ]);
    r.move(now + MIN, 'w2', 'rolled-back');
    expect(wave(r.wb, 'w2').moves.map((m) => `${m.from}→${m.to} by ${m.by}`)).toEqual([
      'planned→live by Amara Okafor',
      'live→rolled-back by Amara Okafor',
    ]);
  });

  it('lets a promotion through the rules only with a signed override, and records it', () => {
    const r = new Rollout();
    r.move(0, 'w1', 'live');
    expect(() => r.move(HOUR, 'w1', 'promoted')).toThrow(DomainError);
    r.move(HOUR, 'w1', 'promoted', 'Security fix: the CAB accepted the risk of a short hold.');
    expect(wave(r.wb, 'w1').moves.at(-1)).toMatchObject({
      to: 'promoted',
      by: 'Amara Okafor',
      override: 'Security fix: the CAB accepted the risk of a short hold.',
    });
    expect(r.log.at(-1)?.summary).toMatch(/\(override: Security fix/);
  });
});

describe('gates', () => {
  const live = () => {
    const r = new Rollout();
    r.move(0, 'w1', 'live');
    return r;
  };

  it('counts only readings inside the window: a breach that ended is not a breach now', () => {
    const r = live();
    // Over the limit 2 h ago, calm in the last hour.
    r.read('w1', 'm-errors', [
      [HOUR, 5],
      [HOUR + 10 * MIN, 6],
      [2 * HOUR + 20 * MIN, 0.3],
      [2 * HOUR + 40 * MIN, 0.4],
    ]);
    expect(gate(r.wb, 'w1', 'sc-errors', HOUR + 20 * MIN)).toMatchObject({
      status: 'rollback',
      breached: true,
    });
    expect(gate(r.wb, 'w1', 'sc-errors', 3 * HOUR)).toMatchObject({ status: 'continue', breached: false });
  });

  it('is inconclusive, naming what is missing, with no readings or too few', () => {
    const r = live();
    const none = gate(r.wb, 'w1', 'sc-errors', HOUR);
    expect(none).toMatchObject({ status: 'inconclusive', readings: [] });
    expect(none.reason).toBe(
      `Inconclusive: needs at least ${MIN_READINGS} readings of Error rate in the last 1 h; has none yet. Holds until there are enough.`,
    );
    r.read('w1', 'm-errors', [[50 * MIN, 9]]);
    const one = gate(r.wb, 'w1', 'sc-errors', HOUR);
    expect(one.status).toBe('inconclusive');
    expect(one.missing).toMatch(
      /^at least 2 readings of Error rate in the last 1 h; has 1 \(9% at \d\d:\d\d:\d\d\)$/,
    );
    // A single bad reading is not a sustained breach.
    expect(one.breached).toBe(false);
  });

  it('says when a breach is not sustained for the whole window', () => {
    const r = live();
    r.read(
      'w1',
      'm-errors',
      lastHour(2 * HOUR, (i) => (i % 2 ? 1.5 : 0.5)),
    );
    const g = gate(r.wb, 'w1', 'sc-errors', 2 * HOUR);
    expect(g.status).toBe('continue');
    expect(g.reason).toMatch(
      /^Continue: 3 of 6 readings of Error rate in the last 1 h are > 1%, not sustained for the whole window/,
    );
  });

  it('turns STALE when the newest reading is older than the metric allows, and then holds', () => {
    const r = live();
    r.read(
      'w1',
      'm-errors',
      lastHour(2 * HOUR, () => 0.2),
    );
    expect(gate(r.wb, 'w1', 'sc-errors', 2 * HOUR + 20 * MIN)).toMatchObject({
      status: 'continue',
      stale: false,
    });
    const stale = gate(r.wb, 'w1', 'sc-errors', 2 * HOUR + 35 * MIN);
    expect(stale).toMatchObject({ status: 'inconclusive', stale: true, ageMs: 35 * MIN });
    expect(stale.reason).toMatch(
      /^STALE: .* needs a reading of Error rate newer than 30 min; the newest is 35 min old/,
    );
    expect(decideWave(r.wb, wave(r.wb, 'w1'), T0 + 2 * HOUR + 35 * MIN).action).toBe('hold');
  });

  it('is inconclusive for a stop condition not linked to any metric', () => {
    const wb = seedWorkbook();
    wb.success.stopConditions[0]!.metricId = '';
    const r = new Rollout(wb);
    r.move(0, 'w1', 'live');
    expect(gate(r.wb, 'w1', 'sc-errors', HOUR).reason).toBe(
      "Inconclusive: stop condition 'Error rate' is not linked to a watched metric, so no readings can be matched to it. Holds until it is linked.",
    );
  });
});

describe('readings', () => {
  const live = () => {
    const r = new Rollout();
    r.move(0, 'w1', 'live');
    return r;
  };
  const add = (r: Rollout, atMs: number, value: unknown, extra: Record<string, unknown> = {}) =>
    r.run(atMs + MIN, {
      type: 'wave.reading-add',
      id: `x-${atMs}-${String(value)}`,
      waveId: 'w1',
      metricId: 'm-errors',
      at: at(atMs),
      value: value as number,
      source: '',
      ...extra,
    } as never);

  it('refuses a time outside the wave, a duplicate, an unknown metric and a wave not yet live', () => {
    const r = live();
    expect(() => add(r, -MIN, 1)).toThrow(/is before Wave 1: 5% went live/);
    expect(() =>
      r.run(HOUR, {
        type: 'wave.reading-add',
        id: 'f',
        waveId: 'w1',
        metricId: 'm-errors',
        at: at(HOUR + 10 * MIN),
        value: 1,
        source: '',
      }),
    ).toThrow(/is in the future/);
    add(r, 10 * MIN, 0.5);
    expect(() => add(r, 10 * MIN, 0.7, { id: 'other' })).toThrow(
      /Error rate already has a reading at .* in Wave 1: 5% \(0\.5%, by Amara Okafor\)/,
    );
    expect(() => add(r, 20 * MIN, 1, { metricId: 'm-nope' })).toThrow('No metric with id "m-nope"');
    expect(() => add(r, 20 * MIN, 1, { waveId: 'w2' })).toThrow(
      'Wave 2: 25% has not gone live, so it has no readings yet.',
    );
    expect(r.wb.waves.readings).toHaveLength(1);
    expect(r.wb.waves.readings[0]).toMatchObject({ by: 'Amara Okafor', role: 'Rollout owner', value: 0.5 });
  });
});

describe('the scorecard verdict', () => {
  function scored(statuses: ('green' | 'amber' | 'red')[]) {
    const r = new Rollout();
    r.wb.scorecard.items.forEach((item, i) => {
      r.run(0, {
        type: 'scorecard.assess',
        id: `a-${item.id}`,
        waveId: 'w1',
        itemId: item.id,
        status: statuses[i] ?? 'green',
        evidence: '',
        reason: 'Checked at the stand-up',
        baseRevision: 0,
      });
    });
    return r;
  }

  it('says GO with every check green, and GO naming the one check that is not', () => {
    expect(verdictFor(scored([]).wb, wave(scored([]).wb, 'w1'), T0 + HOUR)).toMatchObject({ call: 'GO' });
    const one = scored(['green', 'green', 'amber']);
    const v = verdictFor(one.wb, wave(one.wb, 'w1'), T0 + HOUR);
    expect(v.call).toBe('GO');
    expect(v.reasons).toEqual([
      'GO, with one check not green: Pilot feedback addressed and re-tested (amber).',
    ]);
  });

  it('says NO-GO with exactly two checks not green, naming both', () => {
    const two = scored(['green', 'red', 'amber']);
    const v = verdictFor(two.wb, wave(two.wb, 'w1'), T0 + HOUR);
    expect(v.call).toBe('NO-GO');
    expect(v.reasons).toEqual([
      'NO-GO: 2 checks are not green: Baseline configuration and change controls documented (red); Pilot feedback addressed and re-tested (amber).',
    ]);
  });

  it('says HOLD while a gate of the live wave is inconclusive, and never GO', () => {
    const r = scored([]);
    r.move(HOUR, 'w1', 'live');
    const v = verdictFor(r.wb, wave(r.wb, 'w1'), T0 + 2 * HOUR);
    expect(v.call).toBe('HOLD');
    expect(v.holds).toHaveLength(2);
  });

  it('requires a reason to change a status (the contract refuses the command before the reducer)', () => {
    const parsed = CommandSchema.safeParse({
      type: 'scorecard.assess',
      id: 'a',
      waveId: 'w1',
      itemId: 'go-pilot',
      status: 'red',
      evidence: '',
      reason: '  ',
      baseRevision: 0,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['reason', 'Reason is required'],
    ]);
  });
});

describe('properties', () => {
  const points = fc.array(
    fc.tuple(fc.integer({ min: 1, max: 119 }), fc.double({ min: -50, max: 50, noNaN: true })),
    {
      maxLength: 12,
    },
  );

  it('adding a reading that satisfies every threshold never turns a passing gate into a failing one', () => {
    fc.assert(
      fc.property(
        points,
        fc.integer({ min: 1, max: 119 }),
        fc.double({ min: -50, max: 1, noNaN: true }),
        (ps, t, good) => {
          const r = new Rollout();
          r.move(0, 'w1', 'live');
          const used = new Set<number>();
          r.read(
            'w1',
            'm-errors',
            ps.filter(([m]) => !used.has(m) && used.add(m)).map(([m, v]) => [m * MIN, v]),
          );
          fc.pre(!used.has(t));
          const now = 120 * MIN;
          const before = gate(r.wb, 'w1', 'sc-errors', now);
          fc.pre(before.status === 'continue');
          r.read('w1', 'm-errors', [[t * MIN, good]]);
          expect(gate(r.wb, 'w1', 'sc-errors', now).status).toBe('continue');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the verdict never says GO while a stop condition is breached', () => {
    // Biased towards what makes the rule matter: high readings (breaches) and green checks.
    const high = fc.array(
      fc.tuple(
        fc.integer({ min: 1, max: 119 }),
        fc.oneof(
          { arbitrary: fc.double({ min: 10.5, max: 50, noNaN: true }), weight: 3 },
          fc.double({ min: -50, max: 50, noNaN: true }),
        ),
      ),
      { maxLength: 12 },
    );
    const status = fc.oneof(
      { arbitrary: fc.constant('green' as const), weight: 8 },
      fc.constant('amber' as const),
      fc.constant('red' as const),
    );
    fc.assert(
      fc.property(
        high,
        high,
        fc.array(status, { minLength: 7, maxLength: 7 }),
        (errors, support, statuses) => {
          const r = new Rollout();
          statuses.forEach((status, i) => {
            const item = r.wb.scorecard.items[i]!;
            r.run(0, {
              type: 'scorecard.assess',
              id: `a${i}`,
              waveId: 'w1',
              itemId: item.id,
              status,
              evidence: '',
              reason: 'r',
              baseRevision: 0,
            });
          });
          r.move(0, 'w1', 'live');
          const dedupe = (ps: [number, number][]) =>
            [...new Map(ps.map(([m, v]) => [m, v])).entries()].map(
              ([m, v]) => [m * MIN, v] as [number, number],
            );
          r.read('w1', 'm-errors', dedupe(errors));
          r.read('w1', 'm-support', dedupe(support));
          const v = verdictFor(r.wb, wave(r.wb, 'w1'), T0 + 120 * MIN);
          if (v.breaches.length > 0 || v.gates.some((g) => g.breached)) expect(v.call).toBe('NO-GO');
          if (v.call === 'GO') expect(v.gates.every((g) => g.status === 'continue')).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
