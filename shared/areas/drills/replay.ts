import { z } from 'zod';
import { entityId } from '../../schema/fields';
import type { TimelineEvent } from './review';

// Replaying a finished drill: a position on the run's own clock that moves at 1×–10× while
// playing. Like the drill clock, it is never ticked: it is a position and the wall time it was
// set, so every window (the projector follows the main window's replay) computes the same
// position from the same shared state, whatever its frame rate.

export const MIN_REPLAY_SPEED = 1;
export const MAX_REPLAY_SPEED = 10;
export const REPLAY_SPEEDS = [1, 2, 5, 10] as const;

/** What the main window shares with the projector: which run, where, how fast, playing or not. */
export const ReplayShareSchema = z.strictObject({
  runId: entityId,
  positionMs: z
    .number({ error: 'The position must be a number' })
    .int()
    .min(0, 'The position cannot be before T0'),
  speed: z
    .number({ error: 'The speed must be a number' })
    .int('The speed must be a whole number')
    .min(MIN_REPLAY_SPEED, `The replay runs at ${MIN_REPLAY_SPEED}× to ${MAX_REPLAY_SPEED}×`)
    .max(MAX_REPLAY_SPEED, `The replay runs at ${MIN_REPLAY_SPEED}× to ${MAX_REPLAY_SPEED}×`),
  playing: z.boolean(),
});
export type ReplayShare = z.infer<typeof ReplayShareSchema>;

/** As the host pushes it: stamped with the host's wall time when it was set. */
export interface SharedReplay extends ReplayShare {
  /** Epoch ms, the host's clock. */
  setAt: number;
}

export interface ReplayState {
  positionMs: number;
  speed: number;
  playing: boolean;
  /** Wall time (epoch ms) at which positionMs held. */
  setAt: number;
}

/** The position now, never past the end; a replay that reaches the end stops there. */
export function replayPosition(state: ReplayState, now: number, lengthMs: number): number {
  const moved = state.playing ? Math.max(0, now - state.setAt) * state.speed : 0;
  return Math.min(lengthMs, state.positionMs + moved);
}

/** The state with its position frozen at `now` (before any change of speed, play or seek). */
export function settle(state: ReplayState, now: number, lengthMs: number): ReplayState {
  const positionMs = replayPosition(state, now, lengthMs);
  return { ...state, positionMs, setAt: now, playing: state.playing && positionMs < lengthMs };
}

/** The events that have happened by `positionMs` (the replay's "so far"). */
export const eventsSoFar = (events: readonly TimelineEvent[], positionMs: number): number =>
  events.filter((e) => e.drillMs <= positionMs).length;

/** The next event strictly after `positionMs`, or null at the end. */
export function nextEventMs(events: readonly TimelineEvent[], positionMs: number): number | null {
  return events.find((e) => e.drillMs > positionMs)?.drillMs ?? null;
}

/** The event before the latest one shown (stepping back undoes one event), or T0. */
export function previousEventMs(events: readonly TimelineEvent[], positionMs: number): number {
  const before = events.filter((e) => e.drillMs < positionMs);
  return before.length > 0 ? before[before.length - 1]!.drillMs : 0;
}
