import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { between, newestOf, timelineOf } from '../../../shared/areas/waves/reading-index';
import type { Reading } from '../../../shared/areas/waves/schema';

// Gates read a metric's readings through its timeline (sorted and parsed once per list). For any
// readings, in any order, with ties, the timeline must answer exactly what the plain way did:
// filter the window, sort by time (stable), and take the first recorded of the newest instant.

const T0 = Date.parse('2026-11-30T10:00:00.000Z');

const reading = (i: number, t: number): Reading =>
  ({ id: `r${i}`, at: new Date(T0 + t * 60_000).toISOString(), value: i }) as unknown as Reading;

const plainWindow = (list: readonly Reading[], since: number, until: number) =>
  list
    .filter((r) => Date.parse(r.at) > since && Date.parse(r.at) <= until)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

function plainNewest(list: readonly Reading[]): Reading | null {
  let best: Reading | null = null;
  for (const r of list) if (!best || Date.parse(r.at) > Date.parse(best.at)) best = r;
  return best;
}

describe('a metric’s reading timeline', () => {
  it('gives the same window and newest reading as filtering and sorting, for any order and ties', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 60 }),
        fc.integer({ min: -5, max: 45 }),
        fc.integer({ min: 0, max: 30 }),
        (minutes, from, span) => {
          const list = minutes.map((t, i) => reading(i, t));
          const since = T0 + from * 60_000;
          const until = since + span * 60_000;
          const timeline = timelineOf(list);
          expect(between(timeline, since, until)).toEqual(plainWindow(list, since, until));
          expect(newestOf(timeline)).toBe(plainNewest(list));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is worked out once per list', () => {
    const list = [reading(0, 3), reading(1, 1)];
    expect(timelineOf(list)).toBe(timelineOf(list));
    expect(timelineOf(list).readings.map((r) => r.id)).toEqual(['r1', 'r0']);
    expect(newestOf(timelineOf([]))).toBeNull();
  });
});
