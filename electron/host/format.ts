// Small formatters for messages people read: sizes and clock times.

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

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
