import type { AuditEntry } from '../../shared/domain/audit';
import { formatBytes } from '../../shared/domain/format';
import { MAX_WORKBOOK_BYTES } from '../../shared/domain/limits';
import type { Patch } from '../../shared/domain/patches';
import { HostError } from './errors';
import { isRecord, LONG_LIST } from './workbook-text';

// The host never acknowledges a change into a file it would refuse to open. Serializing a large
// workbook on every edit just to measure it would double the cost of a change, so each change is
// estimated from above (what it adds, as pretty-printed JSON, at its depth) on top of the size
// last written; only when the estimate reaches the limit is the real size measured.

export class SizeGuard {
  private pending: { rev: number; bytes: number }[] = [];

  constructor(private savedBytes: number) {}

  /**
   * Throws 'too-large' when the change at `rev` would take the file past the limit. `exact`
   * serializes the candidate file; it is called only near the limit.
   */
  check(rev: number, patches: readonly Patch[], entry: AuditEntry, exact: () => number): void {
    const estimate = patches.reduce((sum, p) => sum + patchBytes(p), 0) + jsonBytes(entry, 2);
    const projected = this.savedBytes + this.pendingBytes() + estimate;
    if (projected > MAX_WORKBOOK_BYTES) {
      const size = exact();
      if (size > MAX_WORKBOOK_BYTES) {
        throw new HostError(
          'too-large',
          `This change was not applied: it would make the workbook ${formatBytes(size)}, over the ` +
            `${formatBytes(MAX_WORKBOOK_BYTES)} a workbook can be and still open. Nothing was lost. ` +
            'Remove items you no longer need, or split the rollout into two workbooks.',
        );
      }
      // Measured: start estimating afresh from the real size.
      this.savedBytes = size;
      this.pending = [];
      return;
    }
    this.pending.push({ rev, bytes: estimate });
  }

  /** The file now holds revision `rev` in `bytes` bytes. */
  written(rev: number, bytes: number): void {
    this.savedBytes = bytes;
    this.pending = this.pending.filter((p) => p.rev > rev);
  }

  private pendingBytes(): number {
    return this.pending.reduce((sum, p) => sum + p.bytes, 0);
  }
}

/** An upper bound on what `value` adds to a pretty-printed file at `depth`. */
function jsonBytes(value: unknown, depth: number): number {
  const text = JSON.stringify(value, null, 2) ?? '';
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  // Indentation grows with depth on every line; 64 covers the key, quotes and separators.
  return Buffer.byteLength(text) + lines * 2 * (depth + 1) + 64;
}

/**
 * An upper bound on what appending `items` to a list at `depth` adds. Past LONG_LIST records the
 * file writes the list a record a line (workbook-text.ts): compact JSON, indented, with a comma
 * and a newline. Pretty-printing 100,000 imported records only to count them built a 19 MB
 * string and cost more than the rest of the check.
 */
function appendBytes(items: unknown, depth: number): number {
  if (!Array.isArray(items) || items.length < LONG_LIST || !items.every(isRecord))
    return jsonBytes(items, depth);
  // Line by line: each short string is gone before the next, where one 17 MB string of the
  // whole list took twice as long, most of it in the collector.
  let bytes = 64;
  for (const item of items) bytes += Buffer.byteLength(JSON.stringify(item)) + 2 * depth + 2;
  return bytes;
}

/** What `patch` adds to the file, from above (exported for its test). */
export function patchBytes(patch: Patch): number {
  if (patch.op === 'remove') return 0;
  // An append's items sit one level deeper than its path, like an added item's.
  if (patch.op === 'append') return appendBytes(patch.value, patch.path.length + 1);
  return jsonBytes(patch.value, patch.path.length);
}
