import type { AuditEntry } from '../../shared/domain/audit';

// The audit log the workbook keeps, newest last, with its size tracked so the host knows when
// to move older entries to the archive. Hysteresis (grow to MAX, trim to KEEP) makes archiving
// a rare, batched append rather than an extra fsync on every save.

export const AUDIT_MAX_ENTRIES = 1000;
export const AUDIT_KEEP_ENTRIES = 500;
export const AUDIT_MAX_BYTES = 1024 * 1024;
export const AUDIT_KEEP_BYTES = 512 * 1024;

export class RecentAudit {
  readonly entries: AuditEntry[] = [];
  private readonly sizes: number[] = [];
  private total = 0;

  constructor(entries: readonly AuditEntry[]) {
    for (const entry of entries) this.push(entry);
  }

  get bytes(): number {
    return this.total;
  }

  push(entry: AuditEntry): void {
    const size = JSON.stringify(entry).length;
    this.entries.push(entry);
    this.sizes.push(size);
    this.total += size;
  }

  /** The oldest entries to archive so the log is back under KEEP, or none while under MAX. */
  overflow(): AuditEntry[] {
    if (this.entries.length <= AUDIT_MAX_ENTRIES && this.total <= AUDIT_MAX_BYTES) return [];
    let kept = 0;
    let bytes = 0;
    for (let i = this.sizes.length - 1; i >= 0; i--) {
      if (kept >= AUDIT_KEEP_ENTRIES || bytes + this.sizes[i]! > AUDIT_KEEP_BYTES) break;
      kept++;
      bytes += this.sizes[i]!;
    }
    // Always keep the newest entry, however large: it is the change just made.
    return this.entries.slice(0, this.entries.length - Math.max(kept, 1));
  }

  /** Drops the `count` oldest entries (once they are safely in the archive). */
  dropOldest(count: number): void {
    this.entries.splice(0, count);
    for (const size of this.sizes.splice(0, count)) this.total -= size;
  }

  /** The entries up to revision `rev`: what belongs in a file written for that revision. */
  upTo(rev: number): AuditEntry[] {
    let end = this.entries.length;
    while (end > 0 && this.entries[end - 1]!.rev > rev) end--;
    return end === this.entries.length ? this.entries.slice() : this.entries.slice(0, end);
  }
}
