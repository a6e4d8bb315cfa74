import { dueInjects, nextDueWall } from '../../shared/areas/drills/clock';
import type { DrillRun } from '../../shared/areas/drills/run-schema';
import type { Identity } from '../../shared/domain/identity';
import { DeadlineWaiter } from './deadline-waiter';
import type { Session } from './session';

// The drill clock, kept by the host like the runbook timers (timer-service.ts) and for the same
// reasons: windows sleep, and the projector and the participants' screen may be other machines'
// browsers. Nothing ticks: one setTimeout waits for the earliest next inject of any running drill
// (clock.ts nextDueWall). When it wakes, each drill's due injects go into the file in ONE change
// (drills.run-fire-due, refused when nothing is due), stamped with the time they were due, and
// the change reaches every window as any change does. A restart loses nothing: the clock is in
// the file, so injects that fell due while the app was closed fire once when it opens, stamped
// when they were due. A paused or finished drill has nothing to wait for.

export const DRILL_CLOCK: Identity = { name: 'Drill clock', role: 'Host clock' };

const live = (r: DrillRun) => r.clock !== null && r.clock.pausedAt === null && r.endedAt === null;

export class DrillService {
  private readonly waiter: DeadlineWaiter;
  /** Injects this process fired: an undo of the firing must not make the host fire it again. */
  private readonly sent = new Set<string>();

  constructor(
    private readonly session: Session,
    private readonly now: () => Date,
  ) {
    this.waiter = new DeadlineWaiter(
      () => this.nextAt(),
      () => this.fireDue(),
      now,
    );
  }

  start(): void {
    this.schedule();
  }

  stop(): void {
    this.waiter.stop();
  }

  /** Fire whatever is due; one check at a time. */
  check(): Promise<void> {
    return this.waiter.check();
  }

  /** Waits for the earliest next inject (called after every change and every check). */
  schedule(): void {
    this.waiter.schedule();
  }

  private nextAt(): number | null {
    const wb = this.session.workbook;
    if (!wb || !this.session.isWritable) return null;
    let next: number | null = null;
    for (const run of wb.drills.runs) {
      if (!live(run)) continue;
      const at = nextDueWall(run.clock!, this.unsent(run), run.fired);
      if (at !== null) next = next === null ? at : Math.min(next, at);
    }
    return next;
  }

  private unsent(run: DrillRun) {
    return run.scenario.injects.filter((i) => !this.sent.has(`${run.id}/${i.id}`));
  }

  private async fireDue(): Promise<void> {
    const wb = this.session.workbook;
    if (!wb || !this.session.isWritable) return;
    const now = this.now().getTime();
    for (const run of wb.drills.runs) {
      if (!live(run)) continue;
      const due = dueInjects(run.clock!, this.unsent(run), run.fired, now);
      if (due.length === 0) continue;
      try {
        await this.session.dispatchAs({ type: 'drills.run-fire-due', runId: run.id }, DRILL_CLOCK);
      } catch {
        // Busy (a file being switched), a disk error, or a window fired it first.
        this.waiter.retrySoon();
        continue;
      }
      for (const f of due) this.sent.add(`${run.id}/${f.injectId}`);
    }
  }
}
