import { describe, expect, it } from 'vitest';
import {
  eventsSoFar,
  nextEventMs,
  previousEventMs,
  ReplayShareSchema,
  replayPosition,
  settle,
} from '../../../shared/areas/drills/replay';
import { runLengthMs, runTimeline } from '../../../shared/areas/drills/review';
import { finishedRun } from './drills-run-fixture';

// Replay on a fake clock: the position is where it was set plus the wall time since, times the
// speed, never past the end; stepping goes event by event (events at T+0, 7:00, 15:00, 16:00,
// 20:00, 25:00, 29:00, 30:00 in the hand-worked run).

const W = 1_000_000;
const events = runTimeline(finishedRun());
const length = runLengthMs(finishedRun());

describe('drill replay', () => {
  it('moves at its speed from where it was set, and stops at the end', () => {
    const s = { positionMs: 60_000, speed: 10, playing: true, setAt: W };
    expect(replayPosition(s, W + 6_000, length)).toBe(120_000);
    expect(replayPosition({ ...s, playing: false }, W + 6_000, length)).toBe(60_000);
    expect(replayPosition(s, W + 10_000_000, length)).toBe(1_800_000);
    const settled = settle(s, W + 10_000_000, length);
    expect(settled).toMatchObject({ positionMs: 1_800_000, playing: false, setAt: W + 10_000_000 });
  });

  it('steps to the next and previous event', () => {
    expect(nextEventMs(events, 0)).toBe(420_000);
    expect(nextEventMs(events, 420_000)).toBe(900_000);
    expect(previousEventMs(events, 900_000)).toBe(420_000);
    expect(previousEventMs(events, 420_000)).toBe(0);
    expect(nextEventMs(events, 1_800_000)).toBeNull();
    expect(eventsSoFar(events, 900_000)).toBe(3);
  });

  it('refuses a shared replay outside 1×–10×', () => {
    const bad = ReplayShareSchema.safeParse({ runId: 'r', positionMs: 0, speed: 60, playing: true });
    expect(bad.error?.issues[0]?.message).toBe('The replay runs at 1× to 10×');
  });
});
