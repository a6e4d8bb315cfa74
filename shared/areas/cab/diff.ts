import { COLLECTIONS } from '../../domain/collections';
import { humanize } from '../../domain/format';
import { jsonEqual } from '../../domain/patches';
import { AREAS } from '../index';

// Two versions of a workbook (or of its plan), section by section, in words a reviewer reads:
// items added, removed or changed (with each changed field's old and new value), and plain
// fields that changed. Works on raw JSON, so it also compares a file from an older version or
// a plan kept from before a migration: nothing here assumes the current schema.

export interface FieldChange {
  /** Dotted path inside the section or item ("change.start", "segment.region"). */
  field: string;
  before: string;
  after: string;
}

export interface ItemChange {
  kind: 'added' | 'removed' | 'changed';
  /** What one item of the list is called ("stop condition"). */
  noun: string;
  id: string;
  label: string;
  /** Changed fields; for an added or removed item, all of its fields. */
  fields: FieldChange[];
}

export interface SectionDiff {
  section: string;
  title: string;
  items: ItemChange[];
  fields: FieldChange[];
  added: number;
  removed: number;
  changed: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isItemList = (v: unknown): v is Obj[] =>
  Array.isArray(v) && v.every((x) => isObj(x) && typeof x.id === 'string');

const MAX_VALUE = 160;

/** A value as one short line of text. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(empty)';
  if (typeof v === 'string') return v.length > MAX_VALUE ? `${v.slice(0, MAX_VALUE - 1)}…` : v;
  if (Array.isArray(v)) {
    if (v.length === 0) return '(none)';
    if (v.every((x) => typeof x !== 'object' || x === null)) return showValue(v.map(String).join(', '));
    return `${v.length} ${v.length === 1 ? 'entry' : 'entries'}`;
  }
  if (typeof v === 'object') return showValue(JSON.stringify(v));
  return String(v);
}

/** Leaf values by dotted path: objects are walked, anything else is one value. */
function flatten(value: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (isObj(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    if (Object.keys(value).length === 0 && prefix) out.set(prefix, value);
  } else if (prefix) {
    out.set(prefix, value);
  }
  return out;
}

function fieldChanges(before: unknown, after: unknown, prefix = ''): FieldChange[] {
  const a = flatten(before, prefix, new Map());
  const b = flatten(after, prefix, new Map());
  const out: FieldChange[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    if (!jsonEqual(a.get(key), b.get(key))) {
      out.push({ field: key, before: showValue(a.get(key)), after: showValue(b.get(key)) });
    }
  }
  return out;
}

const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** An added item's fields as "after" values, a removed one's as "before"; empty ones left out. */
function allFields(item: Obj, kind: 'added' | 'removed'): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, v] of flatten(item, '', new Map())) {
    if (field === 'id' || isEmpty(v)) continue;
    out.push(
      kind === 'added'
        ? { field, before: '', after: showValue(v) }
        : { field, before: showValue(v), after: '' },
    );
  }
  return out;
}

function labelOf(section: string, list: string, item: Obj): string {
  const info = (COLLECTIONS as Record<string, { label(i: unknown): string } | undefined>)[
    `${section}.${list}`
  ];
  try {
    const label = info?.label(item);
    if (typeof label === 'string' && label.trim()) return label;
  } catch {
    // An item from another version may lack what the label reads: fall back to plain fields.
  }
  for (const key of ['name', 'title', 'label', 'metric', 'reviewer']) {
    const v = item[key];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return String(item.id);
}

function nounOf(section: string, list: string): string {
  const info = (COLLECTIONS as Record<string, { noun: string } | undefined>)[`${section}.${list}`];
  return info?.noun ?? humanize(list);
}

export interface DiffOptions {
  /**
   * Field values for at most this many items per list; the rest are counted and named only.
   * A board redrawing after every change has no use for the fields of 30,000 added items.
   */
  detailLimit?: number;
}

function itemChanges(
  section: string,
  list: string,
  before: Obj[],
  after: Obj[],
  limit: number,
): ItemChange[] {
  const noun = nounOf(section, list);
  const old = new Map(before.map((i) => [i.id as string, i]));
  const now = new Set(after.map((i) => i.id as string));
  const out: ItemChange[] = [];
  const detail = (fields: () => FieldChange[]) => (out.length < limit ? fields() : []);
  for (const item of after) {
    const id = item.id as string;
    const prev = old.get(id);
    if (!prev) {
      out.push({
        kind: 'added',
        noun,
        id,
        label: labelOf(section, list, item),
        fields: detail(() => allFields(item, 'added')),
      });
    } else if (prev !== item && !jsonEqual(prev, item)) {
      out.push({
        kind: 'changed',
        noun,
        id,
        label: labelOf(section, list, item),
        fields: detail(() => fieldChanges(prev, item)),
      });
    }
  }
  for (const item of before) {
    const id = item.id as string;
    if (!now.has(id)) {
      out.push({
        kind: 'removed',
        noun,
        id,
        label: labelOf(section, list, item),
        fields: detail(() => allFields(item, 'removed')),
      });
    }
  }
  return out;
}

function sectionDiff(
  section: string,
  title: string,
  before: unknown,
  after: unknown,
  limit = Number.POSITIVE_INFINITY,
): SectionDiff {
  const items: ItemChange[] = [];
  const fields: FieldChange[] = [];
  const a = isObj(before) ? before : {};
  const b = isObj(after) ? after : {};
  if (!isObj(before) || !isObj(after)) {
    fields.push(...fieldChanges(before, after, section));
  } else {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const x = a[key];
      const y = b[key];
      if (x === y || jsonEqual(x, y)) continue;
      if ((isItemList(x) || x === undefined) && (isItemList(y) || y === undefined)) {
        items.push(...itemChanges(section, key, x ?? [], y ?? [], limit));
      } else {
        fields.push(...fieldChanges(x, y, key));
      }
    }
  }
  const count = (k: ItemChange['kind']) => items.filter((i) => i.kind === k).length;
  return {
    section,
    title,
    items,
    fields,
    added: count('added'),
    removed: count('removed'),
    changed: count('changed'),
  };
}

/** The sections that differ between `before` and `after`, in the registry's order. */
export function diffWorkbooks(before: unknown, after: unknown, options: DiffOptions = {}): SectionDiff[] {
  const limit = options.detailLimit ?? Number.POSITIVE_INFINITY;
  const a = isObj(before) ? before : {};
  const b = isObj(after) ? after : {};
  const titles = new Map<string, string>(AREAS.map((area) => [area.id, area.nav.title]));
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const out: SectionDiff[] = [];
  // Plain values at the top (the workbook's name) read as one "Workbook" section.
  const top = [...keys].filter((k) => !isObj(a[k]) && !isObj(b[k]));
  const pick = (o: Obj) => Object.fromEntries(top.filter((k) => k in o).map((k) => [k, o[k]]));
  const head = sectionDiff('workbook', 'Workbook', pick(a), pick(b));
  if (head.fields.length > 0) out.push(head);
  const sections = [...titles.keys(), ...[...keys].filter((k) => !titles.has(k))];
  for (const key of sections) {
    if (top.includes(key) || !keys.has(key)) continue;
    if (a[key] === b[key] || jsonEqual(a[key], b[key])) continue;
    out.push(sectionDiff(key, titles.get(key) ?? humanize(key), a[key], b[key], limit));
  }
  return out;
}

/** "1 added, 2 changed": a section's changes in a few words. */
export function describeChanges(d: SectionDiff): string {
  const parts = [
    d.added ? `${d.added} added` : '',
    d.removed ? `${d.removed} removed` : '',
    d.changed ? `${d.changed} changed` : '',
    d.fields.length ? `${d.fields.length} field${d.fields.length === 1 ? '' : 's'} changed` : '',
  ].filter(Boolean);
  return parts.join(', ') || 'no changes';
}

/**
 * A workbook as two files are compared: without what every save changes (revision, times, the
 * audit log) and without the CAB's kept copies of earlier plans, which are the file's memory of
 * its past, not its content.
 */
export function comparable(wb: unknown): Record<string, unknown> {
  if (!isObj(wb)) return {};
  const { schemaVersion: _s, revision: _r, updatedAt: _u, audit: _a, ...rest } = wb;
  const cab = isObj(rest.cab) ? rest.cab : null;
  if (cab) {
    const { versions: _v, ...keep } = cab;
    rest.cab = keep;
  }
  return rest;
}
