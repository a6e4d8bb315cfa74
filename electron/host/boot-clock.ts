import { uptime } from 'node:os';

// The host's boot clock for the timers' jump check (shared/areas/runbooks/clock-jump.ts): a clock
// that keeps counting while the machine sleeps and never follows wall-clock changes. On Linux,
// os.uptime() is CLOCK_BOOTTIME (read from /proc/uptime, 10 ms steps), exactly that. Elsewhere
// it is not safe to assume: macOS derives uptime from the wall clock (a manual change would move
// it too and hide the jump), and Windows counts whole seconds. There the host falls back to the
// monotonic clock and the shell's resume event.

export function platformBootClock(): (() => number) | null {
  if (process.platform !== 'linux') return null;
  return () => uptime() * 1000;
}
