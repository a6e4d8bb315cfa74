import { describe, expect, it } from 'vitest';
import { POINT_BUDGET, samplesPerLine } from '../../../renderer/charts/options';

// One chart draws at most POINT_BUDGET points, all lines together: 100 cohort lines of 1,000 days
// are thinned to 200 points each (LTTB), while one or two lines keep up to 2,000 each.

describe('the chart point budget', () => {
  it('shares the budget between the lines, within a floor and a ceiling', () => {
    expect(samplesPerLine(100)).toBe(200);
    expect(100 * samplesPerLine(100)).toBeLessThanOrEqual(POINT_BUDGET);
    expect(samplesPerLine(1)).toBe(2_000);
    expect(samplesPerLine(0)).toBe(2_000);
    expect(samplesPerLine(12)).toBe(1_666);
    // Past 166 lines the floor holds: a line of 120 points still shows its shape.
    expect(samplesPerLine(1_000)).toBe(120);
  });
});
