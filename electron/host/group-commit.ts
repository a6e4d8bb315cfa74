import type { SaveStatus } from '../../shared/contract';
import { messageOf } from '../../shared/domain/format';
import { HostError } from './errors';

// Group commit: at most one durable write in flight; every change that arrives meanwhile joins
// the next write, which carries the newest state. A burst of 1000 edits costs a handful of
// fsyncs instead of 1000, and each edit is acknowledged only once a write containing its
// revision has reached the disk.

interface Waiter {
  revision: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

interface Versioned {
  revision: number;
}

export class GroupCommit<T extends Versioned> {
  private latest: T | null = null;
  private savedRevision: number;
  private waiters: Waiter[] = [];
  private running: Promise<void> | null = null;
  private status: SaveStatus = { state: 'saved' };

  constructor(
    /** Persists one snapshot durably; throws if it did not. */
    private readonly write: (snapshot: T) => Promise<void>,
    private readonly onStatus: (status: SaveStatus) => void,
    /** The revision already on disk when the file was opened. */
    savedRevision: number,
  ) {
    this.savedRevision = savedRevision;
  }

  get saveStatus(): SaveStatus {
    return this.status;
  }

  /** True while some change is in memory only. */
  get dirty(): boolean {
    return this.latest !== null && this.latest.revision > this.savedRevision;
  }

  /** Queues `snapshot` (the newest state) and resolves once a write containing it is on disk. */
  submit(snapshot: T): Promise<void> {
    this.latest = snapshot;
    this.setStatus({ state: 'saving' });
    const done = new Promise<void>((resolve, reject) => {
      this.waiters.push({ revision: snapshot.revision, resolve, reject });
    });
    this.running ??= this.drain();
    return done;
  }

  /** Writes whatever is not yet on disk and waits for it; rejects if that write fails. */
  async flush(): Promise<void> {
    if (this.running) await this.running;
    if (this.dirty && this.latest) await this.submit(this.latest);
  }

  private async drain(): Promise<void> {
    // Let the rest of the current burst of synchronous submits join the first write too.
    await Promise.resolve();
    while (this.waiters.length > 0 && this.latest) {
      const snapshot = this.latest;
      const batch = this.waiters;
      this.waiters = [];
      this.setStatus({ state: 'saving' });
      try {
        await this.write(snapshot);
        this.savedRevision = Math.max(this.savedRevision, snapshot.revision);
        for (const w of batch) w.resolve();
        if (this.waiters.length === 0) this.setStatus({ state: 'saved' });
      } catch (error) {
        // The change stays in memory (dirty) and the next submit or flush writes it again.
        const message =
          `Changes up to revision ${snapshot.revision} are kept in this window but could not be ` +
          `saved to disk: ${messageOf(error)}. Saving will be retried with your next change; ` +
          'use Save As to keep a copy elsewhere.';
        for (const w of batch) w.reject(new HostError('save-failed', message, '', { cause: error }));
        this.setStatus({ state: 'error', message });
      }
    }
    this.running = null;
  }

  private setStatus(status: SaveStatus): void {
    if (status.state === this.status.state && status.state !== 'error') return;
    this.status = status;
    this.onStatus(status);
  }
}
