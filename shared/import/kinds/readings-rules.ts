import { STATE_LABEL } from '../../areas/waves/moves';
import type { Reading, Wave } from '../../areas/waves/schema';

// The rules an imported reading meets, written once for the preview (in the parsing worker)
// and for the host, which checks the confirmed import again: it lands in the wave that was live
// at its time, not in the future, and not where the same metric already has a reading then.

/** Readings a few minutes ahead are clock skew between machines; further ahead is a mistake. */
export const FUTURE_SKEW_MS = 5 * 60_000;

export interface WaveLife {
  wave: Wave;
  from: number;
  /** When it was promoted or rolled back; null while it is still going (live, holding, paused). */
  to: number | null;
}

export function waveLife(wave: Wave): WaveLife | null {
  if (!wave.startedAt) return null;
  const ended = wave.state === 'promoted' || wave.state === 'rolled-back';
  const last = wave.moves.at(-1);
  return { wave, from: Date.parse(wave.startedAt), to: ended && last ? Date.parse(last.at) : null };
}

/** "2026-11-20 14:05:09 UTC": messages are read in any zone, so they name UTC. */
export function utcText(ms: number): string {
  const iso = new Date(ms).toISOString();
  const frac = iso.slice(19, 23) === '.000' ? '' : iso.slice(19, 23);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${frac} UTC`;
}

export type WaveMatch = { ok: true; wave: Wave } | { ok: false; reason: string };

/**
 * The wave a reading at `at` belongs to: the one chosen, which must have been live then, or
 * (`chosen` = '') the one that was live at that time.
 */
export function waveFor(
  waves: readonly Wave[],
  lives: readonly WaveLife[],
  at: number,
  chosen: string,
): WaveMatch {
  if (chosen) {
    const when = utcText(at);
    const wave = waves.find((w) => w.id === chosen);
    if (!wave) return { ok: false, reason: `there is no wave with id '${chosen}' in this workbook` };
    const life = lives.find((l) => l.wave.id === chosen);
    if (!life) return { ok: false, reason: `${wave.name} has not gone live, so it takes no readings yet` };
    if (at < life.from)
      return { ok: false, reason: `${when} is before ${wave.name} went live (${utcText(life.from)})` };
    if (life.to !== null && at > life.to) {
      const how = STATE_LABEL[wave.state].toLowerCase();
      return { ok: false, reason: `${when} is after ${wave.name} was ${how} (${utcText(life.to)})` };
    }
    return { ok: true, wave };
  }
  const live = lives.filter((l) => at >= l.from && (l.to === null || at <= l.to));
  if (live.length === 1) return { ok: true, wave: live[0]!.wave };
  const when = utcText(at);
  if (live.length === 0) {
    const first = lives.reduce<WaveLife | null>((a, l) => (!a || l.from < a.from ? l : a), null);
    if (!first) return { ok: false, reason: 'no wave has gone live yet, so no reading belongs to one' };
    if (at < first.from) {
      return {
        ok: false,
        reason: `${when} is before any wave went live (the first, ${first.wave.name}, at ${utcText(first.from)})`,
      };
    }
    return { ok: false, reason: `no wave was live at ${when}, so this reading belongs to none` };
  }
  const names = live.map((l) => l.wave.name);
  return {
    ok: false,
    reason: `${names.slice(0, -1).join(', ')} and ${names.at(-1)} were ${names.length === 2 ? 'both' : 'all'} live at ${when}: choose the wave these readings belong to`,
  };
}

/**
 * What is known at each slot a reading can take: one metric, one wave, one instant. Keyed by the
 * instant's number under its metric and wave, where one string key per reading made 100,000
 * strings to hash and cost twice as long.
 */
export class ReadingSlots<V> {
  private readonly slots = new Map<string, Map<number, V>>();

  get(metricId: string, waveId: string, at: number): V | undefined {
    return this.slots.get(`${metricId}\u0000${waveId}`)?.get(at);
  }

  set(metricId: string, waveId: string, at: number, value: V): void {
    const key = `${metricId}\u0000${waveId}`;
    const times = this.slots.get(key) ?? new Map<number, V>();
    if (times.size === 0) this.slots.set(key, times);
    times.set(at, value);
  }
}

export function readingIndex(readings: readonly Reading[]): ReadingSlots<Reading> {
  const index = new ReadingSlots<Reading>();
  for (const r of readings) index.set(r.metricId, r.waveId, Date.parse(r.at), r);
  return index;
}

/**
 * The instant as the workbook writes it (toISOString). Text already in that form, as a window
 * sends it, is kept: 24 characters ending in Z that passed the ISO check can only be it, and
 * making the text again cost 100 ms per 100,000 readings.
 */
export function isoText(text: string, ms: number): string {
  return text.length === 24 && text.endsWith('Z') ? text : new Date(ms).toISOString();
}
