import type { Delimiter } from './csv';

// The one CSV import flow, described by data. An import kind (readings now; deployments,
// incidents, people, feedback later) says which fields it fills and of what type, which layouts
// of a file it accepts, and how checked rows become one area command. Everything else — reading
// the file, mapping columns, parsing cells, time zones, row-numbered reasons, the preview, the
// remembered mapping, the dialog — is shared.

export type FieldType = 'time' | 'number' | 'text' | 'choice';

export interface FieldDef {
  key: string;
  /** As the mapping step names it ("Time", "Value"). */
  label: string;
  type: FieldType;
  required: boolean;
  /** For a choice field: the values it takes (matched ignoring case). */
  choices?: readonly string[];
  /** Words in a column header that suggest this field, lower case ("time", "timestamp"). */
  hints: readonly string[];
  /**
   * A blank cell ("", null, undefined, NaN) here means "nothing measured at this time": the row
   * gives no record, and is counted as empty, not refused. Otherwise a blank required cell is a
   * bad row.
   */
  blankMeansNone?: boolean;
}

/**
 * long: one row per record, every field from its own column (Grafana's Series;Time;Value).
 * wide: a time column and one column per series, the header naming the series.
 * table: any columns mapped to the kind's fields, or a field given one fixed text for every row.
 */
export const LAYOUTS = ['long', 'wide', 'table'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** Where a field's text comes from: a column of the file (0-based), or one text for every row. */
export type FieldSource = { column: number } | { fixed: string };

/** What to do with one value of the kind's matched field (a series name → a metric). */
export type MatchChoice =
  | { to: 'existing'; id: string; name: string }
  | { to: 'new'; id: string; name: string; unit: string }
  | { to: 'skip' };

/** Everything the user chooses about one file; remembered per source. */
export interface Mapping {
  layout: Layout;
  delimiter: Delimiter;
  /** The IANA zone of times written without an offset. */
  zone: string;
  /** long/table: each field's source. wide: the fields other than the two the pivot fills. */
  fields: Record<string, FieldSource | null>;
  /** wide: the columns that each hold one series. */
  wideColumns: number[];
  /** When the file gives the same record twice (same series and time): refuse, or keep the first. */
  repeats: 'refuse' | 'keep-first';
  /**
   * What becomes of each value of the matched field (a series name); unlisted values are matched
   * by name. A list, not an object keyed by value: a series may be called "__proto__".
   */
  matches: { value: string; choice: MatchChoice }[];
  /** Choices of the kind's own (readings: which wave, '' for "the wave live at the time"). */
  options: Record<string, string>;
  /** The name this source is remembered by, and recorded with the import. */
  source: string;
}

/** A row that cannot be imported, and why, in words that name what to fix. */
export interface BadRow {
  /** The file's row number, the header being row 1 (as a spreadsheet shows it). */
  row: number;
  /** The column, for a wide layout's cell or a cell-level reason. */
  column?: string;
  reason: string;
}

/** One record taken from a row: each mapped field's text, before parsing. */
export interface RawRecord {
  row: number;
  /** The column a wide layout's value came from. */
  column?: string;
  text: Record<string, string>;
}

/** One record with its fields parsed (null: a blank in a field where blank means none). */
export interface ParsedRecord {
  row: number;
  column?: string;
  values: Record<string, number | string | null>;
  /** Whether a time field used the chosen zone (it had no offset). */
  zoned: boolean;
}

/** What a kind's checker says of one parsed record. */
export type Verdict<Item> =
  | { ok: true; item: Item; shown: Record<string, string> }
  | { ok: false; reason: string }
  /** Left out by the user's own choice (a series they chose to leave out): counted, not bad. */
  | { ok: 'skip'; why: string };

export interface Checker<Item> {
  check(record: ParsedRecord): Verdict<Item>;
}

export interface MatchSpec<Ctx> {
  /** The field whose values must each be matched (readings: series). */
  field: string;
  /** What the values are ("series") and what they match ("metric"). */
  noun: string;
  target: string;
  /** What a value can be matched to, from the workbook. */
  options(ctx: Ctx): readonly { id: string; name: string }[];
  canCreate: boolean;
  /** Whether a new target is asked for a unit (a metric is; a stakeholder group is not). Default true. */
  unit?: boolean;
}

export interface PreviewColumn {
  key: string;
  label: string;
}

export interface CommandMeta {
  /** The new import's id (waves.imports), stamped on every item as its batch. */
  id: string;
  fileName: string;
}

/**
 * One kind of import. `Slice` is the part of the workbook it checks against, handed to the
 * parsing worker; `Ctx` what it builds from that once per file; `Item` one accepted record.
 */
export interface ImportKind<Slice = unknown, Ctx = unknown, Item = unknown, Cmd = unknown> {
  id: string;
  /** "reading" / "readings", for every sentence the flow writes. */
  noun: string;
  nouns: string;
  fields: readonly FieldDef[];
  layouts: readonly Layout[];
  /** For a wide layout: the field the header fills (series) and the one the cell fills (value). */
  wide?: { name: string; value: string };
  match?: MatchSpec<Ctx>;
  /** Options of its own the mapping step offers (readings: which wave). */
  options?(ctx: Ctx): readonly KindOption[];
  /** Picks what the checks need from the workbook (cheap: references, no copies). */
  slice(wb: unknown): Slice;
  context(slice: Slice, now: number): Ctx;
  checker(ctx: Ctx, mapping: Mapping): Checker<Item>;
  preview: readonly PreviewColumn[];
  /** The one command that carries every accepted item. */
  command(items: readonly Item[], mapping: Mapping, meta: CommandMeta): Cmd;
  /** The largest number of items one import may carry. */
  maxItems: number;
}

export interface KindOption {
  key: string;
  label: string;
  /** Value '' is the default. */
  values: readonly { value: string; label: string }[];
}
