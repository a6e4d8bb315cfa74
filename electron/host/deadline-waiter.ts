// How the host's clocks wait (the runbook timers, the drill clock): nothing ticks. One timeout
// waits for the earliest next deadline, at most a minute (a cheap guard against drift); when it
// wakes, the owner's work runs, one check at a time, and the wait is set again from the file.
// A dispatch that failed (a file being switched, a disk error) is looked at again shortly.

/** Re-check at least this often, whatever the next deadline. */
const MAX_WAIT_MS = 60_000;
const RETRY_MS = 1000;

export class DeadlineWaiter {
  private wait: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;

  constructor(
    /** The earliest wall time (epoch ms) something falls due, or null when nothing waits. */
    private readonly nextAt: () => number | null,
    private readonly work: () => Promise<void>,
    private readonly now: () => Date,
  ) {}

  /** Runs the work now (unless it is already running), then waits again. */
  check(): Promise<void> {
    this.running ??= this.work().finally(() => {
      this.running = null;
      this.schedule();
    });
    return this.running;
  }

  /** Waits for the earliest next deadline (called after every change and every check). */
  schedule(): void {
    this.stop();
    const at = this.nextAt();
    if (at === null) return;
    const delay = Math.min(MAX_WAIT_MS, Math.max(0, at - this.now().getTime()));
    this.wait = setTimeout(() => void this.check(), delay);
    this.wait.unref?.();
  }

  /** After a failed dispatch: look again shortly. */
  retrySoon(): void {
    const retry = setTimeout(() => void this.check(), RETRY_MS);
    retry.unref?.();
  }

  stop(): void {
    if (this.wait) clearTimeout(this.wait);
    this.wait = null;
  }
}
