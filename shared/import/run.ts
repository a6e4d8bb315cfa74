import { isBlank, parseChoice, parseNumber, parseTime } from './cells';
import type { ParsedCsv } from './csv';
import { mappingProblems, recordsOf } from './layout';
import { resolveMatch } from './match';
import type { BadRow, ImportKind, Mapping, MatchChoice, ParsedRecord, RawRecord } from './types';
import { isZone, ZoneClock } from './zones';

// One pass of a file through a mapping: every record parsed and checked, every bad row kept
// with its number and reason, blanks and the user's own leave-outs counted, the first records
// kept for the preview, and the accepted items ready to become one command. Pure: the parsing
// worker runs it on each change of the mapping, the tests run it directly.

export const PREVIEW_ROWS = 20;

export interface PreviewRow {
  row: number;
  column?: string;
  /** The cells as the file wrote them, by field. */
  raw: Record<string, string>;
  /** The parsed values as they will be imported (null when the record is not imported). */
  shown: Record<string, string> | null;
  /** Why it is not imported: a bad row's reason, "empty", or a leave-out. */
  note: string;
  status: 'ok' | 'bad' | 'empty' | 'skip';
}

export interface MatchValue {
  value: string;
  /** Records carrying it. */
  count: number;
  /** What it becomes: the user's choice, else a metric of the same name, else null (unhandled). */
  choice: MatchChoice | null;
  /** True when the choice is the automatic same-name match, not the user's. */
  auto: boolean;
}

export interface ImportRun<Item = unknown> {
  /** Choices still missing in the mapping; when any, nothing else was computed. */
  problems: string[];
  items: Item[];
  bad: BadRow[];
  counts: {
    /** Data rows in the file (blank lines included). */
    rows: number;
    blankLines: number;
    /** Records the rows gave (a wide row gives one per series column). */
    records: number;
    /** Records with a blank value: nothing measured, so nothing imported. */
    empty: number;
    /** Records the user chose to leave out, by why. */
    skipped: { why: string; count: number }[];
    accepted: number;
  };
  preview: PreviewRow[];
  matchValues: MatchValue[];
}

export function runImport<Ctx, Item>(
  kind: ImportKind<unknown, Ctx, Item>,
  csv: ParsedCsv,
  mapping: Mapping,
  ctx: Ctx,
): ImportRun<Item> {
  const run: ImportRun<Item> = {
    problems: mappingProblems(kind, mapping, csv.header),
    items: [],
    bad: [],
    counts: { rows: csv.rows.length, blankLines: 0, records: 0, empty: 0, skipped: [], accepted: 0 },
    preview: [],
    matchValues: [],
  };
  if (!isZone(mapping.zone)) run.problems.push(`'${mapping.zone}' is not a time zone this computer knows.`);
  if (run.problems.length > 0) return run;

  const clock = new ZoneClock(mapping.zone);
  const checker = kind.checker(ctx, mapping);
  const skipped = new Map<string, number>();
  const matchCounts = new Map<string, number>();
  const out = { bad: run.bad, blankLines: 0, skipRows: new Set(csv.problems.map((p) => p.row)) };
  run.bad.push(...csv.problems);
  const show = (p: PreviewRow) => {
    if (run.preview.length < PREVIEW_ROWS) run.preview.push(p);
  };

  for (const raw of recordsOf(kind, mapping, csv.header, csv.rows, out)) {
    run.counts.records++;
    const base = { row: raw.row, ...(raw.column === undefined ? {} : { column: raw.column }), raw: raw.text };
    if (kind.match) {
      const value = (raw.text[kind.match.field] ?? '').trim();
      matchCounts.set(value, (matchCounts.get(value) ?? 0) + 1);
    }
    const parsed = parseRecord(kind, raw, clock);
    if (parsed === 'empty') {
      run.counts.empty++;
      show({ ...base, shown: null, note: 'empty: no value, so nothing to import', status: 'empty' });
      continue;
    }
    if ('reason' in parsed) {
      // A wide row's own fields (its time) fail once for the row, not once per series column.
      const own =
        raw.column === undefined || !kind.wide || ![kind.wide.name, kind.wide.value].includes(parsed.field);
      const bad = own
        ? { row: raw.row, reason: parsed.reason }
        : { ...withColumn(raw), reason: parsed.reason };
      const last = run.bad.at(-1);
      if (!(own && last?.row === bad.row && last.reason === bad.reason && last.column === undefined))
        run.bad.push(bad);
      show({ ...base, shown: null, note: parsed.reason, status: 'bad' });
      continue;
    }
    const verdict = checker.check(parsed);
    if (verdict.ok === true) {
      run.items.push(verdict.item);
      show({ ...base, shown: verdict.shown, note: '', status: 'ok' });
    } else if (verdict.ok === 'skip') {
      skipped.set(verdict.why, (skipped.get(verdict.why) ?? 0) + 1);
      show({ ...base, shown: null, note: verdict.why, status: 'skip' });
    } else {
      run.bad.push({ ...withColumn(raw), reason: verdict.reason });
      show({ ...base, shown: null, note: verdict.reason, status: 'bad' });
    }
  }
  run.counts.blankLines = out.blankLines;
  run.counts.accepted = run.items.length;
  run.counts.skipped = [...skipped].map(([why, count]) => ({ why, count }));
  // Rows come in order; problems the CSV parser found are merged in by their row number.
  run.bad.sort((a, b) => a.row - b.row);
  if (kind.match) {
    const spec = kind.match;
    run.matchValues = [...matchCounts].map(([value, count]) => {
      const resolved = resolveMatch(spec, ctx, mapping, value);
      return { value, count, choice: resolved.choice, auto: resolved.auto };
    });
  }
  if (run.items.length > kind.maxItems) {
    run.problems.push(
      `This file gives ${run.items.length.toLocaleString('en-US')} ${kind.nouns}; one import takes at most ` +
        `${kind.maxItems.toLocaleString('en-US')}. Export a shorter time range, or split the file.`,
    );
  }
  return run;
}

const withColumn = (raw: RawRecord): Pick<BadRow, 'row' | 'column'> =>
  raw.column === undefined ? { row: raw.row } : { row: raw.row, column: raw.column };

/** Each field's text → its typed value; the first failing field gives the reason. */
export function parseRecord(
  kind: ImportKind,
  raw: RawRecord,
  clock: ZoneClock,
): ParsedRecord | 'empty' | { reason: string; field: string } {
  const values: Record<string, number | string | null> = {};
  let zoned = false;
  for (const field of kind.fields) {
    const text = raw.text[field.key];
    if (text === undefined || isBlank(text)) {
      if (text !== undefined && field.blankMeansNone) return 'empty';
      if (field.required) return { reason: `${field.label} is empty`, field: field.key };
      values[field.key] = null;
      continue;
    }
    switch (field.type) {
      case 'text':
        values[field.key] = text.trim();
        break;
      case 'number': {
        const n = parseNumber(text);
        if (!n.ok) return { reason: `${field.label}: ${n.reason}`, field: field.key };
        values[field.key] = n.value;
        break;
      }
      case 'time': {
        const t = parseTime(text, clock);
        if (!t.ok) return { reason: `${field.label}: ${t.reason}`, field: field.key };
        values[field.key] = t.value.at;
        zoned ||= t.value.zoned;
        break;
      }
      case 'choice': {
        const c = parseChoice(text, field.choices ?? []);
        if (!c.ok) return { reason: `${field.label}: ${c.reason}`, field: field.key };
        values[field.key] = c.value;
        break;
      }
    }
  }
  return { row: raw.row, ...(raw.column === undefined ? {} : { column: raw.column }), values, zoned };
}

/** "Row 12, column 1024: …", as every list of bad rows writes one. */
export function describeBadRow(bad: BadRow): string {
  return `Row ${bad.row}${bad.column === undefined ? '' : `, column ${bad.column}`}: ${bad.reason}`;
}
