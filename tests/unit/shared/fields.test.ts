import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDay } from '../../../shared/schema/fields';

// A day typed in a form or sent by a window must exist: JavaScript's Date.parse rolls
// 2026-02-30 over into March, so a day is checked against the calendar itself.

const day = isoDay('Launch day');

describe('isoDay', () => {
  it('refuses days the calendar does not have, naming the field', () => {
    for (const text of ['2026-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00']) {
      const parsed = day.safeParse(text);
      expect(parsed.success, text).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe('Launch day is not a real calendar date');
    }
    expect(day.safeParse('2026-2-3').error?.issues[0]?.message).toBe(
      'Launch day must be a date like 2026-12-31',
    );
  });

  it('takes every day there is, leap days included', () => {
    for (const text of ['2024-02-29', '2000-02-29', '2026-12-31', '2026-04-30'])
      expect(day.parse(text)).toBe(text);
    expect(day.safeParse('1900-02-29').success).toBe(false);
  });

  it('agrees with the calendar for any year, month and day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const real = new Date(Date.UTC(y, m - 1, d));
          const exists =
            m >= 1 && m <= 12 && d >= 1 && real.getUTCMonth() === m - 1 && real.getUTCDate() === d;
          expect(day.safeParse(text).success).toBe(exists);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
