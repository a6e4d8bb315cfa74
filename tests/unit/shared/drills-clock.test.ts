import { describe, expect, it } from 'vitest';
import {
  ClockError,
  type DrillClock,
  drillTimeMs,
  dueInjects,
  type FiredInject,
  fireNow,
  formatDrillTime,
  jumpToNext,
  nextDueWall,
  pauseClock,
  resumeClock,
  setSpeed,
  startClock,
  type Timed,
} from '../../../shared/areas/drills/clock';

// The drill clock under a fake wall clock: the "host" below sleeps until nextDueWall, as the real
// one sets a single timer, then asks what is due. Nothing ticks; times are hand-worked.

const W = Date.parse('2026-12-01T09:00:00.000Z');
const SEC = 1000;
const INJECTS: Timed[] = [
  { id: 'a', offsetSec: 0 },
  { id: 'b', offsetSec: 60 },
  { id: 'c', offsetSec: 300 },
  { id: 'd', offsetSec: 900 },
];

/** The host's loop with a fake clock: wake at each due time up to `until`, fire what is due. */
function runUntil(
  clock: DrillClock,
  injects: readonly Timed[],
  fired: FiredInject[],
  until: number,
): FiredInject[] {
  for (;;) {
    const wake = nextDueWall(clock, injects, fired);
    if (wake === null || wake > until) return fired;
    const due = dueInjects(clock, injects, fired, wake);
    expect(due.length, 'a wake-up always has something to fire').toBeGreaterThan(0);
    fired.push(...due);
  }
}

describe('drill clock at 1×, 10× and 60×', () => {
  for (const speed of [1, 10, 60]) {
    it(`fires every inject in order and on time at ${speed}×`, () => {
      const clock = startClock(W, speed);
      const fired = runUntil(clock, INJECTS, [], W + 3600 * SEC);
      expect(fired.map((f) => f.injectId)).toEqual(['a', 'b', 'c', 'd']);
      expect(fired.map((f) => f.drillMs)).toEqual([0, 60_000, 300_000, 900_000]);
      expect(fired.map((f) => f.wallMs - W)).toEqual([0, 60_000, 300_000, 900_000].map((ms) => ms / speed));
      // One millisecond of wall time before each is due, it is not.
      for (const inject of INJECTS.slice(1)) {
        const dueAt = W + (inject.offsetSec * SEC) / speed;
        const before = fired.filter((f) => f.injectId !== inject.id && f.drillMs < inject.offsetSec * SEC);
        expect(dueInjects(clock, INJECTS, before, dueAt - 1).map((f) => f.injectId)).not.toContain(inject.id);
        expect(dueInjects(clock, INJECTS, before, dueAt).map((f) => f.injectId)).toEqual([inject.id]);
      }
    });
  }

  it('a late wake-up still records the time each inject was due, and fires them in order', () => {
    const clock = startClock(W, 10);
    const due = dueInjects(clock, INJECTS, [], W + 100 * SEC);
    expect(due.map((f) => [f.injectId, f.wallMs - W])).toEqual([
      ['a', 0],
      ['b', 6_000],
      ['c', 30_000],
      ['d', 90_000],
    ]);
  });
});

describe('pause and resume shift what is left, and only that', () => {
  it('at 10×: nothing fires while paused; after resuming, the rest fire a pause-length later', () => {
    let clock = startClock(W, 10);
    const fired = runUntil(clock, INJECTS, [], W + 10 * SEC); // drill time 100 s
    expect(fired.map((f) => f.injectId)).toEqual(['a', 'b']);
    clock = pauseClock(clock, W + 10 * SEC);
    expect(drillTimeMs(clock, W + 250 * SEC)).toBe(100_000);
    expect(nextDueWall(clock, INJECTS, fired)).toBeNull();
    expect(dueInjects(clock, INJECTS, fired, W + 10_000 * SEC)).toEqual([]);

    const resumedAt = W + 310 * SEC; // a 300 s pause
    clock = resumeClock(clock, resumedAt);
    // The first inject after the pause is not fired on resume, nor late: 200 drill s = 20 wall s on.
    expect(dueInjects(clock, INJECTS, fired, resumedAt)).toEqual([]);
    expect(dueInjects(clock, INJECTS, fired, resumedAt + 20 * SEC - 1)).toEqual([]);
    expect(nextDueWall(clock, INJECTS, fired)).toBe(resumedAt + 20 * SEC);
    runUntil(clock, INJECTS, fired, W + 3600 * SEC);
    expect(fired.map((f) => [f.injectId, f.drillMs, f.wallMs - W])).toEqual([
      ['a', 0, 0],
      ['b', 60_000, 6_000],
      ['c', 300_000, 30_000 + 300_000],
      ['d', 900_000, 90_000 + 300_000],
    ]);
  });

  it('refuses a double pause, a resume while running and a resume before the pause', () => {
    const clock = startClock(W);
    expect(() => resumeClock(clock, W)).toThrow(ClockError);
    const paused = pauseClock(clock, W + SEC);
    expect(() => pauseClock(paused, W + 2 * SEC)).toThrow('already paused');
    expect(() => resumeClock(paused, W)).toThrow('before the pause');
  });
});

describe('jump to the next inject', () => {
  it('moves drill time to it and fires exactly it, then the rest keep their spacing', () => {
    const clock = startClock(W, 1);
    const fired = runUntil(clock, INJECTS, [], W + SEC); // a fired at T+0
    const jump = jumpToNext(clock, INJECTS, fired, W + 5 * SEC)!;
    expect(jump.fired).toEqual({ injectId: 'b', drillMs: 60_000, wallMs: W + 5 * SEC, how: 'jump' });
    fired.push(jump.fired);
    expect(drillTimeMs(jump.clock, W + 5 * SEC)).toBe(60_000);
    expect(dueInjects(jump.clock, INJECTS, fired, W + 5 * SEC)).toEqual([]);
    expect(nextDueWall(jump.clock, INJECTS, fired)).toBe(W + 5 * SEC + 240 * SEC);
  });

  it('works while paused, which it leaves paused, and never moves time back', () => {
    let clock = startClock(W, 60);
    clock = pauseClock(clock, W + 10 * SEC); // drill 600 s: a, b, c are due
    const fired = dueInjects(clock, INJECTS, [], W + 10 * SEC).slice(0, 1); // only a was taken
    const jump = jumpToNext(clock, INJECTS, fired, W + 20 * SEC)!;
    expect(jump.fired.injectId).toBe('b');
    expect(jump.fired.drillMs).toBe(600_000);
    expect(jump.clock.pausedAt).toBe(W + 10 * SEC);
    expect(drillTimeMs(jump.clock, W + 99 * SEC)).toBe(600_000);
    expect(
      jumpToNext(
        clock,
        INJECTS,
        INJECTS.map((i) => ({ injectId: i.id, drillMs: 0, wallMs: W, how: 'jump' })),
        W,
      ),
    ).toBeNull();
  });
});

describe('fire now', () => {
  it('after a pause fires at the moment it is played, and the schedule then skips it', () => {
    let clock = startClock(W, 60);
    const fired = runUntil(clock, INJECTS, [], W + SEC); // drill 60 s: a, b
    clock = pauseClock(clock, W + 2 * SEC); // drill 120 s
    clock = resumeClock(clock, W + 602 * SEC); // a ten-minute pause
    const played = fireNow(clock, 'd', fired, W + 605 * SEC);
    expect(played).toEqual({
      injectId: 'd',
      drillMs: 120_000 + 3 * 60 * SEC,
      wallMs: W + 605 * SEC,
      how: 'now',
    });
    fired.push(played);
    runUntil(clock, INJECTS, fired, W + 3600 * SEC);
    expect(fired.map((f) => f.injectId)).toEqual(['a', 'b', 'd', 'c']);
    // c (T+300) fires normally: 180 drill s after the resume = 3 wall s at 60×.
    expect(fired[3]!.wallMs).toBe(W + 602 * SEC + 3 * SEC);
    expect(() => fireNow(clock, 'd', fired, W + 700 * SEC)).toThrow('already fired');
  });

  it('while paused fires now, at the frozen drill time', () => {
    const clock = pauseClock(startClock(W, 10), W + 6 * SEC);
    expect(fireNow(clock, 'card-1', [], W + 500 * SEC)).toEqual({
      injectId: 'card-1',
      drillMs: 60_000,
      wallMs: W + 500 * SEC,
      how: 'now',
    });
  });
});

describe('speed', () => {
  it('a change keeps the drill time and applies from then on; outside 1×–60× is refused', () => {
    let clock = startClock(W, 1);
    clock = setSpeed(clock, W + 30 * SEC, 60); // drill 30 s
    expect(drillTimeMs(clock, W + 30 * SEC)).toBe(30_000);
    expect(drillTimeMs(clock, W + 31 * SEC)).toBe(90_000);
    expect(nextDueWall(clock, INJECTS, [{ injectId: 'a', drillMs: 0, wallMs: W, how: 'scheduled' }])).toBe(
      W + 30_500,
    );
    expect(() => setSpeed(clock, W, 0.5)).toThrow('between 1× and 60×');
    expect(() => startClock(W, 61)).toThrow(ClockError);
  });

  it('formats drill time as T+', () => {
    expect(formatDrillTime(0)).toBe('T+00:00');
    expect(formatDrillTime(725_999)).toBe('T+12:05');
    expect(formatDrillTime(3_723_000)).toBe('T+1:02:03');
  });
});
