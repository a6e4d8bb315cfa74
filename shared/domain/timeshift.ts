// Moving a whole story in time. The bundled sample is a war room frozen at one moment; a new
// user's copy is moved so that moment is "just now", or every gate in it would be stale on
// first launch. Only full ISO instants (…T…Z) move; calendar dates (deadlines) do not.

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** The newest instant anywhere in `value`, in epoch ms, or null without one. */
export function newestInstant(value: unknown): number | null {
  let newest: number | null = null;
  walk(
    value,
    (s) => {
      const t = Date.parse(s);
      if (newest === null || t > newest) newest = t;
      return s;
    },
    false,
  );
  return newest;
}

/** A copy of `value` with every instant moved by `deltaMs`. */
export function shiftInstants<T>(value: T, deltaMs: number): T {
  return walk(value, (s) => new Date(Date.parse(s) + deltaMs).toISOString()) as T;
}

/**
 * Runbook timers keep their deadlines as epoch ms (runbooks/schema.ts), and a drill run its clock,
 * fired injects, log and end (drills/run-schema.ts): they move too. Only numbers move, so a
 * runbook run's ISO `endedAt` is moved as an instant like any other.
 */
const EPOCH_KEYS = new Set(['deadline', 'firedAt', 't0Wall', 'pausedAt', 'wallMs', 'endedAt']);

/** `epochs`: also move the timers' epoch-ms fields (never when looking for the newest change). */
function walk(value: unknown, onInstant: (s: string) => string, epochs = true): unknown {
  if (typeof value === 'string') return INSTANT.test(value) ? onInstant(value) : value;
  if (Array.isArray(value)) return value.map((v) => walk(v, onInstant, epochs));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        epochs && EPOCH_KEYS.has(k) && typeof v === 'number'
          ? Date.parse(onInstant(new Date(v).toISOString()))
          : walk(v, onInstant, epochs),
      ]),
    );
  }
  return value;
}
