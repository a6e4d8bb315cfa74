import { JumpDetector } from '../../shared/areas/runbooks/clock-jump';
import { isDue } from '../../shared/areas/runbooks/timers';
import type { TimerAlert } from '../../shared/contract';
import type { Identity } from '../../shared/domain/identity';
import { DeadlineWaiter } from './deadline-waiter';
import type { Emitter } from './events';
import type { Session } from './session';

// The runbook timers, kept by the host because windows sleep and the projector may be a second
// machine's browser. Nothing ticks: one setTimeout waits for the earliest deadline. When it
// fires, every due timer is marked fired in ONE change (timer.expire, which refuses a timer that
// already alerted), so a timer alerts exactly once: the mark is in the file, and survives a
// restart; a timer that expired while the app was closed alerts once when the file opens.
// Every window gets the alert as an event; the Electron shell also shows a system notification.
//
// Wall-clock jumps: a once-a-second check compares the wall clock with a steady one; a jump
// (manual change, NTP step) moves every running deadline by the jump (timer.rebase), so the
// remaining time stays right. Sleep is time that passed: on Linux the steady clock is the boot
// clock, which counts through sleep, so web mode needs no one to say the machine slept;
// elsewhere the shell says so (noteResume) and the gap counts.

export const TIMER_KEEPER: Identity = { name: 'Timer', role: 'Host clock' };
const RECENT_MS = 120_000;

export class TimerService {
  private readonly waiter: DeadlineWaiter;
  private watch: ReturnType<typeof setInterval> | null = null;
  private readonly jumps = new JumpDetector();
  private slept = false;
  /** Deadlines alerted in this session: an undo of the expiry must not alert it again. */
  private readonly alerted = new Set<string>();
  /** What this process raised lately, for windows that connect just after (at start-up, say). */
  private recent: TimerAlert[] = [];

  constructor(
    private readonly session: Session,
    private readonly events: Emitter,
    private readonly now: () => Date,
    private readonly monotonic: () => number,
    private readonly boot: (() => number) | null = null,
  ) {
    this.waiter = new DeadlineWaiter(
      () => this.nextAt(),
      () => this.run(),
      now,
    );
  }

  start(): void {
    this.watch ??= setInterval(() => void this.check(), 1000);
    this.watch.unref?.();
    this.schedule();
  }

  stop(): void {
    if (this.watch) clearInterval(this.watch);
    this.watch = null;
    this.waiter.stop();
  }

  /** Alerts raised by this process in the last two minutes (a restart starts with none). */
  recentAlerts(): TimerAlert[] {
    const since = this.now().getTime() - RECENT_MS;
    this.recent = this.recent.filter((a) => a.firedAt >= since);
    return this.recent.slice();
  }

  /** The machine woke from sleep: the wall-clock gap since the last check is real time. */
  noteResume(): void {
    this.slept = true;
  }

  /** Clock check, then fire whatever is due; one check at a time. */
  check(): Promise<void> {
    return this.waiter.check();
  }

  /** Waits for the earliest unfired deadline (called after every change and every check). */
  schedule(): void {
    this.waiter.schedule();
  }

  private nextAt(): number | null {
    const wb = this.session.workbook;
    if (!wb || !this.session.isWritable) return null;
    let next: number | null = null;
    for (const t of wb.runbooks.timers) {
      if (t.state === 'running' && t.deadline !== null && t.firedAt === null)
        next = next === null ? t.deadline : Math.min(next, t.deadline);
    }
    return next;
  }

  private async run(): Promise<void> {
    const wb = this.session.workbook;
    if (!wb || !this.session.isWritable) return;
    const jump = this.jumps.sample(
      { wall: this.now().getTime(), mono: this.monotonic(), boot: this.boot?.() ?? null },
      this.slept,
    );
    this.slept = false;
    if (jump !== 0) {
      await this.session
        .dispatchAs({ type: 'timer.rebase', shiftMs: Math.round(jump) }, TIMER_KEEPER)
        .catch(() => undefined);
    }
    await this.fireDue();
  }

  private async fireDue(): Promise<void> {
    const wb = this.session.workbook;
    if (!wb) return;
    const now = this.now().getTime();
    const due = wb.runbooks.timers.filter((t) => isDue(t, now) && !this.alerted.has(`${t.id}@${t.deadline}`));
    if (due.length === 0) return;
    try {
      await this.session.dispatchAs({ type: 'timer.expire', timerIds: due.map((t) => t.id) }, TIMER_KEEPER);
    } catch {
      // Busy (a file being switched) or a disk error.
      this.waiter.retrySoon();
      return;
    }
    for (const t of due) this.alerted.add(`${t.id}@${t.deadline}`);
    const alerts: TimerAlert[] = due.map((t) => {
      const incident = wb.runbooks.incidents.find((i) => i.id === t.incidentId);
      return {
        timerId: t.id,
        label: t.label,
        incident: incident ? `${incident.drill ? 'Drill: ' : ''}${incident.title}` : '',
        deadline: t.deadline!,
        firedAt: now,
      };
    });
    this.recent = [...this.recent, ...alerts].slice(-200);
    this.events.emit('runbooks:timers-expired', { alerts });
  }
}
