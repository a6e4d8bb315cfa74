import { isBlank, parseChoice, parseNumber, parseTime } from './cells';
import type { Delimiter } from './csv';
import type { BadRow, FieldDef, FieldSource, ImportKind, Layout, Mapping, RawRecord } from './types';
import { UTC, ZoneClock } from './zones';

// Layouts: how the rows of a file become records of a kind. The first guess looks at the
// header and the first rows (which column reads as times, which as numbers, which header names
// a field); the user confirms or changes it, and every choice is checked before any row is read.

const SAMPLE = 50;

interface Profile {
  time: number;
  number: number;
  /** Share of non-blank cells, so a sparse column still reads as numbers. */
  filled: number;
}

function profile(rows: readonly string[][], column: number, clock: ZoneClock): Profile {
  let time = 0;
  let number = 0;
  let filled = 0;
  for (const row of rows.slice(0, SAMPLE)) {
    const cell = row[column] ?? '';
    if (isBlank(cell)) continue;
    filled++;
    if (parseTime(cell, clock).ok) time++;
    else if (parseNumber(cell).ok) number++;
  }
  const of = Math.max(1, filled);
  return { time: time / of, number: number / of, filled };
}

const hinted = (field: FieldDef, header: string) => {
  const h = header.toLowerCase();
  return field.hints.some((hint) => h === hint || h.includes(hint));
};

export function blankMapping(kind: ImportKind, delimiter: Delimiter, zone: string): Mapping {
  return {
    layout: kind.layouts[0] ?? 'table',
    delimiter,
    zone,
    fields: Object.fromEntries(kind.fields.map((f) => [f.key, null])),
    wideColumns: [],
    repeats: 'refuse',
    matches: [],
    options: {},
    source: '',
  };
}

/** A first guess at the mapping, from the header and the first rows. */
export function guessMapping(
  kind: ImportKind,
  header: readonly string[],
  rows: readonly string[][],
  delimiter: Delimiter,
  zone: string,
): Mapping {
  const base = blankMapping(kind, delimiter, zone);
  const clock = new ZoneClock(UTC);
  const profiles = header.map((_, c) => profile(rows, c, clock));
  const isTime = (c: number) => profiles[c]!.time >= 0.8;
  const isNumber = (c: number) => profiles[c]!.filled === 0 || profiles[c]!.number >= 0.8;
  const timeField = kind.fields.find((f) => f.type === 'time');
  const timeColumns = header.map((_, c) => c).filter(isTime);
  const timeColumn =
    timeColumns.find((c) => timeField && hinted(timeField, header[c]!)) ?? timeColumns[0] ?? -1;

  if (kind.wide && kind.layouts.includes('wide') && timeField && timeColumn >= 0) {
    const others = header.map((_, c) => c).filter((c) => c !== timeColumn);
    if (others.length > 0 && others.every(isNumber)) {
      return {
        ...base,
        layout: 'wide',
        fields: { ...base.fields, [timeField.key]: { column: timeColumn } },
        wideColumns: others,
      };
    }
  }

  // long or table: give each field the best unused column that reads as its type.
  const used = new Set<number>();
  const fields: Record<string, FieldSource | null> = { ...base.fields };
  const order = [...kind.fields].sort((a, b) => rank(a) - rank(b));
  for (const field of order) {
    let best = -1;
    let bestScore = 0;
    for (let c = 0; c < header.length; c++) {
      if (used.has(c)) continue;
      // An optional field is guessed only from a header that names it: a version or a commit
      // column is never filled from whatever text column is left over.
      if (!field.required && !hinted(field, header[c]!)) continue;
      const p = profiles[c]!;
      const fit =
        field.type === 'time'
          ? p.time
          : field.type === 'number'
            ? p.number
            : field.type === 'choice'
              ? choiceFit(rows, c, field)
              : 1 - Math.max(p.time, p.number);
      if (fit < 0.8) continue;
      // A header naming the field wins; among equals the later number column (values tend to
      // come after ids and counts), the earlier text column.
      const score =
        fit + (hinted(field, header[c]!) ? 2 : 0) + (field.type === 'number' ? c / 1000 : -c / 1000);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (best >= 0) {
      used.add(best);
      fields[field.key] = { column: best };
    }
  }
  // No column names the series: every row is one series, named after the value column.
  if (kind.wide && !fields[kind.wide.name]) {
    const value = fields[kind.wide.value];
    if (value && 'column' in value) fields[kind.wide.name] = { fixed: header[value.column] ?? '' };
  }
  const allColumns = kind.fields.every((f) => !f.required || (fields[f.key] && 'column' in fields[f.key]!));
  const layout: Layout =
    kind.layouts.includes('long') && header.length === kind.fields.length && allColumns ? 'long' : 'table';
  return { ...base, layout: kind.layouts.includes(layout) ? layout : base.layout, fields };
}

/** Time first, then numbers, then text: the columns easiest to recognise are taken first. */
const rank = (f: FieldDef) => ({ time: 0, number: 1, choice: 2, text: 3 })[f.type];

function choiceFit(rows: readonly string[][], column: number, field: FieldDef): number {
  const sample = rows.slice(0, SAMPLE).map((r) => r[column] ?? '');
  if (sample.length === 0) return 0;
  return sample.filter((cell) => parseChoice(cell, field.choices ?? []).ok).length / sample.length;
}

/** What must be chosen before a single row can be read, one sentence each. Empty: ready. */
export function mappingProblems(kind: ImportKind, mapping: Mapping, header: readonly string[]): string[] {
  const problems: string[] = [];
  if (!kind.layouts.includes(mapping.layout)) {
    problems.push(`This import takes ${kind.layouts.join(', ')} layouts, not ${mapping.layout}.`);
  }
  const pivot = mapping.layout === 'wide' && kind.wide ? [kind.wide.name, kind.wide.value] : [];
  for (const field of kind.fields) {
    if (pivot.includes(field.key)) continue;
    const source = mapping.fields[field.key];
    if (!source) {
      if (field.required) problems.push(`Choose the column that holds ${field.label.toLowerCase()}.`);
      continue;
    }
    if ('column' in source && (source.column < 0 || source.column >= header.length)) {
      problems.push(`${field.label}: the file has no column ${source.column + 1}.`);
    }
    if ('fixed' in source && field.required && !source.fixed.trim()) {
      problems.push(`${field.label}: give the text every row should have.`);
    }
    if (mapping.layout === 'long' && 'fixed' in source) {
      problems.push(
        `${field.label}: a long layout takes every field from a column; use a table layout instead.`,
      );
    }
  }
  if (mapping.layout === 'wide') {
    if (mapping.wideColumns.length === 0)
      problems.push(`Choose at least one column that holds a ${kind.wide?.name ?? 'series'}.`);
    const taken = new Set(
      Object.values(mapping.fields).flatMap((s) => (s && 'column' in s ? [s.column] : [])),
    );
    for (const c of mapping.wideColumns) {
      if (c < 0 || c >= header.length) problems.push(`The file has no column ${c + 1}.`);
      else if (taken.has(c)) problems.push(`Column ${header[c]} cannot be both a field and a series.`);
    }
  }
  return problems;
}

/** Columns a row must have for this mapping. */
function neededColumns(mapping: Mapping): number[] {
  const fromFields = Object.values(mapping.fields).flatMap((s) => (s && 'column' in s ? [s.column] : []));
  return mapping.layout === 'wide' ? [...fromFields, ...mapping.wideColumns] : fromFields;
}

/**
 * The records in `rows` under `mapping`. Rows that cannot give records at all (too many or too
 * few cells) go to `bad`; blank lines are counted in `blankLines`.
 */
export function* recordsOf(
  kind: ImportKind,
  mapping: Mapping,
  header: readonly string[],
  rows: readonly string[][],
  out: { bad: BadRow[]; blankLines: number; skipRows: ReadonlySet<number> },
): Generator<RawRecord> {
  const need = Math.max(-1, ...neededColumns(mapping));
  const sources = Object.entries(mapping.fields).filter(
    (e): e is [string, FieldSource] =>
      e[1] !== null &&
      !(mapping.layout === 'wide' && kind.wide && [kind.wide.name, kind.wide.value].includes(e[0])),
  );
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const number = i + 2;
    if (row.every((cell) => cell.trim() === '')) {
      out.blankLines++;
      continue;
    }
    if (out.skipRows.has(number)) continue;
    if (row.length > header.length) {
      out.bad.push({
        row: number,
        reason: `it has ${row.length} cells but the header has ${header.length}: a value may hold an unquoted delimiter`,
      });
      continue;
    }
    if (need >= row.length) {
      out.bad.push({
        row: number,
        reason: `it has only ${row.length} cell${row.length === 1 ? '' : 's'}; column ${describeColumn(header, need)} is missing`,
      });
      continue;
    }
    const text: Record<string, string> = {};
    for (const [key, source] of sources) text[key] = 'column' in source ? row[source.column]! : source.fixed;
    if (mapping.layout !== 'wide' || !kind.wide) {
      yield { row: number, text };
      continue;
    }
    for (const c of mapping.wideColumns) {
      yield {
        row: number,
        column: header[c]!,
        text: { ...text, [kind.wide.name]: header[c]!, [kind.wide.value]: row[c]! },
      };
    }
  }
}

export function describeColumn(header: readonly string[], column: number): string {
  const name = header[column];
  return name ? `${column + 1} (${name})` : `${column + 1}`;
}
