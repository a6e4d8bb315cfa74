import type { Patch, PatchPath } from './patches';

// An import adds its items at the end of one list (one 'append' patch, or a long run of 'add's
// from older files' redo history and other commands), and taking it back removes them from the
// end again. immer applies patches one at a time through a draft, deep-copying each value: half
// a second for 100,000 readings, on the host and again in every window. An append, or a long
// run of appends to (or removals from) the end of one array, is applied here in one step
// instead, with the same result: new arrays and containers along the path, frozen like every
// state immer makes, the rest shared. Everything else still goes through immer.

/** Shorter runs are left to immer: not worth a second path. */
const RUN = 32;

type Apply = <T extends object>(base: T, patches: Patch[]) => T;

export function applyInRuns<T extends object>(base: T, patches: readonly Patch[], immer: Apply): T {
  if (patches.length < RUN && !patches.some((p) => p.op === 'append')) return immer(base, patches as Patch[]);
  let state = base;
  let pending = 0;
  let i = 0;
  while (i < patches.length) {
    if (patches[i]!.op === 'append') {
      if (pending < i) state = immer(state, patches.slice(pending, i));
      state = applyAppend(state, patches[i]!);
      pending = ++i;
      continue;
    }
    const end = runEnd(patches, i);
    if (end - i < RUN) {
      i = end;
      continue;
    }
    if (pending < i) state = immer(state, patches.slice(pending, i));
    const done = applyRun(state, patches, i, end);
    state = done ?? immer(state, patches.slice(i, end));
    pending = end;
    i = end;
  }
  return pending < patches.length ? immer(state, patches.slice(pending)) : state;
}

/** An 'append': its items at the end of the list at its path. Anything else there is refused. */
function applyAppend<T extends object>(state: T, patch: Patch): T {
  const list = listAt(state, patch.path);
  if (!list || !Array.isArray(patch.value)) {
    throw new Error(
      `Cannot append at ${patch.path.join('.')}: it is not a list, or nothing to append was given`,
    );
  }
  const next = list.slice();
  for (const item of patch.value) next.push(deepFreeze(item));
  return setIn(state, patch.path, 0, Object.freeze(next)) as T;
}

const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

/** Where the run starting at `i` ends: adds at rising indices, or removes at falling ones, of one array. */
function runEnd(patches: readonly Patch[], i: number): number {
  const first = patches[i]!;
  const index = first.path.at(-1);
  if ((first.op !== 'add' && first.op !== 'remove') || typeof index !== 'number') return i + 1;
  const step = first.op === 'add' ? 1 : -1;
  let j = i + 1;
  while (j < patches.length) {
    const p = patches[j]!;
    if (p.op !== first.op || p.path.length !== first.path.length || p.path.at(-1) !== index + (j - i) * step)
      break;
    if (!sameParent(p.path, first.path)) break;
    j++;
  }
  return j;
}

function sameParent(a: PatchPath, b: PatchPath): boolean {
  for (let k = 0; k < a.length - 1; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** Applies the run [i, end) when it sits at the end of its array; null when it does not. */
function applyRun<T extends object>(state: T, patches: readonly Patch[], i: number, end: number): T | null {
  const first = patches[i]!;
  const parent = first.path.slice(0, -1);
  const list = listAt(state, parent);
  if (!list) return null;
  const index = first.path.at(-1) as number;
  let next: unknown[];
  if (first.op === 'add') {
    if (index !== list.length) return null;
    next = list.slice();
    for (let k = i; k < end; k++) next.push(deepFreeze(patches[k]!.value));
  } else {
    const count = end - i;
    if (index !== list.length - 1 || count > list.length) return null;
    next = list.slice(0, list.length - count);
  }
  return setIn(state, parent, 0, Object.freeze(next)) as T;
}

/** The list at `path`, or null if there is none there (or the path goes through a prototype key). */
function listAt(state: unknown, path: PatchPath): unknown[] | null {
  if (path.some((k) => typeof k === 'string' && UNSAFE.has(k))) return null;
  const list = getIn(state, path);
  return Array.isArray(list) ? list : null;
}

function getIn(node: unknown, path: PatchPath): unknown {
  let at = node;
  for (const key of path) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

function setIn(node: unknown, path: PatchPath, k: number, value: unknown): unknown {
  if (k === path.length) return value;
  const key = path[k]!;
  const child = setIn((node as Record<string | number, unknown>)[key], path, k + 1, value);
  const copy = (Array.isArray(node) ? node.slice() : { ...(node as object) }) as Record<
    string | number,
    unknown
  >;
  copy[key] = child;
  return Object.freeze(copy);
}

/**
 * Freezes a JSON value and everything in it, as immer freezes what it makes. Hand-written:
 * immer's own freeze() took half as long again on 100,000 imported records.
 */
export function deepFreeze<V>(value: V): V {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  // Walked in place rather than through Object.values, which made an array per record: three
  // times as long over 100,000 records. JSON values inherit no enumerable keys, so for-in sees
  // exactly their own.
  if (Array.isArray(value)) for (const v of value) deepFreeze(v);
  else {
    for (const key in value) {
      const v = (value as Record<string, unknown>)[key];
      if (typeof v === 'object' && v !== null) deepFreeze(v);
    }
  }
  return Object.freeze(value);
}
