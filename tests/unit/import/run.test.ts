import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/import/csv';
import { readingsKind } from '../../../shared/import/kinds/readings';
import { blankMapping, guessMapping } from '../../../shared/import/layout';
import { describeBadRow } from '../../../shared/import/run';
import { context, EXISTING, HOUR, importText, iso, LONG, NOW, T0, WAVES } from './fixture';

// One pass of a file through a mapping: each layout, each reason a row is refused (with its
// row number), what is counted rather than refused, and the first guess at the mapping.

const live2 = (minutes: number) => iso(T0 + 26 * HOUR + minutes * 60_000);
const bad = (run: ReturnType<typeof importText>) => run.bad.map(describeBadRow);

describe('layouts', () => {
  it('long: one row per reading, series matched to metrics by name', () => {
    const run = importText(
      `Series;Time;Value\nAPI 5xx rate;${live2(5)};0.5\nlogin SUCCESS ;${live2(5)};99.1\n`,
      LONG,
    );
    expect(run.bad).toEqual([]);
    expect(run.items).toEqual([
      { row: 2, metricId: 'm-5xx', waveId: 'wave-2', at: T0 + 26 * HOUR + 300_000, value: 0.5 },
      { row: 3, metricId: 'm-login', waveId: 'wave-2', at: T0 + 26 * HOUR + 300_000, value: 99.1 },
    ]);
    expect(run.matchValues.map((v) => [v.value, v.count, v.auto])).toEqual([
      ['API 5xx rate', 1, true],
      ['login SUCCESS', 1, true],
    ]);
  });

  it('wide: a time column and a column per series; empty, null and undefined cells are counted, not read', () => {
    const text = [
      'Time,API 5xx rate,Login success',
      `${live2(5)},0.5,null`,
      `${live2(10)},,99.2`,
      `${live2(15)},undefined,NaN`,
    ].join('\n');
    const run = importText(text, { layout: 'wide', fields: { time: { column: 0 } }, wideColumns: [1, 2] });
    expect(run.bad).toEqual([]);
    expect(run.items.map((i) => [i.row, i.metricId, i.value])).toEqual([
      [2, 'm-5xx', 0.5],
      [3, 'm-login', 99.2],
    ]);
    expect(run.counts).toMatchObject({ rows: 3, records: 6, empty: 4, accepted: 2 });
  });

  it('table: any columns; a field may take one fixed text, and other columns are ignored', () => {
    const text = `"id";"when";"ms";"host"\n"1";"${live2(1)}";"1761";"a"\n"2";"${live2(2)}";"1834";"b"\n`;
    const run = importText(text, {
      layout: 'table',
      fields: { series: { fixed: 'Login success' }, time: { column: 1 }, value: { column: 2 } },
    });
    expect(run.bad).toEqual([]);
    expect(run.items.map((i) => [i.metricId, i.value])).toEqual([
      ['m-login', 1761],
      ['m-login', 1834],
    ]);
  });

  it('guesses the layout and the columns from the header and the first rows', () => {
    const guess = (text: string) => {
      const csv = parseCsv(text, ';');
      const m = guessMapping(readingsKind, csv.header, csv.rows, ';', 'UTC');
      return { layout: m.layout, fields: m.fields, wideColumns: m.wideColumns };
    };
    expect(guess(`Series;Time;Value\na,b=1;${live2(1)};2\n`)).toEqual({
      layout: 'long',
      fields: { series: { column: 0 }, time: { column: 1 }, value: { column: 2 } },
      wideColumns: [],
    });
    expect(guess(`Time;1024;128\n${live2(1)};11.9;undefined\n`)).toEqual({
      layout: 'wide',
      fields: { series: null, time: { column: 0 }, value: null },
      wideColumns: [1, 2],
    });
    expect(guess(`name;id;executiontime;ms\nbicing;1049;${live2(1)};1761\n`)).toEqual({
      layout: 'table',
      fields: { series: { column: 0 }, time: { column: 2 }, value: { column: 3 } },
      wideColumns: [],
    });
    // No time it can read and no text column: a table whose rows are all one series, named
    // after the value column, for the user to correct.
    expect(guess('minute;p95 latency\n1234;120\n')).toEqual({
      layout: 'table',
      fields: { series: { fixed: 'p95 latency' }, time: null, value: { column: 1 } },
      wideColumns: [],
    });
  });
});

describe('bad rows, each with its number and reason', () => {
  it('cells that do not parse, and rows with the wrong number of cells', () => {
    const text = [
      'Series;Time;Value',
      `API 5xx rate;${live2(1)};lots`,
      'API 5xx rate;20/11/2026;1',
      `;${live2(2)};1`,
      `API 5xx rate;${live2(3)}`,
      `API 5xx rate;${live2(4)};1;extra`,
      '',
      `API 5xx rate;${live2(5)};2`,
    ].join('\n');
    const run = importText(text, LONG);
    expect(bad(run)).toEqual([
      "Row 2: Value: 'lots' is not a number",
      "Row 3: Time: '20/11/2026' is not a time this import can read: write it like 2026-11-20T14:05:00Z or 2026-11-20 14:05",
      'Row 4: Series is empty',
      'Row 5: it has only 2 cells; column 3 (Value) is missing',
      'Row 6: it has 4 cells but the header has 3: a value may hold an unquoted delimiter',
    ]);
    expect(run.counts).toMatchObject({ blankLines: 1, accepted: 1 });
  });

  it('a wide row with a bad time is one bad row, not one per series column; a bad value names its column', () => {
    const text = `Time;API 5xx rate;Login success\nsoon;1;2\n${live2(1)};x;99\n`;
    const run = importText(text, { layout: 'wide', fields: { time: { column: 0 } }, wideColumns: [1, 2] });
    expect(bad(run)).toEqual([
      "Row 2: Time: 'soon' is not a time this import can read: write it like 2026-11-20T14:05:00Z or 2026-11-20 14:05",
      "Row 3, column API 5xx rate: Value: 'x' is not a number",
    ]);
  });

  it('series nobody decided about; readings outside every wave, in the future, or already recorded', () => {
    const text = [
      'Series;Time;Value',
      `cpu{host=a};${live2(1)};1`,
      `API 5xx rate;${iso(T0 - HOUR)};1`,
      `API 5xx rate;${iso(T0 + 25 * HOUR)};1`,
      `API 5xx rate;${iso(NOW + 6 * 60_000)};1`,
      `API 5xx rate;${EXISTING.at};0.9`,
      `API 5xx rate;${iso(NOW + 4 * 60_000)};1`,
    ].join('\n');
    expect(bad(importText(text, LONG))).toEqual([
      "Row 2: series 'cpu{host=a}' matches no metric: map it to a metric, create one, or leave it out",
      'Row 3: 2026-11-18 11:00:00 UTC is before any wave went live (the first, Wave 1, at 2026-11-18 12:00:00 UTC)',
      'Row 4: no wave was live at 2026-11-19 13:00:00 UTC, so this reading belongs to none',
      'Row 5: 2026-11-20 14:06:00 UTC is in the future',
      'Row 6: API 5xx rate already has a reading at 2026-11-19 18:00:00 UTC in Wave 2 (0.4, by Jun Park)',
    ]);
  });

  it('a reading given twice in the file is a bad row, or left out and counted when the user says so', () => {
    const text = `Series;Time;Value\nAPI 5xx rate;${live2(1)};1\nLogin success;${live2(1)};98\nAPI 5xx rate;${live2(1)};2\n`;
    expect(bad(importText(text, LONG))).toEqual([
      'Row 4: row 2 already gives API 5xx rate at 2026-11-19 14:01:00 UTC in Wave 2',
    ]);
    const kept = importText(text, { ...LONG, repeats: 'keep-first' });
    expect(kept.bad).toEqual([]);
    expect(kept.items.map((i) => i.value)).toEqual([1, 98]);
    expect(kept.counts.skipped).toEqual([{ why: 'repeated in the file (the first was kept)', count: 1 }]);
  });

  it('a chosen wave must have been live at each reading’s time', () => {
    const text = `Series;Time;Value\nAPI 5xx rate;${iso(T0 + HOUR)};1\nAPI 5xx rate;${live2(1)};1\n`;
    const run = importText(text, { ...LONG, options: { wave: 'wave-1' } });
    expect(bad(run)).toEqual([
      'Row 3: 2026-11-19 14:01:00 UTC is after Wave 1 was promoted (2026-11-19 12:00:00 UTC)',
    ]);
    expect(bad(importText(text, { ...LONG, options: { wave: 'wave-3' } }))[0]).toBe(
      'Row 2: Wave 3 has not gone live, so it takes no readings yet',
    );
  });

  it('two waves live at once: a reading by time belongs to neither until the user picks one', () => {
    const overlapping = WAVES.map((w) =>
      w.id === 'wave-3' ? { ...w, state: 'live' as const, startedAt: iso(T0 + 27 * HOUR) } : w,
    );
    const text = `Series;Time;Value\nAPI 5xx rate;${iso(T0 + 28 * HOUR)};1\n`;
    expect(bad(importText(text, LONG, context([], overlapping)))).toEqual([
      'Row 2: Wave 2 and Wave 3 were both live at 2026-11-19 16:00:00 UTC: choose the wave these readings belong to',
    ]);
    expect(importText(text, { ...LONG, options: { wave: 'wave-3' } }, context([], overlapping)).bad).toEqual(
      [],
    );
  });
});

describe('series the user decides about', () => {
  const text = `Series;Time;Value\ncpu;${live2(1)};1\ndisk;${live2(1)};2\nAPI 5xx rate;${live2(1)};3\n`;

  it('are mapped to a metric, made a new metric, or left out (and counted)', () => {
    const run = importText(text, {
      ...LONG,
      matches: [
        { value: 'cpu', choice: { to: 'existing', id: 'm-login', name: 'Login success' } },
        { value: 'disk', choice: { to: 'new', id: 'm-disk', name: 'Disk use', unit: '%' } },
        { value: 'API 5xx rate', choice: { to: 'skip' } },
      ],
    });
    expect(run.bad).toEqual([]);
    expect(run.items.map((i) => [i.metricId, i.value])).toEqual([
      ['m-login', 1],
      ['m-disk', 2],
    ]);
    expect(run.counts.skipped).toEqual([{ why: "series 'API 5xx rate', by your choice", count: 1 }]);
    expect(run.preview[1]?.shown).toMatchObject({ metric: 'Disk use (new)', value: '2%' });
  });

  it('a new metric may not take the name of one that exists', () => {
    const run = importText(text, {
      ...LONG,
      matches: [{ value: 'cpu', choice: { to: 'new', id: 'm-x', name: 'login success', unit: '' } }],
    });
    expect(bad(run)[0]).toBe(
      "Row 2: series 'cpu' would become a new metric named 'login success', but one exists: map the series to it",
    );
  });

  it('a remembered choice finds its metric by name when this workbook has other ids', () => {
    const run = importText(text, {
      ...LONG,
      matches: [
        { value: 'cpu', choice: { to: 'existing', id: 'm-from-another-workbook', name: 'Login success' } },
        { value: 'disk', choice: { to: 'skip' } },
      ],
    });
    expect(run.bad).toEqual([]);
    expect(run.items.map((i) => i.metricId)).toEqual(['m-login', 'm-5xx']);
  });
});

describe('the mapping itself', () => {
  it('says what is missing before reading a single row', () => {
    const run = importText(`a;b;c\nx;${live2(1)};1\n`, {
      layout: 'long',
      fields: { series: { column: 0 }, time: null, value: { column: 9 } },
    });
    expect(run.problems).toEqual(['Choose the column that holds time.', 'Value: the file has no column 10.']);
    expect(run.items).toEqual([]);
    expect(importText('a;b\n', { ...LONG, zone: 'Mars/Olympus' }).problems).toContain(
      "'Mars/Olympus' is not a time zone this computer knows.",
    );
  });

  it('builds one command carrying every accepted reading and the metrics it creates', () => {
    const text = `Series;Time;Value\ndisk;${live2(1)};2\n`;
    const mapping = {
      ...LONG,
      source: ' Grafana: disks ',
      matches: [{ value: 'disk', choice: { to: 'new' as const, id: 'm-disk', name: 'Disk use', unit: '%' } }],
    };
    const run = importText(text, mapping);
    const command = readingsKind.command(
      run.items,
      { ...blankMapping(readingsKind, ';', 'UTC'), ...mapping },
      {
        id: 'imp-1',
        fileName: 'disks.csv',
      },
    );
    expect(command).toEqual({
      type: 'wave.readings-import',
      id: 'imp-1',
      fileName: 'disks.csv',
      source: 'Grafana: disks',
      waveId: '',
      metrics: [
        {
          id: 'm-disk',
          name: 'Disk use',
          unit: '%',
          kind: 'service',
          source: 'Grafana: disks',
          staleAfterMinutes: 60,
          guardrailId: '',
        },
      ],
      readings: [{ row: 2, metricId: 'm-disk', at: live2(1), value: 2 }],
    });
  });
});
