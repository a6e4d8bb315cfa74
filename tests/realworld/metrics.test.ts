import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../shared/domain/commands';
import { execute, openDoc } from '../../shared/domain/history';
import { decodeCsv, parseCsv, sniffDelimiter } from '../../shared/import/csv';
import { readingsKind } from '../../shared/import/kinds/readings';
import { guessMapping } from '../../shared/import/layout';
import { runImport } from '../../shared/import/run';
import type { Layout, Mapping } from '../../shared/import/types';
import { emptyWorkbook } from '../../shared/schema/workbook';

// Every dashboard export in ../shared/realworld/metrics/ (real Grafana panel exports other
// projects produced; see its README) goes through the import as a person would take it: the
// mapping is guessed, every series is made a metric, and the one command lands in a workbook
// through the real reducer. Counts of series and readings are asserted per file; a new file
// there without its counts here fails, so nothing in that folder goes untested.

const DIR = resolve(import.meta.dirname, '../../../shared/realworld/metrics');
const present = existsSync(DIR);

interface Expected {
  bom: boolean;
  delimiter: string;
  layout: Layout;
  series: number;
  /** Values the rows gave (a wide row gives one per series column). */
  records: number;
  empty: number;
  /** Repeats in the file, left out by the user's explicit choice (the first of each kept). */
  repeated: number;
  readings: number;
  /** One reading checked exactly: the row it came from, its time and value. */
  sample: { row: number; series: string; at: string; value: number };
}

const EXPECTED: Record<string, Expected> = {
  // Wide `Time;1024;128;…`, numeric column names, 30-min steps with gaps, Grafana's
  // "undefined" for missing values, and a tail of rows repeating earlier times.
  'grafana_mpawlik.csv': {
    bom: false,
    delimiter: ';',
    layout: 'wide',
    series: 5,
    records: 6790,
    empty: 24,
    repeated: 36,
    readings: 6730,
    sample: { row: 2, series: '128', at: '2017-08-15T18:30:00.000Z', value: 44.229712098875 },
  },
  // Long `Series;Time;Value`, 27 series named with commas and '=', 20k rows, not time-sorted.
  'grafana_heekof.csv': {
    bom: false,
    delimiter: ';',
    layout: 'long',
    series: 27,
    records: 20234,
    empty: 0,
    repeated: 0,
    readings: 20234,
    sample: {
      row: 2,
      series: 'net.out_packets_sec.value(device=eth0,hostname=mini-mon,service=monitoring,)',
      at: '2016-05-19T11:36:27.000Z',
      value: 8.266666666666667,
    },
  },
  // Table with a BOM, every value quoted (numbers too), unsorted, microsecond times.
  'grafana_jimenezict.csv': {
    bom: true,
    delimiter: ';',
    layout: 'table',
    series: 9,
    records: 1527,
    empty: 0,
    repeated: 0,
    readings: 1527,
    sample: { row: 2, series: 'bicing', at: '2020-08-28T10:15:01.779Z', value: 1761 },
  },
};

/** A rollout whose one wave went live in 2015 and is still live: every export's time is in it. */
function workbook() {
  const meta = { who: { name: 'Realworld', role: 'Test' }, at: '2015-01-01T00:00:00.000Z' };
  let doc = openDoc(emptyWorkbook('wb-realworld', 'Real exports', meta.at));
  const run = (command: Command) => {
    doc = execute(doc, command, meta, [])!.doc;
  };
  run({
    type: 'item.add',
    collection: 'waves.waves',
    item: {
      id: 'wave-1',
      name: 'Everyone',
      audiencePercent: 100,
      segment: { region: '', team: '', tenant: '' },
      holdHours: 0,
      promotion: 'manual',
      gates: [],
      metrics: [],
    },
  });
  run({ type: 'wave.move', waveId: 'wave-1', to: 'live', reason: 'Go', baseRevision: doc.wb.revision });
  return doc;
}

describe('dashboard exports from ../shared/realworld/metrics', () => {
  it('are present (CI has them; elsewhere this says so plainly)', () => {
    if (!present) {
      const message = `../shared/realworld/metrics is not here (looked in ${DIR}), so the real exports were not imported.`;
      console.warn(message);
      if (process.env.CI) throw new Error(message);
      return;
    }
    expect(
      readdirSync(DIR)
        .filter((f) => f.endsWith('.csv'))
        .sort(),
    ).toEqual(Object.keys(EXPECTED).sort());
  });

  const files = present ? readdirSync(DIR).filter((f) => f.endsWith('.csv')) : [];
  for (const file of files) {
    it(`${file} imports with a chosen mapping`, () => {
      const want = EXPECTED[file];
      if (!want)
        throw new Error(`${file} has no expected counts in tests/realworld/metrics.test.ts: add them`);
      const decoded = decodeCsv(readFileSync(join(DIR, file)), file);
      if (!decoded.ok) throw new Error(decoded.message);
      expect(decoded.bom).toBe(want.bom);
      const delimiter = sniffDelimiter(decoded.text);
      expect(delimiter).toBe(want.delimiter);
      const csv = parseCsv(decoded.text, delimiter);
      const guess = guessMapping(readingsKind, csv.header, csv.rows, delimiter, 'UTC');
      expect(guess.layout).toBe(want.layout);

      let doc = workbook();
      const now = Date.parse('2026-12-01T00:00:00.000Z');
      const ctx = () => readingsKind.context(readingsKind.slice(doc.wb), now);
      // The person's choices: every series a new metric; repeats in the file, the first kept.
      const first = runImport(readingsKind, csv, guess, ctx());
      const mapping: Mapping = {
        ...guess,
        source: file,
        repeats: want.repeated > 0 ? 'keep-first' : 'refuse',
        matches: first.matchValues.map((v, k) => ({
          value: v.value,
          choice: { to: 'new', id: `m-${k}`, name: `${v.value}`.slice(0, 120), unit: '' },
        })),
      };
      const run = runImport(readingsKind, csv, mapping, ctx());
      expect(run.problems).toEqual([]);
      expect(run.bad).toEqual([]);
      expect(run.matchValues).toHaveLength(want.series);
      expect(run.counts).toMatchObject({ records: want.records, empty: want.empty, accepted: want.readings });
      expect(run.counts.skipped).toEqual(
        want.repeated > 0 ? [{ why: 'repeated in the file (the first was kept)', count: want.repeated }] : [],
      );

      // Confirmed: one command, through the real reducer, as the host applies it.
      const command = readingsKind.command(run.items, mapping, { id: 'imp-realworld', fileName: file });
      const done = execute(
        doc,
        command as Command,
        { who: { name: 'Analyst', role: 'SRE' }, at: new Date(now).toISOString() },
        [],
      );
      doc = done!.doc;
      expect(doc.wb.waves.metrics).toHaveLength(want.series);
      expect(doc.wb.waves.readings).toHaveLength(want.readings);
      expect(doc.wb.waves.imports).toEqual([
        expect.objectContaining({ count: want.readings, fileName: file }),
      ]);
      const metric = doc.wb.waves.metrics.find((m) => m.name === want.sample.series.slice(0, 120))!;
      const sample = doc.wb.waves.readings.find((r) => r.metricId === metric.id && r.at === want.sample.at);
      expect(sample?.value).toBe(want.sample.value);
      // The audit entry is one readable line, not a copy of the readings.
      expect(done!.entry.summary).toMatch(
        new RegExp(`^Imported ${want.readings.toLocaleString('en-US')} readings into Everyone`),
      );
      expect(JSON.stringify(done!.entry).length).toBeLessThan(20_000);
    });
  }
});
