// What a CAB decision is about: the plan, as canonical JSON (RFC 8785), whose SHA-256 each
// decision keeps. The hashing itself happens where the runtime has it (node:crypto in the host,
// Web Crypto in windows); choosing the content and writing it canonically happens here, once.
//
// Left out, because they are not the plan a reviewer approves:
// - save metadata (schemaVersion, revision, updatedAt) and the audit log: they change on every
//   save whatever changed;
// - the CAB's own decisions, quorum and kept versions: deciding must not change what was decided on;
// - run records, what the rollout writes while it runs (readings, imports, deployments, a wave's
//   state and moves, scorecard assessments and polls, incidents). An approval covers the plan;
//   if every reading made it "changed since approval", the banner would be on for the whole
//   rollout and people would learn to ignore it. The audit log still records each of them.

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : null;

const SAVE_METADATA = ['schemaVersion', 'revision', 'updatedAt', 'audit'] as const;

/**
 * Whole sections that rehearse or review the plan rather than make it: tabletop drills (their
 * scenarios, runs and corrective actions). A drill run the week before wave 3 must not make the
 * CAB's approval "changed"; and a section added by a later version is then no change either.
 */
const NOT_PLAN = ['drills'] as const;

/** Lists inside a section that record the run rather than define the plan. */
export const RUN_RECORDS: Readonly<Record<string, readonly string[]>> = {
  cab: ['decisions', 'quorum', 'versions'],
  waves: ['readings', 'imports', 'deployments'],
  scorecard: ['assessments', 'polls'],
  runbooks: ['incidents', 'runs', 'timers'],
  pilot: ['startedAt', 'feedback', 'updates'],
  adoption: ['usage', 'frictions'],
};

/** Fields of plan items that the run moves (a wave's state and the story of its moves). */
export const RUN_FIELDS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  waves: { waves: ['state', 'startedAt', 'moves'] },
  pilot: { kpis: ['readings', 'targetChanges'] },
};

/**
 * Sets a key on a copy. A "__proto__" key (valid JSON, and what a hand-edited or hostile file may
 * hold) would set a plain object's prototype if assigned, so it is defined as an own key. Copies
 * stay plain objects rather than null-prototype ones: V8 keeps those in its slow dictionary form,
 * which made the 10 MB plan's hash take 1.7 times as long.
 */
function put(out: Obj, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  } else out[key] = value;
}

const without = (o: Obj, keys: readonly string[]): Obj => {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) if (!keys.includes(k)) put(out, k, v);
  return out;
};

/**
 * The plan inside a workbook (or a workbook file, or raw JSON of one): a new object sharing the
 * workbook's own values, so it costs little and never changes the workbook.
 */
export function reviewedContent(wb: unknown): Obj {
  const doc = obj(wb) ?? {};
  const out = without(doc, [...SAVE_METADATA, ...NOT_PLAN]);
  for (const [section, lists] of Object.entries(RUN_RECORDS)) {
    const s = obj(out[section]);
    if (s) out[section] = without(s, lists);
  }
  for (const [section, lists] of Object.entries(RUN_FIELDS)) {
    const s = obj(out[section]);
    if (!s) continue;
    const next = { ...s };
    for (const [list, fields] of Object.entries(lists)) {
      const items = next[list];
      if (Array.isArray(items)) next[list] = items.map((i) => (obj(i) ? without(i as Obj, fields) : i));
    }
    out[section] = next;
  }
  return out;
}

// RFC 8785 canonical JSON, fast enough for a 10 MB plan on every change: the value is copied
// with every object's keys in sorted order (UTF-16 code units) and the engine's own
// JSON.stringify writes the copy, whose number and string forms are RFC 8785's. Two cases the
// engine would get wrong are caught: an integer-like key ("10"), which JavaScript always lists
// first, sends that value to a plain recursive writer instead; NaN, infinities and lone
// surrogates are refused, as RFC 8785 says. Copies of frozen objects (immer freezes every state
// and reuses unchanged parts) are remembered, so after an edit only the changed path is copied
// again. The output is held to the `canonicalize` package's by fast-check in the unit tests.

/** Keys an engine may list before all others, whatever their order: array-index-like ones. */
const INDEX_LIKE = /^(?:0|[1-9]\d*)$/;
const UNSORTABLE = new Error('an integer-like key');
const copies = new WeakMap<object, unknown>();

function checked(value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new Error(`${value} is not allowed in JSON`);
  if (typeof value === 'string' && !value.isWellFormed()) throw new Error('Lone surrogate is not allowed');
  return value;
}

const absent = (v: unknown) => v === undefined || typeof v === 'symbol' || typeof v === 'function';

function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return checked(value);
  const frozen = Object.isFrozen(value);
  if (frozen) {
    const known = copies.get(value);
    if (known !== undefined) return known;
  }
  let copy: unknown;
  if (Array.isArray(value)) {
    // An array already canonical (strings, numbers, a list of names) is used as it is: only the
    // elements that change make a copy, which spares the collector a list per record.
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const c = absent(v) ? null : sortedCopy(v);
      if (out === null && c !== v) out = value.slice(0, i);
      if (out !== null) out.push(c);
    }
    copy = out ?? value;
  } else {
    const o = value as Obj;
    const out: Obj = {};
    for (const key of Object.keys(o).sort()) {
      const v = o[key];
      if (absent(v)) continue;
      // Most keys start with a letter; only a leading digit is worth the pattern's time.
      const first = key.charCodeAt(0);
      if (first >= 48 && first <= 57 && INDEX_LIKE.test(key)) throw UNSORTABLE;
      put(out, checked(key) as string, sortedCopy(v));
    }
    copy = out;
  }
  if (frozen) copies.set(value, copy);
  return copy;
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

export function canonicalJson(value: unknown): string {
  try {
    return JSON.stringify(sortedCopy(value)) ?? 'null';
  } catch (error) {
    if (error === UNSORTABLE) return written(value);
    throw error;
  }
}

/** RFC 8785 canonical JSON of the plan: the exact text whose SHA-256 a decision keeps. */
export function canonicalContent(wb: unknown): string {
  return canonicalJson(reviewedContent(wb));
}

/** "3f2a9c…e1" → "3f2a9c1b…77e0d4": enough of a hash to compare by eye. */
export const shortHash = (hash: string) =>
  hash.length > 16 ? `${hash.slice(0, 8)}…${hash.slice(-8)}` : hash;
