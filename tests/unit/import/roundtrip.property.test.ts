import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Metric, Wave } from '../../../shared/areas/waves/schema';
import { DELIMITERS, type Delimiter, decodeCsv, parseCsv, sniffDelimiter } from '../../../shared/import/csv';
import { readingsKind } from '../../../shared/import/kinds/readings';
import { isoText } from '../../../shared/import/kinds/readings-rules';
import { blankMapping } from '../../../shared/import/layout';
import { runImport } from '../../../shared/import/run';
import type { Layout, Mapping } from '../../../shared/import/types';
import { isoInstant } from '../../../shared/schema/fields';

// Any CSV written from generated readings, in any supported layout (long, wide, table), with any
// supported delimiter, with or without a byte-order mark, quoted everywhere or only where it
// must be, with \n or \r\n, times in UTC, with an offset, in microseconds or as wall-clock times
// in a chosen zone, imports back to exactly the same readings.

const FROM = Date.parse('2001-01-01T00:00:00Z');
const TO = Date.parse('2030-01-01T00:00:00Z');
const ZONES = ['UTC', 'Asia/Kolkata', 'Europe/London', 'America/New_York'] as const;

const WAVE: Wave = {
  id: 'wave-1',
  name: 'Everyone',
  audiencePercent: 100,
  segment: { region: '', team: '', tenant: '' },
  holdHours: 0,
  promotion: 'manual',
  gates: [],
  metrics: [],
  state: 'live',
  startedAt: new Date(FROM).toISOString(),
  moves: [],
};

/** Series names as dashboards write them: commas, '=', quotes, semicolons, tabs, braces, accents. */
const seriesName = fc
  .string({
    unit: fc.constantFrom(...'abcxyzAZ019 ,;="\'{}()._-:/é\t'.split('')),
    minLength: 1,
    maxLength: 24,
  })
  .map((s) => s.trim())
  .filter((s) => s.length > 0 && !['null', 'undefined', 'nan'].includes(s.toLowerCase()));

const value = fc
  .oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -1e6, max: 1e6 }))
  .map((v) => (Object.is(v, -0) ? 0 : v));

type TimeStyle = 'z' | 'offset' | 'micro' | 'zoned' | 'epoch-ms';

interface Case {
  layout: Layout;
  delimiter: Delimiter;
  bom: boolean;
  quoteAll: boolean;
  crlf: boolean;
  style: TimeStyle;
  zone: (typeof ZONES)[number];
  blank: string;
  series: string[];
  /** One reading per series per time that has one; times shared across series (a wide row each). */
  times: number[];
  values: (number | null)[][];
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    layout: fc.constantFrom<Layout>('long', 'wide', 'table'),
    delimiter: fc.constantFrom(...DELIMITERS),
    bom: fc.boolean(),
    quoteAll: fc.boolean(),
    crlf: fc.boolean(),
    style: fc.constantFrom<TimeStyle>('z', 'offset', 'micro', 'zoned', 'epoch-ms'),
    zone: fc.constantFrom(...ZONES),
    blank: fc.constantFrom('', 'null', 'undefined', 'NaN'),
    series: fc.uniqueArray(seriesName, { minLength: 1, maxLength: 4, selector: (s) => s.toLowerCase() }),
    times: fc.uniqueArray(fc.integer({ min: FROM, max: TO }), { minLength: 1, maxLength: 12 }),
  })
  .chain((c) =>
    fc
      .array(
        fc.array(fc.option(value, { freq: 4 }), { minLength: c.series.length, maxLength: c.series.length }),
        {
          minLength: c.times.length,
          maxLength: c.times.length,
        },
      )
      .map((values) => ({ ...c, values })),
  )
  // A wall-clock time the zone shows twice (the hour the clocks go back) is refused on purpose.
  .filter(
    (c) =>
      c.style !== 'zoned' ||
      c.times.every((t) => offsetAt(c.zone, t - 3 * 3_600_000) === offsetAt(c.zone, t + 3 * 3_600_000)),
  );

function offsetAt(zone: string, t: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
      .formatToParts(t)
      .map((p) => [p.type, Number(p.value)]),
  );
  const s = Math.floor(t / 1000) * 1000;
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - s;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function writeTime(t: number, c: Case): string {
  const d = new Date(t);
  if (c.style === 'z') return d.toISOString();
  if (c.style === 'micro') return `${d.toISOString().slice(0, 23)}${pad(t % 7, 3)}Z`;
  if (c.style === 'epoch-ms') return String(t);
  const offset = c.style === 'offset' ? 5.5 * 3_600_000 : offsetAt(c.zone, t);
  const w = new Date(t + offset);
  const text = `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())} ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}.${pad(w.getUTCMilliseconds(), 3)}`;
  return c.style === 'offset' ? `${text}+05:30` : text;
}

function cell(text: string, c: Case): string {
  const must = text.includes(c.delimiter) || /["\r\n]/.test(text) || text !== text.trim();
  return c.quoteAll || must ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV, and the mapping a user would choose for it. */
function write(c: Case): { bytes: Uint8Array; mapping: Partial<Mapping> } {
  const rows: string[][] = [];
  let mapping: Partial<Mapping>;
  if (c.layout === 'wide') {
    rows.push(['Time', ...c.series]);
    for (const [i, t] of c.times.entries()) {
      rows.push([writeTime(t, c), ...c.values[i]!.map((v) => (v === null ? c.blank : String(v)))]);
    }
    mapping = { fields: { time: { column: 0 } }, wideColumns: c.series.map((_, k) => k + 1) };
  } else {
    // Long: series, time, value. Table: columns shuffled, with one the import ignores.
    const order = c.layout === 'long' ? ['series', 'time', 'value'] : ['note', 'value', 'series', 'time'];
    rows.push(
      order.map((k) => ({ series: 'Series', time: 'Time', value: 'Value', note: 'Host, region' })[k]!),
    );
    for (const [i, t] of c.times.entries()) {
      for (const [k, s] of c.series.entries()) {
        const v = c.values[i]![k];
        const fields: Record<string, string> = {
          series: s,
          time: writeTime(t, c),
          value: v === null ? c.blank : String(v),
          note: 'eu-west, "a"',
        };
        rows.push(order.map((key) => fields[key]!));
      }
    }
    mapping = {
      fields: Object.fromEntries(['series', 'time', 'value'].map((k) => [k, { column: order.indexOf(k) }])),
    };
  }
  const text = rows.map((r) => r.map((x) => cell(x, c)).join(c.delimiter)).join(c.crlf ? '\r\n' : '\n');
  const body = new TextEncoder().encode(`${text}${c.crlf ? '\r\n' : '\n'}`);
  const bytes = c.bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
  return { bytes, mapping: { ...mapping, layout: c.layout, zone: c.style === 'zoned' ? c.zone : 'UTC' } };
}

describe('CSV round trip', () => {
  it('any supported CSV of readings imports back to the same readings', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const metrics: Metric[] = c.series.map((name, k) => ({
          id: `m-${k}`,
          name,
          unit: '',
          kind: 'service',
          source: '',
          staleAfterMinutes: 60,
          guardrailId: '',
        }));
        const { bytes, mapping } = write(c);
        const decoded = decodeCsv(bytes, 'export.csv');
        if (!decoded.ok) throw new Error(decoded.message);
        expect(decoded.bom).toBe(c.bom);
        const delimiter = sniffDelimiter(decoded.text);
        const csv = parseCsv(decoded.text, delimiter);
        const ctx = readingsKind.context({ waves: [WAVE], metrics, readings: [] }, TO + 1);
        const run = runImport(
          readingsKind,
          csv,
          { ...blankMapping(readingsKind, delimiter, 'UTC'), ...mapping },
          ctx,
        );
        expect(run.problems).toEqual([]);
        expect(run.bad).toEqual([]);
        const expected = c.times
          .flatMap((t, i) =>
            c.series.map((_, k) => ({
              metricId: `m-${k}`,
              at: t,
              value: c.values[i]![k],
            })),
          )
          .filter((r) => r.value !== null);
        const got = run.items.map((r) => ({ metricId: r.metricId, at: r.at, value: r.value }));
        const key = (r: { metricId: string; at: number }) => `${r.metricId}@${r.at}`;
        expect([...got].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
          [...expected].sort((a, b) => key(a).localeCompare(key(b))),
        );
        expect(run.counts.empty).toBe(c.values.flat().filter((v) => v === null).length);
        expect(run.items.every((r) => r.waveId === 'wave-1')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('an imported reading’s time, as the workbook writes it', () => {
  // The host keeps a window's text when it is already toISOString's form and makes it again
  // otherwise; either way the workbook holds exactly what toISOString gives.
  const instant = fc.integer({
    min: Date.parse('0001-01-01T00:00:00Z'),
    max: Date.parse('9998-12-31T23:59:59Z'),
  });
  const forms = (ms: number): string[] => {
    const iso = new Date(ms).toISOString();
    const shifted = (minutes: number) => {
      const local = new Date(ms + minutes * 60_000).toISOString().slice(0, 23);
      const sign = minutes < 0 ? '-' : '+';
      const abs = Math.abs(minutes);
      return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    };
    return [
      iso,
      iso.replace('Z', '+00:00'),
      shifted(330),
      shifted(-240),
      `${iso.slice(0, 19)}Z`,
      `${iso.slice(0, 22)}Z`,
      `${iso.slice(0, 23)}9Z`,
    ];
  };

  it('is the canonical text for every form the ISO check accepts', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        for (const text of forms(ms)) {
          expect(isoInstant.safeParse(text).success).toBe(true);
          expect(isoText(text, Date.parse(text))).toBe(new Date(Date.parse(text)).toISOString());
        }
      }),
      { numRuns: 500 },
    );
  });
});
