// RFC 8785 canonical JSON, fast enough for a 10 MB plan on every change. Values are copied with
// every object's keys in sorted order (UTF-16 code units) and the engine's own JSON.stringify
// writes the copies, whose number and string forms are RFC 8785's. Two cases the engine would get
// wrong are caught: an integer-like key ("10"), which JavaScript always lists first, sends that
// value to a plain recursive writer instead; NaN, infinities and lone surrogates are refused, as
// RFC 8785 says. The output is held to the `canonicalize` package's by fast-check in unit tests.
//
// A plan's bulk is a few long lists of records. The outer levels (the value, its sections, their
// lists) are written piece by piece, and a long list 256 records at a time: each group's copies
// die young instead of all living until one huge stringify ends, and the text of a group of
// frozen records is remembered. Immer freezes every state deeply and reuses what an edit did not
// touch, so after an edit only the group holding the changed record is written again.

type Obj = Record<string, unknown>;

/**
 * Sets a key on a copy. A "__proto__" key (valid JSON, and what a hand-edited or hostile file may
 * hold) would set a plain object's prototype if assigned, so it is defined as an own key. Copies
 * stay plain objects rather than null-prototype ones: V8 keeps those in its slow dictionary form,
 * which made the 10 MB plan's hash take 1.7 times as long.
 */
export function setOwn(out: Obj, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  } else out[key] = value;
}

/** Keys an engine may list before all others, whatever their order: array-index-like ones. */
const INDEX_LIKE = /^(?:0|[1-9]\d*)$/;
const UNSORTABLE = new Error('an integer-like key');

function checked(value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new Error(`${value} is not allowed in JSON`);
  if (typeof value === 'string' && !value.isWellFormed()) throw new Error('Lone surrogate is not allowed');
  return value;
}

const absent = (v: unknown) => v === undefined || typeof v === 'symbol' || typeof v === 'function';

// The records of a list share their keys, in the same order: the last key list and its sorted
// order are kept, so a run of like records sorts once (a fifth off a cold 10 MB plan). Neither
// array is changed after it is made, so a nested record replacing them mid-loop is harmless.
let lastKeys: readonly string[] = [];
let lastSorted: readonly string[] = [];

function sortedKeys(o: Obj): readonly string[] {
  const keys = Object.keys(o);
  if (keys.length === lastKeys.length && keys.every((k, i) => k === lastKeys[i])) return lastSorted;
  lastKeys = keys;
  lastSorted = keys.slice().sort();
  return lastSorted;
}

function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return checked(value);
  if (Array.isArray(value)) {
    // An array already canonical (a list of names) is used as it is: only an element that
    // changes starts a copy, which spares the collector a list per record.
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const c = absent(v) ? null : sortedCopy(v);
      if (out === null && c !== v) out = value.slice(0, i);
      if (out !== null) out.push(c);
    }
    return out ?? value;
  }
  const o = value as Obj;
  const out: Obj = {};
  for (const key of sortedKeys(o)) {
    const v = o[key];
    if (absent(v)) continue;
    // Most keys start with a letter; only a leading digit is worth the pattern's time.
    const first = key.charCodeAt(0);
    if (first >= 48 && first <= 57 && INDEX_LIKE.test(key)) throw UNSORTABLE;
    setOwn(out, checked(key) as string, sortedCopy(v));
  }
  return out;
}

/** The plain recursive writer, for values with integer-like keys. */
function written(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(checked(value)) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => written(absent(v) ? null : v)).join(',')}]`;
  const o = value as Obj;
  const parts: string[] = [];
  for (const key of Object.keys(o).sort()) {
    if (!absent(o[key])) parts.push(`${JSON.stringify(checked(key))}:${written(o[key])}`);
  }
  return `{${parts.join(',')}}`;
}

function copiedText(value: unknown): string {
  try {
    return JSON.stringify(sortedCopy(value)) ?? 'null';
  } catch (error) {
    if (error === UNSORTABLE) return written(value);
    throw error;
  }
}

/** Lists this long are written a group at a time; shorter ones are copied whole. */
const LONG = 64;
const GROUP = 256;
/** A group's text, keyed by its first record and kept with the records it was written from. */
const groups = new WeakMap<object, { items: readonly unknown[]; text: string }>();
/** Texts of frozen outer values (a section, a long list). */
const texts = new WeakMap<object, string>();

const frozen = (v: unknown) => v === null || typeof v !== 'object' || Object.isFrozen(v);

/** Records `from`..`from + GROUP` of `list`, as the text between a JSON array's brackets. */
function groupText(list: readonly unknown[], from: number): string {
  const end = Math.min(from + GROUP, list.length);
  const head = list[from];
  const key = typeof head === 'object' && head !== null ? head : null;
  const known = key ? groups.get(key) : undefined;
  if (known && known.items.length === end - from && known.items.every((x, i) => x === list[from + i]))
    return known.text;
  const items = list.slice(from, end);
  const text = copiedText(items).slice(1, -1);
  if (key && items.every(frozen)) groups.set(key, { items, text });
  return text;
}

// Texts are built with + rather than join: V8 keeps the pieces as a rope and copies them once,
// when the whole text is hashed, where a join at every level would copy megabytes each time.
function outline(value: unknown, depth: number): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(checked(value)) ?? 'null';
  const keep = Object.isFrozen(value);
  const known = keep ? texts.get(value) : undefined;
  if (known !== undefined) return known;
  let text: string;
  if (Array.isArray(value)) {
    if (value.length < LONG) text = copiedText(value);
    else {
      text = '[';
      for (let i = 0; i < value.length; i += GROUP) text += (i === 0 ? '' : ',') + groupText(value, i);
      text += ']';
    }
  } else if (depth >= 2) text = copiedText(value);
  else {
    // The value and its sections: written here, key by key, in sorted order.
    const o = value as Obj;
    let first = true;
    text = '{';
    for (const key of Object.keys(o).sort()) {
      const v = o[key];
      if (absent(v)) continue;
      text += `${first ? '' : ','}${JSON.stringify(checked(key))}:${outline(v, depth + 1)}`;
      first = false;
    }
    text += '}';
  }
  if (keep) texts.set(value, text);
  return text;
}

/** RFC 8785 canonical JSON of any JSON value; throws on what RFC 8785 refuses. */
export function canonicalJson(value: unknown): string {
  return outline(value, 0);
}
