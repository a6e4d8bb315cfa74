import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JumpDetector } from '../../../shared/areas/runbooks/clock-jump';
import type { Timer } from '../../../shared/areas/runbooks/schema';
import {
  applyTimer,
  clock,
  elapsed,
  isDue,
  newTimer,
  overdue,
  remaining,
  shiftDeadline,
  type TimerAction,
  timerText,
} from '../../../shared/areas/runbooks/timers';
import { newestInstant, shiftInstants } from '../../../shared/domain/timeshift';

// Timer arithmetic with a fake clock: numbers are worked by hand. A timer is a deadline while
// running and an elapsed time while paused, so "now" is all that moves.

const T0 = Date.parse('2026-11-24T10:00:00.000Z');
const MIN = 60_000;
const five = () => newTimer({ id: 't1', label: 'Roll back wave 2', purpose: 'step', durationMs: 5 * MIN });

describe('timer arithmetic', () => {
  it('counts down from a deadline, pauses on the elapsed time, resumes with the same time left', () => {
    let t = applyTimer(five(), { action: 'start' }, T0);
    expect(t.deadline).toBe(T0 + 5 * MIN);
    expect(remaining(t, T0 + 2 * MIN)).toBe(3 * MIN);
    t = applyTimer(t, { action: 'pause' }, T0 + 2 * MIN);
    expect(t).toMatchObject({ state: 'paused', deadline: null, elapsedAtPause: 2 * MIN });
    // Ten minutes paused change nothing.
    expect(remaining(t, T0 + 12 * MIN)).toBe(3 * MIN);
    t = applyTimer(t, { action: 'resume' }, T0 + 12 * MIN);
    expect(t.deadline).toBe(T0 + 15 * MIN);
    expect(remaining(t, T0 + 14 * MIN)).toBe(1 * MIN);
  });

  it('extends a running timer and a paused one; an expired one extended past now may alert again', () => {
    let t = applyTimer(five(), { action: 'start' }, T0);
    t = applyTimer(t, { action: 'extend', ms: 2 * MIN }, T0 + MIN);
    expect(t.deadline).toBe(T0 + 7 * MIN);
    expect(remaining(t, T0 + MIN)).toBe(6 * MIN);
    t = { ...t, firedAt: T0 + 7 * MIN };
    expect(overdue(t, T0 + 8 * MIN)).toBe(MIN);
    expect(timerText(t, T0 + 8 * MIN)).toBe('overdue by 01:00');
    const longer = applyTimer(t, { action: 'extend', ms: 5 * MIN }, T0 + 8 * MIN);
    expect(remaining(longer, T0 + 8 * MIN)).toBe(4 * MIN);
    expect(longer.firedAt).toBeNull();
    // Extended but still past its deadline: it already alerted for this expiry, so not again.
    const short = applyTimer(t, { action: 'extend', ms: 30_000 }, T0 + 8 * MIN);
    expect(short.firedAt).toBe(T0 + 7 * MIN);
    const paused = applyTimer(applyTimer(five(), { action: 'start' }, T0), { action: 'pause' }, T0 + MIN);
    expect(remaining(applyTimer(paused, { action: 'extend', ms: MIN }, T0 + 9 * MIN), T0 + 99 * MIN)).toBe(
      5 * MIN,
    );
  });

  it('refuses a zero or negative extension and a pause of a timer that is not running, saying why', () => {
    const t = applyTimer(five(), { action: 'start' }, T0);
    expect(() => applyTimer(t, { action: 'extend', ms: 0 }, T0)).toThrow(
      'An extension must be a positive number of minutes',
    );
    expect(() => applyTimer(t, { action: 'extend', ms: -MIN }, T0)).toThrow(/positive/);
    expect(() => applyTimer(five(), { action: 'pause' }, T0)).toThrow('Roll back wave 2 is not running');
    expect(() => applyTimer(t, { action: 'start' }, T0)).toThrow(/already running/);
  });

  it('is due once: running, past its deadline, not yet fired', () => {
    const t = applyTimer(five(), { action: 'start' }, T0);
    expect(isDue(t, T0 + 5 * MIN - 1)).toBe(false);
    expect(isDue(t, T0 + 5 * MIN)).toBe(true);
    expect(isDue({ ...t, firedAt: T0 + 5 * MIN }, T0 + 6 * MIN)).toBe(false);
    expect(isDue(applyTimer(t, { action: 'pause' }, T0 + MIN), T0 + 60 * MIN)).toBe(false);
  });

  it('resets to its full duration and reads like a clock', () => {
    const t = applyTimer(applyTimer(five(), { action: 'start' }, T0), { action: 'reset' }, T0 + 3 * MIN);
    expect(remaining(t, T0 + 50 * MIN)).toBe(5 * MIN);
    expect(timerText(t, T0)).toBe('05:00, not started');
    expect(clock(7 * MIN + 42_000)).toBe('07:42');
    expect(clock(3_725_000)).toBe('1:02:05');
    expect(clock(999)).toBe('00:01');
  });
});

describe('wall-clock jumps', () => {
  it('detects a ±1 h jump from the wall clock against the monotonic one, and ignores noise and sleep', () => {
    const d = new JumpDetector();
    expect(d.sample({ wall: T0, mono: 1000 })).toBe(0);
    expect(d.sample({ wall: T0 + 1000, mono: 2000 })).toBe(0);
    expect(d.sample({ wall: T0 + 2500, mono: 3000 })).toBe(0); // 500 ms of scheduling noise
    expect(d.sample({ wall: T0 + 3_600_000 + 3500, mono: 4000 })).toBe(3_600_000 - 500 + 500);
    expect(d.sample({ wall: T0 + 4500, mono: 5000 })).toBe(-3_600_000);
    // Asleep for 20 minutes: the monotonic clock stopped, but that time really passed.
    expect(d.sample({ wall: T0 + 20 * MIN + 5500, mono: 6000 }, true)).toBe(0);
  });

  it('against a boot clock (counts through sleep), finds ±1 h jumps and treats sleep as time passing, unannounced', () => {
    const d = new JumpDetector();
    expect(d.sample({ wall: T0, mono: 1000, boot: 50_000 })).toBe(0);
    expect(d.sample({ wall: T0 + 1000, mono: 2000, boot: 51_000 })).toBe(0);
    expect(d.sample({ wall: T0 + 3_600_000 + 2000, mono: 3000, boot: 52_000 })).toBe(3_600_000);
    expect(d.sample({ wall: T0 + 3000, mono: 4000, boot: 53_000 })).toBe(-3_600_000);
    // Asleep for 20 minutes, nobody said so: the monotonic clock stopped, the boot clock did not.
    expect(d.sample({ wall: T0 + 20 * MIN + 4000, mono: 5000, boot: 20 * MIN + 54_000 })).toBe(0);
    // Asleep, and the clock was also set an hour back meanwhile: only the hour is a jump.
    expect(d.sample({ wall: T0 + 30 * MIN + 5000 - 3_600_000, mono: 6000, boot: 30 * MIN + 55_000 })).toBe(
      -3_600_000,
    );
  });

  it('keeps the remaining time of a running timer right when its deadline moves with the jump', () => {
    const t = applyTimer(five(), { action: 'start' }, T0);
    // Two minutes later (true time), someone sets the clock forward an hour.
    const wallNow = T0 + 2 * MIN + 3_600_000;
    expect(remaining(t, wallNow)).toBe(0); // without the shift, the timer would have "expired"
    expect(remaining(shiftDeadline(t, 3_600_000), wallNow)).toBe(3 * MIN);
    // And back an hour: it must not gain an hour either.
    expect(remaining(shiftDeadline(t, -3_600_000), T0 + 2 * MIN - 3_600_000)).toBe(3 * MIN);
    const paused = applyTimer(t, { action: 'pause' }, T0 + MIN);
    expect(shiftDeadline(paused, 3_600_000)).toBe(paused);
  });
});

const action: fc.Arbitrary<TimerAction> = fc.oneof(
  fc.constant({ action: 'start' } as const),
  fc.constant({ action: 'pause' } as const),
  fc.constant({ action: 'resume' } as const),
  fc.integer({ min: 1, max: 30 * MIN }).map((ms) => ({ action: 'extend', ms }) as const),
);

function run(
  t: Timer,
  steps: { a: TimerAction; dt: number }[],
  check: (before: Timer, after: Timer, at: number, prevAt: number) => void,
) {
  let now = T0;
  let timer = t;
  for (const { a, dt } of steps) {
    const before = timer;
    const prevAt = now;
    now += dt;
    check(before, before, now, prevAt);
    try {
      timer = applyTimer(timer, a, now);
    } catch {
      // Refused (pausing a paused timer): the timer is unchanged.
    }
  }
  return timer;
}

describe('timer properties (fast-check)', () => {
  const steps = fc.array(fc.record({ a: action, dt: fc.integer({ min: 0, max: 20 * MIN }) }), {
    maxLength: 40,
  });

  it('remaining time is never negative, and running it only goes down', () => {
    fc.assert(
      fc.property(steps, fc.integer({ min: 1, max: 60 }), (seq, minutes) => {
        const t0 = newTimer({ id: 't', label: 'T', purpose: 'custom', durationMs: minutes * MIN });
        run(t0, seq, (t, _after, now, prevAt) => {
          expect(remaining(t, now)).toBeGreaterThanOrEqual(0);
          expect(elapsed(t, now)).toBeGreaterThanOrEqual(0);
          if (t.state === 'running') expect(remaining(t, now)).toBeLessThanOrEqual(remaining(t, prevAt));
        });
      }),
    );
  });

  it('while paused, remaining time never changes, however long the pause', () => {
    fc.assert(
      fc.property(steps, fc.integer({ min: 0, max: 10 * 86_400_000 }), (seq, later) => {
        const t = run(
          newTimer({ id: 't', label: 'T', purpose: 'custom', durationMs: 10 * MIN }),
          seq,
          () => {},
        );
        if (t.state !== 'paused') return;
        const at = T0 + 40 * 20 * MIN;
        expect(remaining(t, at + later)).toBe(remaining(t, at));
        expect(remaining(t, at)).toBe(Math.max(0, t.durationMs - t.elapsedAtPause));
      }),
    );
  });

  it('elapsed time adds up: running time between start and now, minus the time spent paused', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 * MIN }), { minLength: 1, maxLength: 20 }),
        (gaps) => {
          // Alternate resume / pause at the given gaps; the running stretches are the odd ones.
          let t = newTimer({ id: 't', label: 'T', purpose: 'custom', durationMs: 600 * MIN });
          let now = T0;
          let ran = 0;
          gaps.forEach((gap, i) => {
            if (i % 2 === 1) ran += gap;
            now += gap;
            t = applyTimer(t, { action: i % 2 === 0 ? 'resume' : 'pause' }, now);
          });
          expect(elapsed(t, now)).toBe(ran);
        },
      ),
    );
  });
});

describe('moving a workbook in time (the sample for a new user)', () => {
  it('moves timer deadlines (epoch ms) with the instants, and never counts them as the newest change', () => {
    const doc = {
      at: '2026-11-20T14:00:00.000Z',
      timers: [{ deadline: T0, firedAt: null, elapsedAtPause: 5 }],
    };
    expect(newestInstant(doc)).toBe(Date.parse('2026-11-20T14:00:00.000Z'));
    const moved = shiftInstants(doc, 3_600_000);
    expect(moved.timers[0]).toEqual({ deadline: T0 + 3_600_000, firedAt: null, elapsedAtPause: 5 });
    expect(moved.at).toBe('2026-11-20T15:00:00.000Z');
  });
});
