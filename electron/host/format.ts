// Small formatters for host messages: clock times and file-name stamps.

const pad = (n: number) => String(n).padStart(2, '0');

/** "10:02" for a time today, "2026-11-23 10:02" otherwise, in the user's local time zone. */
export function formatClock(at: Date, today: Date): string {
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const sameDay =
    at.getFullYear() === today.getFullYear() &&
    at.getMonth() === today.getMonth() &&
    at.getDate() === today.getDate();
  return sameDay ? time : `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${time}`;
}

/** A timestamp that sorts by time and is legal in file names on every OS (no ':'). */
export function fileStamp(at: Date): string {
  return at.toISOString().replace(/:/g, '-');
}
