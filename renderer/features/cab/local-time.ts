// The calendar is typed in local wall-clock time (a datetime-local box) and kept as instants.

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-21T22:00:00.000Z" → "2026-11-21T23:00" in a UTC+1 zone; "" for none. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value as an instant; null when empty; the typed text when it is not a time. */
export function fromLocalInput(value: string): string | null {
  if (!value.trim()) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

/** "crm-api, erp-sync" → ["crm-api", "erp-sync"]. */
export const splitList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
