// Wall-clock jumps. Deadlines are wall-clock instants (they must survive a restart), so when the
// wall clock jumps (a manual change, an NTP step) every running deadline must move with it or the
// remaining time would be wrong by the jump. The host compares the wall clock with a monotonic
// one: their difference changes only when the wall clock jumps, or while the machine sleeps (the
// monotonic clock may stop then), and sleeping is real time passing, which must count.

export interface ClockSample {
  wall: number;
  mono: number;
}

/** Jumps smaller than this are scheduling noise or NTP slewing, not a step. */
export const JUMP_THRESHOLD_MS = 2000;

export class JumpDetector {
  private offset: number | null = null;

  /**
   * The wall-clock jump since the last sample (ms, + forward), or 0. `slept` says the machine
   * resumed from sleep since then: the gap is then elapsed time, not a jump.
   */
  sample(s: ClockSample, slept = false): number {
    const offset = s.wall - s.mono;
    const before = this.offset;
    this.offset = offset;
    if (before === null || slept) return 0;
    const jump = offset - before;
    return Math.abs(jump) >= JUMP_THRESHOLD_MS ? jump : 0;
  }
}
