import { isRealDay } from '../schema/fields';
import { formatOffset, type ZoneClock } from './zones';

// One cell of an export → one typed value, or the reason it is not one, in words a person can
// act on. Dashboards write "no value" in several ways; those cells are blanks, counted and shown,
// never errors and never zero.

export type Cell<T> = { ok: true; value: T } | { ok: false; reason: string };

/** What Grafana and friends write for "no value here", compared lower-cased and trimmed. */
const BLANKS = new Set(['', 'null', 'undefined', 'nan']);

export function isBlank(text: string): boolean {
  return BLANKS.has(text.trim().toLowerCase());
}

/** Shown in reasons, shortened so one wild cell cannot flood the list. */
export function quote(text: string): string {
  const t = text.trim();
  return `'${t.length > 40 ? `${t.slice(0, 39)}…` : t}'`;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseNumber(text: string): Cell<number> {
  const t = text.trim();
  if (NUMBER.test(t)) {
    const value = Number(t);
    if (Number.isFinite(value)) return { ok: true, value };
    return { ok: false, reason: `${quote(t)} is too large to be a number` };
  }
  if (/^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(t))
    return { ok: false, reason: `${quote(t)} is not a number: remove the thousands separators` };
  if (/^[+-]?\d*,\d+$/.test(t))
    return { ok: false, reason: `${quote(t)} is not a number: write decimals with a dot, like 3.14` };
  if (/^[+-]?[\d.]+\s*%$/.test(t))
    return { ok: false, reason: `${quote(t)} is not a number: remove the % sign` };
  return { ok: false, reason: `${quote(t)} is not a number` };
}

// 2026-11-20, 2026-11-20T14:05, 2026-11-20 14:05:09.123456+01:00, …Z, and the unpadded
// 2023-4-10 6:51:47 that some tools (Apache DevLake) write. Fractions past
// milliseconds (Postgres writes microseconds) are cut, not rounded, as Date.parse does.
const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/**
 * Unix time: seconds (9–10 digits, optional fraction: 1973–2286) or milliseconds (12–13
 * digits: 2001–2286 and back to 1973). Shorter numbers are never times (a minute count, an id).
 */
const EPOCH_S = /^\d{9,10}(?:\.\d{1,6})?$/;
const EPOCH_MS = /^\d{12,13}$/;

export interface ParsedTime {
  at: number;
  /** True when the cell had no offset, so the chosen zone placed it. */
  zoned: boolean;
}

/** A time cell → epoch ms. `clock` places times written without an offset. */
export function parseTime(text: string, clock: ZoneClock): Cell<ParsedTime> {
  const t = text.trim();
  if (EPOCH_MS.test(t)) return { ok: true, value: { at: Number(t), zoned: false } };
  if (EPOCH_S.test(t)) return { ok: true, value: { at: Math.trunc(Number(t) * 1000), zoned: false } };
  const m = ISO.exec(t);
  if (!m) {
    return {
      ok: false,
      reason: `${quote(t)} is not a time this import can read: write it like 2026-11-20T14:05:00Z or 2026-11-20 14:05`,
    };
  }
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (!isRealDay(year, month, day)) {
    return { ok: false, reason: `${quote(t)} is not a real date` };
  }
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    return { ok: false, reason: `${quote(t)} is not a real time of day` };
  }
  const wallDate = new Date(0);
  wallDate.setUTCFullYear(year, month - 1, day);
  wallDate.setUTCHours(Number(h), Number(mi), Number(s), Number(frac.slice(0, 3).padEnd(3, '0')));
  const wall = wallDate.getTime();
  if (zone) return { ok: true, value: { at: wall - offsetOf(zone), zoned: false } };
  const placed = clock.place(wall);
  if (placed.ok) return { ok: true, value: { at: placed.at, zoned: true } };
  if (placed.why === 'skipped') {
    return {
      ok: false,
      reason: `${quote(t)} never happened in ${clock.zone}: the clocks went forward over it. Give the time with its offset, or choose the zone the export was made in`,
    };
  }
  const [first, second] = placed.at.map((at) => formatOffset(wall - at));
  return {
    ok: false,
    reason: `${quote(t)} happened twice in ${clock.zone} (the clocks went back): write it with its offset, ${first} or ${second}, to say which`,
  };
}

function offsetOf(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0')) * 60_000;
}

export function parseChoice(text: string, choices: readonly string[]): Cell<string> {
  const t = text.trim().toLowerCase();
  const hit = choices.find((c) => c.toLowerCase() === t);
  if (hit !== undefined) return { ok: true, value: hit };
  return { ok: false, reason: `${quote(text)} is not one of: ${choices.join(', ')}` };
}
