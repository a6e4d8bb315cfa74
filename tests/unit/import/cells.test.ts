import { describe, expect, it } from 'vitest';
import { isBlank, parseNumber, parseTime } from '../../../shared/import/cells';
import { UTC, ZoneClock } from '../../../shared/import/zones';

// One cell → one value, or a reason a person can act on. Times carry their own offset, or are
// placed in the zone the user chose; around a clock change that zone may have skipped the time or
// shown it twice, and the import says so rather than guessing.

const utc = new ZoneClock(UTC);
const at = (text: string, clock = utc) => {
  const parsed = parseTime(text, clock);
  if (!parsed.ok) throw new Error(parsed.reason);
  return new Date(parsed.value.at).toISOString();
};
const reason = (text: string, clock = utc) => {
  const parsed = parseTime(text, clock);
  return parsed.ok ? `parsed as ${new Date(parsed.value.at).toISOString()}` : parsed.reason;
};

describe('numbers', () => {
  it('reads plain, signed, decimal and exponent numbers (quotes are gone by the time a cell is read)', () => {
    for (const [text, value] of [
      ['1761', 1761],
      [' -2.5 ', -2.5],
      ['+.5', 0.5],
      ['8.266666666666667', 8.266666666666667],
      ['1e-3', 0.001],
      ['6.02E23', 6.02e23],
      ['7.', 7],
    ] as const) {
      expect(parseNumber(text)).toEqual({ ok: true, value });
    }
  });

  it('says what is wrong with a number written for people, not machines', () => {
    expect(parseNumber('1,234.5')).toEqual({
      ok: false,
      reason: "'1,234.5' is not a number: remove the thousands separators",
    });
    expect(parseNumber('3,14')).toEqual({
      ok: false,
      reason: "'3,14' is not a number: write decimals with a dot, like 3.14",
    });
    expect(parseNumber('2.5%')).toEqual({ ok: false, reason: "'2.5%' is not a number: remove the % sign" });
    expect(parseNumber('lots')).toEqual({ ok: false, reason: "'lots' is not a number" });
    expect(parseNumber('1e999')).toEqual({ ok: false, reason: "'1e999' is too large to be a number" });
  });

  it('treats empty, null, undefined and NaN cells as blanks, whatever their case or spaces', () => {
    for (const text of ['', '  ', 'null', 'NULL', ' undefined ', 'NaN'])
      expect(isBlank(text), text).toBe(true);
    for (const text of ['0', 'none', '-', 'n/a']) expect(isBlank(text), text).toBe(false);
  });
});

describe('times with their own offset', () => {
  it('reads Z, ±hh:mm, ±hhmm and ±hh offsets, with a T or a space', () => {
    expect(at('2026-11-20T14:05:09Z')).toBe('2026-11-20T14:05:09.000Z');
    expect(at('2026-11-20T14:05:09.250+01:00')).toBe('2026-11-20T13:05:09.250Z');
    expect(at('2026-11-20 14:05:09-0530')).toBe('2026-11-20T19:35:09.000Z');
    expect(at('2026-11-20T14:05+02')).toBe('2026-11-20T12:05:00.000Z');
    expect(at('2026-11-20')).toBe('2026-11-20T00:00:00.000Z');
  });

  it('cuts microsecond and nanosecond fractions to milliseconds, as Postgres exports them', () => {
    expect(at('2020-08-28T10:15:01.779825Z')).toBe('2020-08-28T10:15:01.779Z');
    expect(at('2020-08-28T10:15:01.9999999Z')).toBe('2020-08-28T10:15:01.999Z');
    expect(at('2020-08-28T10:15:01,5Z')).toBe('2020-08-28T10:15:01.500Z');
  });

  it('reads Unix seconds and milliseconds', () => {
    expect(at('1700000000')).toBe('2023-11-14T22:13:20.000Z');
    expect(at('1700000000.25')).toBe('2023-11-14T22:13:20.250Z');
    expect(at('1700000000123')).toBe('2023-11-14T22:13:20.123Z');
  });

  it('refuses dates and times that do not exist, and formats it cannot read, saying how to write them', () => {
    expect(reason('2026-02-29T10:00Z')).toBe("'2026-02-29T10:00Z' is not a real date");
    expect(at('2028-02-29T10:00Z')).toBe('2028-02-29T10:00:00.000Z');
    expect(reason('2026-04-31')).toBe("'2026-04-31' is not a real date");
    expect(reason('2026-11-20T24:00Z')).toBe("'2026-11-20T24:00Z' is not a real time of day");
    expect(reason('2026-11-20T23:59:60Z')).toBe("'2026-11-20T23:59:60Z' is not a real time of day");
    expect(reason('20/11/2026 14:05')).toBe(
      "'20/11/2026 14:05' is not a time this import can read: write it like 2026-11-20T14:05:00Z or 2026-11-20 14:05",
    );
  });
});

describe('times without an offset, in the zone the user chose', () => {
  const london = new ZoneClock('Europe/London');
  const newYork = new ZoneClock('America/New_York');
  const kolkata = new ZoneClock('Asia/Kolkata');

  it('places wall-clock times by the zone’s offset on that day', () => {
    expect(at('2024-01-15 12:00', london)).toBe('2024-01-15T12:00:00.000Z');
    expect(at('2024-07-15 12:00', london)).toBe('2024-07-15T11:00:00.000Z');
    expect(at('2024-07-15 12:00', newYork)).toBe('2024-07-15T16:00:00.000Z');
    expect(at('2024-07-15 12:00', kolkata)).toBe('2024-07-15T06:30:00.000Z');
    // An offset in the cell wins over the chosen zone.
    expect(at('2024-07-15 12:00Z', newYork)).toBe('2024-07-15T12:00:00.000Z');
  });

  it('spring forward: the last second before the gap and the first after it are fine, the gap never happened', () => {
    // London, 31 Mar 2024: 01:00 GMT becomes 02:00 BST.
    expect(at('2024-03-31 00:59:59', london)).toBe('2024-03-31T00:59:59.000Z');
    expect(at('2024-03-31 02:00:00', london)).toBe('2024-03-31T01:00:00.000Z');
    for (const t of ['2024-03-31 01:00:00', '2024-03-31 01:30:00', '2024-03-31 01:59:59']) {
      expect(reason(t, london)).toBe(
        `'${t}' never happened in Europe/London: the clocks went forward over it. Give the time with its offset, or choose the zone the export was made in`,
      );
    }
    // New York, 10 Mar 2024: 02:00 EST becomes 03:00 EDT.
    expect(reason('2024-03-10 02:30', newYork)).toMatch(/never happened in America\/New_York/);
    expect(at('2024-03-10 03:00', newYork)).toBe('2024-03-10T07:00:00.000Z');
  });

  it('fall back: a time shown twice is refused, naming both offsets; the hour after it is fine', () => {
    // London, 27 Oct 2024: 02:00 BST becomes 01:00 GMT, so 01:00–01:59 happen twice.
    expect(at('2024-10-27 00:59:59', london)).toBe('2024-10-26T23:59:59.000Z');
    expect(reason('2024-10-27 01:00:00', london)).toBe(
      "'2024-10-27 01:00:00' happened twice in Europe/London (the clocks went back): write it with its offset, +01:00 or +00:00, to say which",
    );
    expect(reason('2024-10-27 01:59:59', london)).toMatch(/happened twice/);
    expect(at('2024-10-27 02:00:00', london)).toBe('2024-10-27T02:00:00.000Z');
    // With the offset written, either occurrence is read exactly.
    expect(at('2024-10-27 01:30:00+01:00', london)).toBe('2024-10-27T00:30:00.000Z');
    expect(at('2024-10-27 01:30:00+00:00', london)).toBe('2024-10-27T01:30:00.000Z');
    expect(reason('2024-11-03 01:30', newYork)).toMatch(/-04:00 or -05:00/);
  });

  it('agrees with Intl on every quarter hour of a year in a zone with clock changes', () => {
    const sydney = new ZoneClock('Australia/Sydney');
    const format = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Australia/Sydney',
      dateStyle: 'short',
      timeStyle: 'medium',
    });
    const start = Date.parse('2024-01-01T00:00:00Z');
    let ambiguous = 0;
    for (let t = start; t < start + 366 * 86_400_000; t += 15 * 60_000) {
      const wall = format.format(t);
      const parsed = parseTime(wall, sydney);
      if (parsed.ok) expect(parsed.value.at, wall).toBe(t);
      else ambiguous++;
    }
    // April's fall back repeats one hour: four quarter hours, each seen twice.
    expect(ambiguous).toBe(8);
  });
});
