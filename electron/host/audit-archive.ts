import { open, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type AuditEntry, AuditEntrySchema } from '../../shared/domain/audit';
import { type DurableFs, isCode, nodeDurableFs } from './durable-write';

// The append-only archive beside a workbook (`<name>.rollout.audit.jsonl`, one entry a line).
// The workbook keeps only its recent audit log, so it stays small enough to reopen however long
// it is used; older entries are appended here first, durably, and only then dropped from the
// workbook. A crash in between leaves entries in both places, so appends skip revisions the
// archive already holds; a crash mid-append leaves a torn last line, which the next append cuts.

const CHUNK = 64 * 1024;

export interface ArchivePage {
  entries: AuditEntry[];
  /** Lines that could not be read as entries (a damaged archive), left out of `entries`. */
  skipped: number;
}

export class AuditArchive {
  private lastRev: number | null = null;

  constructor(
    readonly path: string,
    private readonly fs: DurableFs = nodeDurableFs,
  ) {}

  /** Appends the entries the archive does not hold yet, oldest first, and fsyncs them. */
  async append(entries: readonly AuditEntry[]): Promise<void> {
    const last = await this.lastRevision();
    const fresh = entries.filter((e) => e.rev > last);
    if (fresh.length === 0) return;
    const existed = await stat(this.path).then(
      () => true,
      () => false,
    );
    const handle = await open(this.path, 'a+');
    try {
      await cutTornTail(handle);
      await handle.write(`${fresh.map((e) => JSON.stringify(e)).join('\n')}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // A new file's name is in its folder's entry: make that durable too.
    if (!existed) await this.fs.syncDir(dirname(this.path));
    this.lastRev = fresh.at(-1)!.rev;
  }

  /** The newest revision archived, 0 when there is no archive yet. */
  async lastRevision(): Promise<number> {
    if (this.lastRev !== null) return this.lastRev;
    let last = 0;
    for await (const line of this.linesNewestFirst()) {
      const rev = revisionOf(line);
      if (rev !== null) {
        last = rev;
        break;
      }
    }
    this.lastRev = last;
    return last;
  }

  /** Entries older than `before`, newest first, matching `accept`, at most `limit` (+1 to tell if more). */
  async page(before: number, limit: number, accept: (e: AuditEntry) => boolean): Promise<ArchivePage> {
    const entries: AuditEntry[] = [];
    let skipped = 0;
    for await (const line of this.linesNewestFirst()) {
      const parsed = parseLine(line);
      if (!parsed) {
        skipped++;
        continue;
      }
      if (parsed.rev >= before || !accept(parsed)) continue;
      entries.push(parsed);
      if (entries.length >= limit) break;
    }
    return { entries, skipped };
  }

  /** Complete lines from the end of the file backwards, read in chunks (the archive can be large). */
  private async *linesNewestFirst(): AsyncGenerator<string> {
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(this.path, 'r');
    } catch (error) {
      if (isCode(error, 'ENOENT')) return;
      throw error;
    }
    try {
      let pos = (await handle.stat()).size;
      let carry = Buffer.alloc(0);
      let first = true;
      while (pos > 0) {
        const start = Math.max(0, pos - CHUNK);
        const chunk = Buffer.alloc(pos - start);
        await handle.read(chunk, 0, chunk.length, start);
        pos = start;
        let buffer = Buffer.concat([chunk, carry]);
        if (first) {
          // A last line without its newline is a torn append: not an entry yet.
          const end = buffer.lastIndexOf(0x0a);
          if (end < 0) {
            carry = Buffer.alloc(0);
            continue;
          }
          buffer = buffer.subarray(0, end + 1);
          first = false;
        }
        let end = buffer.length;
        for (let i = buffer.length - 2; i >= 0; i--) {
          if (buffer[i] !== 0x0a) continue;
          const line = buffer
            .subarray(i + 1, end)
            .toString('utf8')
            .trim();
          if (line) yield line;
          end = i + 1;
        }
        carry = buffer.subarray(0, end);
      }
      const line = carry.toString('utf8').trim();
      if (line) yield line;
    } finally {
      await handle.close();
    }
  }
}

function parseLine(line: string): AuditEntry | null {
  try {
    const parsed = AuditEntrySchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function revisionOf(line: string): number | null {
  return parseLine(line)?.rev ?? null;
}

/** Removes a partial last line left by a crash mid-append, so the next line starts clean. */
async function cutTornTail(handle: Awaited<ReturnType<typeof open>>): Promise<void> {
  const size = (await handle.stat()).size;
  if (size === 0) return;
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  if (last[0] === 0x0a) return;
  let pos = size;
  while (pos > 0) {
    const start = Math.max(0, pos - CHUNK);
    const chunk = Buffer.alloc(pos - start);
    await handle.read(chunk, 0, chunk.length, start);
    const newline = chunk.lastIndexOf(0x0a);
    if (newline >= 0) {
      await handle.truncate(start + newline + 1);
      return;
    }
    pos = start;
  }
  await handle.truncate(0);
}
