import { describe, expect, it } from 'vitest';
import { pointTime, spansDays, tickLabels, tickStep, timeTicks } from '../../../renderer/charts/time-axis';

// The time axis is a linear scale of epoch ms with ticks of our own: they must land on whole
// local minutes, hours and days, and say the date when the span crosses midnight. Times are built
// in local time, so these hold in any time zone the tests run in.

const local = (d: number, h: number, m = 0, s = 0) => new Date(2026, 10, d, h, m, s).getTime();
const MIN = 60_000;

describe('time ticks', () => {
  it('three hours of a wave get ticks on the half hour, at most as many as fit', () => {
    const ticks = timeTicks(local(20, 11, 7), local(20, 14, 2), 8);
    expect(ticks.length).toBeLessThanOrEqual(8);
    expect(ticks.map((t) => new Date(t).getMinutes() % 30)).toEqual(ticks.map(() => 0));
    expect(tickLabels(ticks, tickStep(local(20, 11, 7), local(20, 14, 2), 8))).toEqual([
      '11:30',
      '12:00',
      '12:30',
      '13:00',
      '13:30',
      '14:00',
    ]);
  });

  it('a short span gets minute ticks, a very short one seconds', () => {
    expect(tickStep(local(20, 14), local(20, 14, 15), 8)).toBe(5 * MIN);
    expect(
      tickLabels(
        timeTicks(local(20, 14), local(20, 14, 0, 40), 6),
        tickStep(local(20, 14), local(20, 14, 0, 40), 6),
      ),
    ).toEqual(['14:00:00', '14:00:15', '14:00:30']);
  });

  it('across midnight the date goes under the first tick and the first of the new day', () => {
    const from = local(20, 18);
    const to = local(21, 6);
    const step = tickStep(from, to, 6);
    expect(step).toBe(3 * 60 * MIN);
    const labels = tickLabels(timeTicks(from, to, 6), step);
    expect(labels[0]).toEqual(['18:00', 'Fri 20 Nov']);
    expect(labels[1]).toBe('21:00');
    expect(labels[2]).toEqual(['00:00', 'Sat 21 Nov']);
  });

  it('a week of data is ticked at local midnights', () => {
    const ticks = timeTicks(local(16, 9), local(23, 9), 8);
    expect(ticks.map((t) => new Date(t).getHours())).toEqual(ticks.map(() => 0));
    expect(ticks.map((t) => new Date(t).getDate())).toEqual([17, 18, 19, 20, 21, 22, 23]);
    expect(tickLabels(ticks, tickStep(local(16, 9), local(23, 9), 8))[0]).toBe('Tue 17 Nov');
  });

  it('nothing for a broken span, the one moment for a span of one moment', () => {
    expect(timeTicks(10, 5, 5)).toEqual([]);
    expect(timeTicks(Number.NaN, 5, 5)).toEqual([]);
    expect(timeTicks(local(20, 14, 5), local(20, 14, 5), 5)).toEqual([local(20, 14, 5)]);
  });
});

describe('point times in the table', () => {
  it('the time alone within a day, with the date across days', () => {
    expect(pointTime(local(20, 14, 2, 11), false)).toBe('14:02:11');
    expect(pointTime(local(20, 14, 2, 11), true)).toBe('Fri 20 Nov 14:02:11');
    expect(spansDays(local(20, 0), local(20, 23, 59))).toBe(false);
    expect(spansDays(local(20, 23), local(21, 1))).toBe(true);
  });
});
