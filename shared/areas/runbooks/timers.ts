import type { Timer } from './schema';

// Timer arithmetic, pure. A timer is never ticked: running, it is a deadline; paused, it is the
// time already elapsed. Every function takes "now" (epoch ms), so tests drive a fake clock and
// the host, the windows and the projector all derive the same numbers from the same fields.

export type TimerAction =
  | { action: 'start' }
  | { action: 'pause' }
  | { action: 'resume' }
  | { action: 'reset' }
  | { action: 'stop' }
  | { action: 'extend'; ms: number };

export class TimerRuleError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** Time elapsed so far (may exceed the duration once overdue). */
export function elapsed(t: Timer, now: number): number {
  if (t.state === 'running' && t.deadline !== null) return Math.max(0, t.durationMs - (t.deadline - now));
  return t.elapsedAtPause;
}

/** Time left, never negative: an expired timer has 0 left and is overdue instead. */
export function remaining(t: Timer, now: number): number {
  return Math.max(0, t.durationMs - elapsed(t, now));
}

/** How far past its deadline it is; 0 while time remains. */
export function overdue(t: Timer, now: number): number {
  return Math.max(0, elapsed(t, now) - t.durationMs);
}

/** Running and past the deadline, not yet alerted: the host fires these, once. */
export function isDue(t: Timer, now: number): boolean {
  return t.state === 'running' && t.deadline !== null && t.deadline <= now && t.firedAt === null;
}

export const newTimer = (
  fields: Pick<Timer, 'id' | 'label' | 'purpose' | 'durationMs'> & Partial<Timer>,
): Timer => ({
  incidentId: '',
  runId: '',
  stepId: '',
  audience: '',
  state: 'ready',
  deadline: null,
  elapsedAtPause: 0,
  firedAt: null,
  ...fields,
});

/** The timer after `a` at `now`; throws a TimerRuleError saying why when it does not apply. */
export function applyTimer(t: Timer, a: TimerAction, now: number): Timer {
  switch (a.action) {
    case 'start':
    case 'resume':
      if (t.state === 'running') throw new TimerRuleError(`${t.label} is already running`, 'action');
      if (t.state === 'stopped') throw new TimerRuleError(`${t.label} was stopped; reset it first`, 'action');
      return { ...t, state: 'running', deadline: now + t.durationMs - t.elapsedAtPause };
    case 'pause':
      if (t.state !== 'running') throw new TimerRuleError(`${t.label} is not running`, 'action');
      return { ...t, state: 'paused', deadline: null, elapsedAtPause: elapsed(t, now) };
    case 'stop':
      if (t.state === 'stopped') return t;
      return { ...t, state: 'stopped', deadline: null, elapsedAtPause: elapsed(t, now) };
    case 'reset':
      return { ...t, state: 'ready', deadline: null, elapsedAtPause: 0, firedAt: null };
    case 'extend': {
      if (!Number.isFinite(a.ms) || a.ms <= 0) {
        throw new TimerRuleError('An extension must be a positive number of minutes', 'minutes');
      }
      const ms = Math.round(a.ms);
      const next: Timer = {
        ...t,
        durationMs: t.durationMs + ms,
        deadline: t.deadline === null ? null : t.deadline + ms,
      };
      // Extended past now, it has a new deadline, which may expire (and alert) once again.
      return remaining(next, now) > 0 ? { ...next, firedAt: null } : next;
    }
  }
}

/** Moves every running deadline by `shiftMs`: a wall-clock jump must not eat or add time. */
export function shiftDeadline(t: Timer, shiftMs: number): Timer {
  if (t.state !== 'running' || t.deadline === null) return t;
  return { ...t, deadline: t.deadline + shiftMs, firedAt: t.firedAt === null ? null : t.firedAt + shiftMs };
}

/** "07:42", "1:02:05": a countdown as a clock reads it. */
export function clock(ms: number): string {
  const s = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${two(m)}:${two(sec)}`;
}

/** What a timer says now: "07:42 left", "paused at 03:10 left", "overdue by 02:05". */
export function timerText(t: Timer, now: number): string {
  const over = overdue(t, now);
  if (over > 0 && t.state !== 'ready') return `overdue by ${clock(over)}`;
  const left = clock(remaining(t, now));
  if (t.state === 'paused') return `paused, ${left} left`;
  if (t.state === 'stopped') return `stopped with ${left} left`;
  if (t.state === 'ready') return `${left}, not started`;
  return `${left} left`;
}
