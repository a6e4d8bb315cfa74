// Web mode's frames are JSON over a local WebSocket, and Chromium moves a large message through
// it at roughly 30–60 ms per megabyte. An import's command and the push that brings its records
// to every window are lists of records that all have the same keys, so most of their bytes are
// those keys, repeated 100,000 times. Packing writes such a list once as a table (its shape,
// then one row of values per record), about half the bytes, and unpacking gives back the same
// JSON value. Everything else is left as it is. Both ends of the web bridge pack what they send
// and unpack what they receive; the Electron bridge clones values and never sees this.

/** First slot of a packed list: [TABLE, shape, others, ...rows]. */
export const TABLE = '\u0000table';
/** First slot of a plain list whose own first value is one of these markers. */
const ESCAPED = '\u0000list';
/** Shorter lists gain too little to be worth a table. */
const MIN_ROWS = 16;
/**
 * Deeper than this, values are left as they are both ways: no workbook value is nearly this
 * deep, and a hostile frame nested a million lists deep must not overflow the stack here.
 */
const MAX_DEPTH = 64;

/**
 * The keys of a record in order; a nested record is [key, its shape]. In a packed table, a
 * column of few distinct strings (a wave, a metric, who imported it) is [key, null, its
 * strings], and its cells are their indices: the string is written once, not on every row.
 */
type Shape = (string | [string, Shape] | [string, null, string[]])[];
/** A shape as packing finds it, before any column is coded. */
type Plain = (string | [string, Plain])[];

/** A packed value that cannot be unpacked: the frame is refused as a whole. */
export class PackError extends Error {}

type Json = unknown;

export function pack(value: Json, depth = 0): Json {
  if (depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    const table = value.length >= MIN_ROWS ? asTable(value, depth) : null;
    if (table) return table;
    const out = value.map((v) => pack(v, depth + 1));
    if (out[0] === TABLE || out[0] === ESCAPED) out.unshift(ESCAPED);
    return out;
  }
  if (isRecord(value)) {
    const out: Record<string, Json> = {};
    for (const key of Object.keys(value)) {
      // JSON.parse makes "__proto__" an own key; assigning it would set the prototype instead.
      if (key === '__proto__') {
        Object.defineProperty(out, key, {
          value: pack(value[key], depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else out[key] = pack(value[key], depth + 1);
    }
    return out;
  }
  return value;
}

/** Reverses `pack` on a freshly parsed value (which it reuses); throws PackError if malformed. */
export function unpack(value: Json, depth = 0): Json {
  if (depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    if (value[0] === TABLE) return fromTable(value, depth);
    const list = value[0] === ESCAPED ? value.slice(1) : value;
    for (let i = 0; i < list.length; i++) list[i] = unpack(list[i], depth + 1);
    return list;
  }
  if (isRecord(value)) {
    for (const key of Object.keys(value)) value[key] = unpack(value[key], depth + 1);
  }
  return value;
}

/** `pack` then JSON: what a web-mode frame carries. */
export const packToText = (value: Json): string => JSON.stringify(pack(value));

/** A value already packed to text, typed by what it unpacks to. */
export type Packed<T> = string & { readonly __packs?: T };

/**
 * For a worker handing over a large command: it packs it to text there, off the page's thread,
 * and the page sends the text as it is instead of cloning 100,000 records and packing them again.
 */
export const packed = <T>(value: T): Packed<T> => packToText(value) as Packed<T>;

function isRecord(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * [TABLE, shape, others, ...rows]: the records of one record's shape as rows, and the
 * items of any other shape in `others` as [index, item] pairs (an import's records, say, and
 * the one record of the import itself). Null when too few records share a shape. Shapes are
 * only compared until one is chosen, and every item is packed once, whatever the outcome: a
 * list that is no table must not have its items packed in vain at every level of nesting.
 */
function asTable(list: readonly Json[], depth: number): Json[] | null {
  // The first item may be the odd one out: then try the middle one's shape.
  const shape = shapeFor(list, list[0]) ?? shapeFor(list, list[list.length >> 1]);
  if (!shape) return null;
  const rows: Json[][] = [];
  const others: Json[] = [];
  list.forEach((item, i) => {
    if (isRecord(item) && fits(item, shape)) rows.push(flatten(item, shape, [], depth + 2));
    else others.push([i, pack(item, depth + 1)]);
  });
  return [TABLE, codeColumns(shape, rows), others, ...rows];
}

/** A column of more distinct strings than this (or than an eighth of its rows) is left as it is. */
const MAX_CODES = 1024;

/**
 * Replaces, in `rows`, the strings of each column that holds few distinct ones by their index
 * in the column's list of strings, and returns the shape saying so.
 */
function codeColumns(shape: Plain, rows: Json[][]): Shape {
  const dicts = new Map<number, string[]>();
  const width = leaves(shape);
  for (let c = 0; c < width; c++) {
    const dict = codeColumn(rows, c);
    if (dict) dicts.set(c, dict);
  }
  if (dicts.size === 0) return shape;
  let c = 0;
  const walk = (s: Plain): Shape =>
    s.map((entry) => {
      if (typeof entry !== 'string') return [entry[0], walk(entry[1])] as [string, Shape];
      const dict = dicts.get(c++);
      return dict ? ([entry, null, dict] as [string, null, string[]]) : entry;
    });
  return walk(shape);
}

function codeColumn(rows: Json[][], c: number): string[] | null {
  const max = Math.min(MAX_CODES, rows.length >> 3);
  const codes = new Map<string, number>();
  for (let r = 0; r < rows.length; r++) {
    const v = rows[r]![c];
    if (typeof v !== 'string') return null;
    if (!codes.has(v)) {
      // Ids and times give up here, after at most MAX_CODES rows.
      if (codes.size >= max) return null;
      codes.set(v, codes.size);
    }
  }
  for (const row of rows) row[c] = codes.get(row[c] as string)!;
  return [...codes.keys()];
}

/** The model's shape, if at least MIN_ROWS records and half the list have it. */
function shapeFor(list: readonly Json[], model: Json): Plain | null {
  const shape = isRecord(model) ? shapeOf(model) : null;
  if (!shape) return null;
  let fit = 0;
  for (const item of list) if (isRecord(item) && fits(item, shape)) fit++;
  return fit >= MIN_ROWS && fit * 2 >= list.length ? shape : null;
}

/** The shape of a record, or null if a value would not survive as a table cell (undefined). */
function shapeOf(record: Record<string, Json>): Plain | null {
  const shape: Plain = [];
  for (const key of Object.keys(record)) {
    const v = record[key];
    if (v === undefined || key === '__proto__') return null;
    if (isRecord(v)) {
      const inner = shapeOf(v);
      if (!inner) return null;
      shape.push([key, inner]);
    } else shape.push(key);
  }
  return shape;
}

/** Whether the record has exactly this shape: the same keys in the same order, nested alike. */
function fits(record: Record<string, Json>, shape: Plain): boolean {
  // for-in walks own keys in Object.keys order (records here have no inherited ones) without
  // making an array of them for each of 100,000 records.
  let i = 0;
  for (const key in record) {
    const s = shape[i++];
    if (s === undefined || key !== (typeof s === 'string' ? s : s[0])) return false;
    const v = record[key];
    if (typeof s === 'string' ? v === undefined || isRecord(v) : !isRecord(v) || !fits(v, s[1])) return false;
  }
  return i === shape.length;
}

/** Appends a fitting record's values to `row` in the shape's order, each packed. */
function flatten(record: Record<string, Json>, shape: Plain, row: Json[], depth: number): Json[] {
  for (const s of shape) {
    if (typeof s === 'string') row.push(pack(record[s], depth));
    else flatten(record[s[0]] as Record<string, Json>, s[1], row, depth + 1);
  }
  return row;
}

function fromTable(value: Json[], depth: number): Json[] {
  const shape = checkShape(value[1]);
  const others = value[2];
  if (!Array.isArray(others)) throw new PackError('a packed list has no list of other items');
  const width = leaves(shape);
  const total = value.length - 3 + others.length;
  const out: Json[] = [];
  let r = 3;
  for (const pair of others) {
    const at = Array.isArray(pair) ? pair[0] : undefined;
    if (!Number.isInteger(at) || (at as number) < out.length || (at as number) >= total) {
      throw new PackError('a packed list places an item outside the list');
    }
    while (out.length < (at as number)) out.push(fromRow(shape, width, value[r++], r - 3, depth));
    out.push(unpack((pair as Json[])[1], depth + 1));
  }
  while (out.length < total) out.push(fromRow(shape, width, value[r++], r - 3, depth));
  return out;
}

function fromRow(shape: Shape, width: number, row: Json, n: number, depth: number): Record<string, Json> {
  if (!Array.isArray(row) || row.length !== width) {
    throw new PackError(`row ${n} of a packed list has the wrong number of values`);
  }
  return build(shape, row, { i: 0 }, depth + 2);
}

function build(shape: Shape, row: Json[], at: { i: number }, depth: number): Record<string, Json> {
  const record: Record<string, Json> = {};
  for (const s of shape) {
    if (typeof s === 'string') record[s] = unpack(row[at.i++], depth);
    else if (s[1] !== null) record[s[0]] = build(s[1], row, at, depth + 1);
    else {
      const code = row[at.i++];
      const value = Number.isInteger(code) ? s[2][code as number] : undefined;
      if (value === undefined) throw new PackError('a packed list has a coded value outside its column');
      record[s[0]] = value;
    }
  }
  return record;
}

function checkShape(shape: Json, depth = 0): Shape {
  if (!Array.isArray(shape) || depth > 32) throw new PackError('a packed list has no valid shape');
  for (const s of shape) {
    const key =
      typeof s === 'string' ? s : Array.isArray(s) && (s.length === 2 || s.length === 3) ? s[0] : null;
    if (typeof key !== 'string' || key === '__proto__')
      throw new PackError('a packed list has no valid shape');
    if (typeof s === 'string') continue;
    if (s.length === 2) checkShape(s[1], depth + 1);
    else if (s[1] !== null || !Array.isArray(s[2]) || !s[2].every((v: Json) => typeof v === 'string'))
      throw new PackError('a packed list has no valid shape');
  }
  return shape as Shape;
}

function leaves(shape: Shape): number {
  let n = 0;
  for (const s of shape) n += typeof s === 'string' || s[1] === null ? 1 : leaves(s[1]);
  return n;
}
