// Wall-clock jumps. Deadlines are wall-clock instants (they must survive a restart), so when the
// wall clock jumps (a manual change, an NTP step) every running deadline must move with it or the
// remaining time would be wrong by the jump. The host compares the wall clock with a steady one:
// their difference changes only when the wall clock jumps, or while the machine sleeps, and
// sleeping is real time passing, which must count.
//
// Two steady clocks may be at hand. A boot clock (Linux CLOCK_BOOTTIME) keeps counting through
// sleep and never follows the wall clock: against it, only a jump moves the difference, so no one
// has to say the machine slept. That matters in web mode, where no shell hears the machine wake,
// and in Electron too, whose resume event may arrive after the first check that sees the gap.
// Without one, the monotonic clock (which may stop during sleep) is used, and the caller says
// when the machine resumed.

export interface ClockSample {
  wall: number;
  mono: number;
  /** A clock that counts through sleep and ignores wall-clock changes, when the platform has one. */
  boot?: number | null;
}

/** Jumps smaller than this are scheduling noise or NTP slewing, not a step. */
export const JUMP_THRESHOLD_MS = 2000;

export class JumpDetector {
  private last: ClockSample | null = null;

  /**
   * The wall-clock jump since the last sample (ms, + forward), or 0. `slept` says the machine
   * resumed from sleep since then: against the monotonic clock the gap is then elapsed time, not a
   * jump; against a boot clock it already is.
   */
  sample(s: ClockSample, slept = false): number {
    const before = this.last;
    this.last = s;
    if (before === null) return 0;
    let jump: number;
    if (typeof s.boot === 'number' && typeof before.boot === 'number') {
      jump = s.wall - s.boot - (before.wall - before.boot);
    } else {
      if (slept) return 0;
      jump = s.wall - s.mono - (before.wall - before.mono);
    }
    return Math.abs(jump) >= JUMP_THRESHOLD_MS ? jump : 0;
  }
}
