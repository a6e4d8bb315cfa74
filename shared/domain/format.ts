// Small formatters for text people read, used by host messages and the renderer alike.

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The message of any thrown value, without a stack: these end up in dialogs and toasts. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** "windowMinutes" → "window minutes": field names as a sentence can carry them. */
export function humanize(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A value as it reads inside a sentence: quoted, listed, or shortened when long. */
export function describeValue(value: unknown, max = 40): string {
  if (value === undefined || value === null || value === '') return '(empty)';
  if (Array.isArray(value)) return clip(value.map((v) => String(v)).join(', '), max);
  if (typeof value === 'string') return `'${clip(value, max)}'`;
  if (typeof value === 'object') return clip(JSON.stringify(value), max);
  return String(value);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// One formatter, made once: toLocaleTimeString builds a new one per call, which costs more than
// everything else when a screen lists the thousands of readings an import brings in.
let clock: Intl.DateTimeFormat | null = null;

/** "14:02:11" in local time: host and windows share a machine in both shells. */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  clock ??= new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return Number.isNaN(d.getTime()) ? iso : clock.format(d);
}

/** 38000 → "38 s", 4_000_000 → "1 h 6 min": how old something is, or how long until it. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} days ${h % 24} h` : `${d} days`;
}

/** "2" + "%" reads as "2%", but "30" + "min" as "30 min". */
export function withUnit(value: number, unit: string): string {
  const u = unit.trim();
  if (!u) return String(value);
  return /^[%‰°]/.test(u) ? `${value}${u}` : `${value} ${u}`;
}

/** 15 → "15 min", 60 → "1 h", 1440 → "24 h", 10080 → "7 days". */
export function formatWindow(minutes: number): string {
  if (minutes >= 2880 && minutes % 1440 === 0) return `${minutes / 1440} days`;
  if (minutes >= 60 && minutes % 60 === 0) return `${minutes / 60} h`;
  return `${minutes} min`;
}
