import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DrillClock,
  drillTimeMs,
  dueInjects,
  type FiredInject,
  nextDueWall,
  pauseClock,
  resumeClock,
  setSpeed,
  startClock,
  type Timed,
} from '../../../shared/areas/drills/clock';

// Whatever the facilitator does with pause, resume and speed, a host that only ever sleeps until
// nextDueWall fires every scheduled inject once, in offset order, at exactly its drill time, and
// never while the clock is paused or before drill time has reached it.

const W = Date.parse('2026-12-01T09:00:00.000Z');

type Action = { kind: 'wait'; ms: number } | { kind: 'toggle' } | { kind: 'speed'; speed: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 600_000 }) }),
  fc.record({ kind: fc.constant('toggle' as const) }),
  fc.record({ kind: fc.constant('speed' as const), speed: fc.integer({ min: 1, max: 60 }) }),
);

const injects: fc.Arbitrary<Timed[]> = fc
  .array(fc.integer({ min: 0, max: 3600 }), { minLength: 1, maxLength: 12 })
  .map((offsets) => offsets.map((offsetSec, i) => ({ id: `i${i}`, offsetSec })));

describe('drill clock, any sequence of pauses, resumes and speed changes', () => {
  it('fires each inject once, in order, at its own drill time, never while paused', () => {
    fc.assert(
      fc.property(
        injects,
        fc.array(action, { maxLength: 30 }),
        fc.integer({ min: 1, max: 60 }),
        (list, actions, speed) => {
          let clock: DrillClock = startClock(W, speed);
          let now = W;
          const fired: FiredInject[] = [];
          const advanceTo = (until: number) => {
            for (;;) {
              const wake = nextDueWall(clock, list, fired);
              if (wake === null || wake > until) break;
              expect(clock.pausedAt).toBeNull();
              const due = dueInjects(clock, list, fired, wake);
              // A wake-up with nothing due would mean the host's timer spins.
              expect(due.length).toBeGreaterThan(0);
              for (const f of due) {
                expect(drillTimeMs(clock, wake)).toBeGreaterThanOrEqual(f.drillMs);
                fired.push(f);
              }
            }
            now = until;
          };
          for (const a of actions) {
            if (a.kind === 'wait') advanceTo(now + a.ms);
            else if (a.kind === 'toggle')
              clock = clock.pausedAt === null ? pauseClock(clock, now) : resumeClock(clock, now);
            else clock = setSpeed(clock, now, a.speed);
          }
          if (clock.pausedAt !== null) clock = resumeClock(clock, now);
          advanceTo(now + 4 * 3600 * 1000);

          expect(fired.map((f) => f.injectId).sort()).toEqual(list.map((i) => i.id).sort());
          const byId = new Map(list.map((i) => [i.id, i.offsetSec * 1000]));
          for (const f of fired) expect(f.drillMs).toBe(byId.get(f.injectId));
          for (let i = 1; i < fired.length; i++) {
            expect(fired[i]!.drillMs).toBeGreaterThanOrEqual(fired[i - 1]!.drillMs);
            expect(fired[i]!.wallMs).toBeGreaterThanOrEqual(fired[i - 1]!.wallMs);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
