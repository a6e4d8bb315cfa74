import { decideWave, isActive } from '../../shared/areas/waves/moves';
import type { Identity } from '../../shared/domain/identity';
import type { Session } from './session';

// The automatic promotion rule, kept by the host because it runs on the clock: a wave whose rule
// is "automatic" is promoted as soon as its hold is over and every gate passes on fresh data —
// the same decision the screens show (decideWave), signed by the rule, with the reasons.

export const PROMOTION_RULE: Identity = { name: 'Automatic promotion', role: 'Promotion rule' };
const EVERY_MS = 15_000;

export class AutoPromoter {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly session: Session,
    private readonly now: () => Date,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.check(), EVERY_MS);
    // A pending check must never keep a closing app (or a test run) alive.
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Promotes every automatic wave that is due; one check at a time. */
  check(): Promise<void> {
    this.running ??= this.promoteDue().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async promoteDue(): Promise<void> {
    const wb = this.session.workbook;
    if (!wb || !this.session.isWritable) return;
    const now = this.now().getTime();
    for (const wave of wb.waves.waves) {
      if (wave.promotion !== 'auto' || !isActive(wave) || wave.state === 'paused') continue;
      const decision = decideWave(wb, wave, now);
      if (decision.action !== 'promote') continue;
      const current = this.session.workbook;
      if (!current) return;
      await this.session
        .dispatchAs(
          {
            type: 'wave.move',
            waveId: wave.id,
            to: 'promoted',
            reason: `Automatic promotion: ${decision.reasons[0]}`,
            baseRevision: current.revision,
          },
          PROMOTION_RULE,
        )
        // Busy (a file being switched) or a disk error: the next check tries again.
        .catch(() => undefined);
    }
  }
}
