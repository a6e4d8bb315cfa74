import type { Draft, FieldDescriptor, FieldErrors } from './field-types';

// Converting between stored items and the strings a form edits. The zod schema stays the only
// judge of validity: these helpers never reject, they only shape input for it. Keys may be
// dotted ("segment.region") for a field of a nested object.

export const FORM_ERROR = '_form';

function get(item: Record<string, unknown>, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      item,
    );
}

function set(item: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let at = item;
  for (const part of parts.slice(0, -1)) {
    if (typeof at[part] !== 'object' || at[part] === null) at[part] = {};
    at = at[part] as Record<string, unknown>;
  }
  at[parts.at(-1)!] = value;
}

export function blankDraft(fields: readonly FieldDescriptor[]): Draft {
  const draft: Draft = {};
  for (const f of fields) {
    draft[f.key] =
      f.kind === 'select' && f.options ? (f.options[0]?.value ?? '') : f.kind === 'boolean' ? 'false' : '';
  }
  return draft;
}

/** "2026-12-01T14:02" in local time, for a datetime-local input; '' for no time. */
export function toLocalInput(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** The instant a datetime-local value names, as ISO 8601 in UTC; the raw text if it names none. */
export function fromLocalInput(text: string): string {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? text : new Date(ms).toISOString();
}

export function toDraft(item: Record<string, unknown>, fields: readonly FieldDescriptor[]): Draft {
  const draft: Draft = {};
  for (const f of fields) {
    const v = get(item, f.key);
    if (f.kind === 'list') draft[f.key] = Array.isArray(v) ? v.join(', ') : '';
    // Ids never hold commas, so a comma-joined list of them round-trips.
    else if (f.kind === 'multi') draft[f.key] = Array.isArray(v) ? v.join(',') : '';
    else if (f.codec) draft[f.key] = f.codec.format(v);
    else if (f.kind === 'datetime') draft[f.key] = typeof v === 'string' ? toLocalInput(v) : '';
    else if (f.kind === 'boolean') draft[f.key] = v === true ? 'true' : 'false';
    else draft[f.key] = v === undefined || v === null ? '' : String(v);
  }
  return draft;
}

/** Builds the candidate item; empty numbers stay undefined so the schema says "must be a number". */
export function fromDraft(
  draft: Draft,
  fields: readonly FieldDescriptor[],
  id: string,
): Record<string, unknown> {
  const item: Record<string, unknown> = { id };
  for (const f of fields) {
    const raw = (draft[f.key] ?? '').trim();
    if (f.nullable && raw === '') {
      set(item, f.key, null);
      continue;
    }
    if (f.codec) {
      set(item, f.key, f.codec.parse(raw));
      continue;
    }
    switch (f.kind) {
      case 'datetime':
        set(item, f.key, fromLocalInput(raw));
        break;
      case 'boolean':
        set(item, f.key, raw === 'true');
        break;
      case 'number':
        set(item, f.key, raw === '' ? undefined : Number(raw));
        break;
      case 'list':
        set(
          item,
          f.key,
          raw
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s.length > 0),
        );
        break;
      case 'multi':
        set(item, f.key, raw === '' ? [] : raw.split(','));
        break;
      default:
        set(item, f.key, raw);
    }
  }
  return item;
}

/**
 * Places issues next to their fields. Paths may come from zod (`['segment', 'region']`) or from
 * the host (`"callers[0]"`, `"item.threshold"`); the longest field key the path starts with wins,
 * and anything that matches no field goes to the form.
 */
export function issuesToErrors(
  issues: readonly { path: string | readonly PropertyKey[]; message: string }[],
  fields: readonly FieldDescriptor[],
): FieldErrors {
  const keys = fields.map((f) => f.key).sort((a, b) => b.length - a.length);
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = dotted(issue.path);
    const key = keys.find((k) => path === k || path.startsWith(`${k}.`) || path.startsWith(`${k}[`));
    // A structured field is written one record a line: say which line is wrong.
    const line =
      key && fields.find((f) => f.key === key)?.codec ? /^\[(\d+)\]/.exec(path.slice(key.length)) : null;
    errors[key ?? FORM_ERROR] ??= line ? `Line ${Number(line[1]) + 1}: ${issue.message}` : issue.message;
  }
  return errors;
}

function dotted(path: string | readonly PropertyKey[]): string {
  if (typeof path !== 'string')
    return path
      .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
      .join('.')
      .replaceAll('.[', '[');
  return path.replace(/^item\.?/, '');
}

/** Ids must match the schema's /^[A-Za-z0-9_-]{1,64}$/; a UUID's hex and dashes always do. */
export function newId(prefix: string): string {
  const uuid =
    typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID()
      : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
          '',
        );
  return `${prefix}-${uuid}`.slice(0, 64);
}

/**
 * A shorter id, for an import: each of its records' ids embeds it and each record is stamped
 * with it, so 100,000 records carry it 200,000 times, in the file and on the wire. 64 random
 * bits are plenty inside one workbook, and the host refuses an import id it already has.
 */
export function shortId(prefix: string): string {
  const words = crypto.getRandomValues(new Uint32Array(2));
  return `${prefix}-${Array.from(words, (w) => w.toString(36).padStart(7, '0')).join('')}`;
}
