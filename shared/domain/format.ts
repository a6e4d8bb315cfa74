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
