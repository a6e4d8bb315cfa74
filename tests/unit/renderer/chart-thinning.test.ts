import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextPaths, nearestLine } from '../../../renderer/charts/context';
import { lttb, within } from '../../../renderer/charts/thin';
import type { XY } from '../../../renderer/charts/types';

// The context lines a chart draws itself (a hundred cohorts behind the few that lag) are thinned
// by our own LTTB: a thinned line must still be the line (its own points, in order, its ends
// kept), no longer than asked, and keep the spike a reader would look for.

const line = (ys: readonly number[]): XY[] => ys.map((y, x) => ({ x, y }));
const sortedLine = fc
  .uniqueArray(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 0, maxLength: 400 })
  .chain((xs) =>
    fc
      .array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: xs.length, maxLength: xs.length })
      .map((ys) => [...xs].sort((a, b) => a - b).map((x, i) => ({ x, y: ys[i]! }))),
  );

describe('LTTB thinning', () => {
  it('keeps a short line as it is', () => {
    const points = line([1, 2, 3]);
    expect(lttb(points, 10)).toBe(points);
  });

  it('keeps the spike in a flat line', () => {
    const ys = Array.from({ length: 1_000 }, () => 10);
    ys[617] = 95;
    const thin = lttb(line(ys), 50);
    expect(thin).toHaveLength(50);
    expect(thin).toContainEqual({ x: 617, y: 95 });
  });

  it('gives the line’s own points, in order, first and last kept, as many as asked', () => {
    fc.assert(
      fc.property(sortedLine, fc.integer({ min: 0, max: 500 }), (points, samples) => {
        const thin = lttb(points, samples);
        const keep = Math.max(3, samples);
        expect(thin.length).toBe(Math.min(points.length, keep));
        if (points.length === 0) return;
        expect(thin[0]).toBe(points[0]);
        expect(thin.at(-1)).toBe(points.at(-1));
        let at = -1;
        for (const p of thin) {
          const i = points.indexOf(p, at + 1);
          expect(i).toBeGreaterThan(at);
          at = i;
        }
      }),
    );
  });
});

describe('the span a line draws', () => {
  it('takes the points inside it and one either side, so the line runs to the edges', () => {
    const points = line([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(within(points, 2.5, 6.5).map((p) => p.x)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(within(points, 3, 6).map((p) => p.x)).toEqual([3, 4, 5, 6]);
    expect(within(points, -5, 100)).toBe(points);
    expect(within(points, 20, 30).map((p) => p.x)).toEqual([9]);
  });

  it('never drops a point inside the span', () => {
    fc.assert(
      fc.property(sortedLine, fc.integer(), fc.integer(), (points, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const got = within(points, from, to);
        for (const p of points) if (p.x >= from && p.x <= to) expect(got).toContain(p);
        // At most one point either side of the span.
        expect(got.filter((p) => p.x < from).length).toBeLessThanOrEqual(1);
        expect(got.filter((p) => p.x > to).length).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('context paths', () => {
  it('thin every line to its share and report the values the y axis must show', () => {
    const lines = [line(Array.from({ length: 500 }, (_, i) => i % 50)), line([-3, 120, 7])];
    const paths = contextPaths(lines, 0, 1_000, 100);
    expect(paths.lines[0]).toHaveLength(100);
    expect(paths.lines[1]).toHaveLength(3);
    expect(paths.min).toBe(-3);
    expect(paths.max).toBe(120);
  });
});

describe('the grey line under the mouse', () => {
  const same = (v: number) => v;
  const lines = [
    line([0, 0, 0, 0]),
    line([5, 5, 5, 5]),
    [
      { x: 0, y: 40 },
      { x: 30, y: 40 },
    ],
  ];

  it('is the one passing nearest the pointer, within reach', () => {
    expect(nearestLine(lines, 1.5, 1, same, same, 6)).toBe(0);
    expect(nearestLine(lines, 1.5, 4, same, same, 6)).toBe(1);
    expect(nearestLine(lines, 2, 20, same, same, 6)).toBe(-1);
  });

  it('is found between its points, not only at them', () => {
    // Halfway along a 30-pixel segment, 2 pixels off it, 15 from either end.
    expect(nearestLine(lines, 15, 42, same, same, 6)).toBe(2);
  });

  it('is measured in pixels, through the scales', () => {
    // Ten pixels a unit: the pointer is in pixels, 3 off the line (within reach), then 8.
    const ten = (v: number) => v * 10;
    expect(nearestLine([line([0, 0])], 5, 3, ten, ten, 6)).toBe(0);
    expect(nearestLine([line([0, 0])], 5, 8, ten, ten, 6)).toBe(-1);
  });
});
