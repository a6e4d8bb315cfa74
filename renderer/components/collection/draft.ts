import type { Draft, FieldDescriptor, FieldErrors } from './field-types';

// Converting between stored items and the strings a form edits. The zod schema stays the only
// judge of validity: these helpers never reject, they only shape input for it.

export const FORM_ERROR = '_form';

export function blankDraft(fields: readonly FieldDescriptor[]): Draft {
  const draft: Draft = {};
  for (const f of fields) draft[f.key] = f.kind === 'select' ? (f.options?.[0]?.value ?? '') : '';
  return draft;
}

export function toDraft(item: Record<string, unknown>, fields: readonly FieldDescriptor[]): Draft {
  const draft: Draft = {};
  for (const f of fields) {
    const v = item[f.key];
    if (f.kind === 'list') draft[f.key] = Array.isArray(v) ? v.join(', ') : '';
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
    switch (f.kind) {
      case 'number':
        item[f.key] = raw === '' ? undefined : Number(raw);
        break;
      case 'list':
        item[f.key] = raw
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s.length > 0);
        break;
      default:
        item[f.key] = raw;
    }
  }
  return item;
}

/**
 * Places issues next to their fields. Paths may come from zod (`['callers', 0]`) or from the
 * host (`"callers[0]"`, `"item.threshold"`); anything that matches no field goes to the form.
 */
export function issuesToErrors(
  issues: readonly { path: string | readonly PropertyKey[]; message: string }[],
  fields: readonly FieldDescriptor[],
): FieldErrors {
  const keys = new Set(fields.map((f) => f.key));
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = leadingKey(issue.path);
    const target = key && keys.has(key) ? key : FORM_ERROR;
    errors[target] ??= issue.message;
  }
  return errors;
}

function leadingKey(path: string | readonly PropertyKey[]): string | null {
  if (typeof path !== 'string') {
    const first = path[0];
    return typeof first === 'string' ? first : null;
  }
  const parts = path.replace(/^item\.?/, '').split(/[.[]/);
  return parts[0] || null;
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
