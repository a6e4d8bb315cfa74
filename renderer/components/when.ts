/** "1 Dec 2026, 14:02" in the user's locale; the raw text if it is not a date. */
export function formatWhen(iso: string, seconds = false): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short' });
}
