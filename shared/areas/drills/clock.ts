// The drill clock, pure. Its state is where drill time 0 sits on the wall clock, the speed and
// when it was paused; it is never ticked. Drill time at a wall time is derived, so the host can
// sleep until the next inject is due (one timer, not a tick loop) and a restart loses nothing.
//
// Two failures of a well-known open-source drill platform shape the rules below: an inject fired
// "now" after a pause must fire at the moment it is played (not at a time shifted by the pause),
// and the first scheduled inject after a pause must fire when the drill time reaches it (not at
// once on resume, and not a pause-length late). Both hold because a pause moves T0 on the wall
// clock by exactly its length and nothing else.

export const MIN_SPEED = 1;
export const MAX_SPEED = 60;

export interface DrillClock {
  /** Wall time (epoch ms) at which drill time was 0, given the current speed and past pauses. */
  t0Wall: number;
  /** Drill seconds per wall second, 1 to 60. */
  speed: number;
  /** Wall time the clock was paused at, or null while it runs. */
  pausedAt: number | null;
}

/** 'card': an unscheduled inject from the facilitator's hand (run-schema.ts). */
export type FiredHow = 'scheduled' | 'jump' | 'now' | 'card';

export interface FiredInject {
  injectId: string;
  /** Drill time it fired at, ms from T0. */
  drillMs: number;
  /** Wall time it fired at, epoch ms. */
  wallMs: number;
  how: FiredHow;
}

/** The part of an inject the clock needs. */
export interface Timed {
  id: string;
  offsetSec: number;
}

export class ClockError extends Error {}

function checkSpeed(speed: number): void {
  if (!Number.isFinite(speed) || speed < MIN_SPEED || speed > MAX_SPEED) {
    throw new ClockError(`Speed must be between ${MIN_SPEED}× and ${MAX_SPEED}×; got ${speed}`);
  }
}

export function startClock(wall: number, speed = 1): DrillClock {
  checkSpeed(speed);
  return { t0Wall: wall, speed, pausedAt: null };
}

/** Drill time in whole ms at a wall time; frozen while paused. */
export function drillTimeMs(clock: DrillClock, wall: number): number {
  const at = clock.pausedAt ?? wall;
  return Math.max(0, Math.round((at - clock.t0Wall) * clock.speed));
}

/** The wall time at which the running clock reaches a drill time; null while paused. */
export function wallTimeAt(clock: DrillClock, drillMs: number): number | null {
  if (clock.pausedAt !== null) return null;
  return clock.t0Wall + drillMs / clock.speed;
}

export function pauseClock(clock: DrillClock, wall: number): DrillClock {
  if (clock.pausedAt !== null) throw new ClockError('The drill clock is already paused');
  return { ...clock, pausedAt: wall };
}

/** Resuming moves T0 later by the pause's length: what was left is shifted, nothing else. */
export function resumeClock(clock: DrillClock, wall: number): DrillClock {
  if (clock.pausedAt === null) throw new ClockError('The drill clock is not paused');
  if (wall < clock.pausedAt) throw new ClockError('Cannot resume before the pause began');
  return { ...clock, t0Wall: clock.t0Wall + (wall - clock.pausedAt), pausedAt: null };
}

/** A new speed keeps the current drill time where it is and applies from now on. */
export function setSpeed(clock: DrillClock, wall: number, speed: number): DrillClock {
  checkSpeed(speed);
  const now = clock.pausedAt ?? wall;
  return { ...clock, speed, t0Wall: now - drillTimeMs(clock, wall) / speed };
}

function pending(injects: readonly Timed[], fired: readonly FiredInject[]): Timed[] {
  const done = new Set(fired.map((f) => f.injectId));
  // Stable by offset: injects at the same offset keep the scenario's order.
  return injects
    .map((inject, index) => ({ inject, index }))
    .filter(({ inject }) => !done.has(inject.id))
    .sort((a, b) => a.inject.offsetSec - b.inject.offsetSec || a.index - b.index)
    .map(({ inject }) => inject);
}

/**
 * Scheduled injects due by a wall time, in order, each stamped with the drill and wall time it
 * was due at (not when the host happened to look), so a late wake-up still records "on time".
 */
export function dueInjects(
  clock: DrillClock,
  injects: readonly Timed[],
  fired: readonly FiredInject[],
  wall: number,
): FiredInject[] {
  const now = drillTimeMs(clock, wall);
  return pending(injects, fired)
    .filter((i) => i.offsetSec * 1000 <= now)
    .map((i) => ({
      injectId: i.id,
      drillMs: i.offsetSec * 1000,
      wallMs: Math.round(wallTimeAt(clock, i.offsetSec * 1000) ?? wall),
      how: 'scheduled' as const,
    }));
}

/** When the host should wake next: the wall time the next unfired inject is due; null if none or paused. */
export function nextDueWall(
  clock: DrillClock,
  injects: readonly Timed[],
  fired: readonly FiredInject[],
): number | null {
  const next = pending(injects, fired)[0];
  if (!next) return null;
  const at = wallTimeAt(clock, next.offsetSec * 1000);
  return at === null ? null : Math.ceil(at);
}

/**
 * Jump to the next unfired inject: drill time moves forward to its offset (never back) and
 * exactly that inject fires. Works paused too; the clock stays paused at the new time.
 */
export function jumpToNext(
  clock: DrillClock,
  injects: readonly Timed[],
  fired: readonly FiredInject[],
  wall: number,
): { clock: DrillClock; fired: FiredInject } | null {
  const next = pending(injects, fired)[0];
  if (!next) return null;
  const target = Math.max(next.offsetSec * 1000, drillTimeMs(clock, wall));
  const anchor = clock.pausedAt ?? wall;
  const moved = { ...clock, t0Wall: anchor - target / clock.speed };
  return { clock: moved, fired: { injectId: next.id, drillMs: target, wallMs: wall, how: 'jump' } };
}

/** Play an inject at this moment, whatever its schedule and whether or not the clock runs. */
export function fireNow(
  clock: DrillClock,
  injectId: string,
  fired: readonly FiredInject[],
  wall: number,
): FiredInject {
  if (fired.some((f) => f.injectId === injectId))
    throw new ClockError(`Inject ${injectId} has already fired`);
  return { injectId, drillMs: drillTimeMs(clock, wall), wallMs: wall, how: 'now' };
}

/** "T+12:05" (or "T+1:02:03") for a drill time in ms. */
export function formatDrillTime(drillMs: number): string {
  const total = Math.floor(drillMs / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `T+${h}:${pad(m)}:${pad(s)}` : `T+${pad(m)}:${pad(s)}`;
}
