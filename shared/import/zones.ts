// Times in an export are instants. One written with an offset ("Z", "+02:00") says which; one
// without is a wall-clock time in a zone the user chooses. Intl knows every IANA zone's rules,
// so a wall time becomes an instant by finding the offsets that zone had around it that map back
// onto it: none when the clocks skipped that time (spring forward), two when they showed it twice
// (fall back). Neither case is guessed: the import says so for that row.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const UTC = 'UTC';

/** The result of placing a wall-clock time in a zone. */
export type WallTime =
  | { ok: true; at: number }
  /** The clocks jumped over it: it never happened there. */
  | { ok: false; why: 'skipped' }
  /** The clocks went back over it: it happened twice, at these instants (earlier first). */
  | { ok: false; why: 'repeated'; at: [number, number] };

/** True when `zone` is an IANA zone this runtime knows ("Europe/London", "UTC"). */
export function isZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Every IANA zone the runtime lists, UTC first, for the zone picker. */
export function knownZones(): string[] {
  const listed = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [UTC, ...listed.filter((z) => z !== UTC)];
}

/** The zone this computer is set to, or UTC when the runtime cannot say. */
export function localZone(): string {
  const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isZone(zone) ? zone : UTC;
}

/**
 * Offsets of one zone, cached per hour of UTC time: a zone's offset changes a few times a year,
 * and an export of 100,000 rows would otherwise ask Intl 300,000 times. An hour whose two ends
 * agree has one offset throughout (no zone changes offset twice within an hour); an hour holding
 * a transition is asked exactly, every time.
 */
export class ZoneClock {
  private readonly format: Intl.DateTimeFormat | null;
  private readonly hours = new Map<number, number>();

  constructor(readonly zone: string) {
    this.format =
      zone === UTC
        ? null
        : new Intl.DateTimeFormat('en-US', {
            timeZone: zone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
            era: 'short',
          });
  }

  /** The zone's offset from UTC, in ms, at instant `t`. */
  offsetAt(t: number): number {
    if (!this.format) return 0;
    const hour = Math.floor(t / HOUR);
    const cached = this.hours.get(hour);
    if (cached !== undefined) return cached;
    const start = this.exact(hour * HOUR);
    if (start === this.exact(hour * HOUR + HOUR - 1000)) {
      if (this.hours.size > 50_000) this.hours.clear();
      this.hours.set(hour, start);
      return start;
    }
    return this.exact(t);
  }

  /** `wall` is the wall-clock time written as if it were UTC (Date.UTC of its fields). */
  place(wall: number): WallTime {
    if (!this.format) return { ok: true, at: wall };
    const offsets = new Set([this.offsetAt(wall - DAY), this.offsetAt(wall), this.offsetAt(wall + DAY)]);
    const hits = [...offsets]
      .map((o) => wall - o)
      .filter((t) => this.offsetAt(t) === wall - t)
      .sort((a, b) => a - b);
    const unique = hits.filter((t, i) => i === 0 || t !== hits[i - 1]);
    if (unique.length === 0) return { ok: false, why: 'skipped' };
    if (unique.length === 1) return { ok: true, at: unique[0]! };
    return { ok: false, why: 'repeated', at: [unique[0]!, unique.at(-1)!] };
  }

  private exact(t: number): number {
    const seconds = Math.floor(t / 1000) * 1000;
    let year = 0;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let bc = false;
    for (const part of this.format!.formatToParts(seconds)) {
      const n = Number(part.value);
      if (part.type === 'year') year = n;
      else if (part.type === 'month') month = n;
      else if (part.type === 'day') day = n;
      else if (part.type === 'hour') hour = n;
      else if (part.type === 'minute') minute = n;
      else if (part.type === 'second') second = n;
      else if (part.type === 'era') bc = part.value.startsWith('B');
    }
    const wall = new Date(0);
    wall.setUTCFullYear(bc ? 1 - year : year, month - 1, day);
    wall.setUTCHours(hour, minute, second, 0);
    return wall.getTime() - seconds;
  }
}

/** "+01:00" for 3,600,000 ms. */
export function formatOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const minutes = Math.abs(Math.round(ms / 60_000));
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
