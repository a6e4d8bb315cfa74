import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { BackupInfo } from '../../shared/contract';
import { type DurableFs, durableWrite } from './durable-write';
import { fileStamp } from './format';
import { readWorkbookFile } from './read-workbook';

// Rotating copies of each workbook as it was opened (and before each migration), so a file
// damaged later by a crash, a bad sync or another editor can be restored. Kept under the
// user's data folder, one folder per workbook path, newest BACKUPS_KEPT only.

export const BACKUPS_KEPT = 10;

// <ISO time with '-' for ':'>-<seq>-r<revision>.rollout.json: sorts by time, then by order taken.
const NAME = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z)-(\d{3,})-r(\d+)\.rollout\.json$/;

export class BackupStore {
  constructor(
    private readonly dataDir: string,
    private readonly fs: DurableFs,
    private readonly now: () => Date,
  ) {}

  /** `<dataDir>/backups/<first 16 hex of sha256(absolute path)>`. */
  dirFor(workbookPath: string): string {
    const hash = createHash('sha256').update(resolve(workbookPath)).digest('hex').slice(0, 16);
    return join(this.dataDir, 'backups', hash);
  }

  /** The path of backup `id` of `workbookPath`, or null when the id is not a backup name. */
  pathOf(workbookPath: string, id: string): string | null {
    return NAME.test(id) && basename(id) === id ? join(this.dirFor(workbookPath), id) : null;
  }

  /**
   * Copies `bytes` into the workbook's backup folder and drops the oldest beyond BACKUPS_KEPT.
   * Returns the new backup's path, or null when the newest backup already holds these bytes
   * (reopening an unchanged file should not push older, different versions out).
   */
  async take(workbookPath: string, bytes: Uint8Array, revision: number): Promise<string | null> {
    const dir = this.dirFor(workbookPath);
    await mkdir(dir, { recursive: true });
    const names = await this.names(dir);
    const newest = names.at(-1);
    if (newest) {
      const previous = await readFile(join(dir, newest)).catch(() => null);
      if (previous && Buffer.compare(previous, bytes) === 0) return null;
    }
    const stamp = fileStamp(this.now());
    const seq = names.reduce((max, n) => {
      const m = NAME.exec(n)!;
      return m[1] === stamp ? Math.max(max, Number(m[2]) + 1) : max;
    }, 0);
    const name = `${stamp}-${String(seq).padStart(3, '0')}-r${revision}.rollout.json`;
    const path = join(dir, name);
    await durableWrite(path, bytes, this.fs);
    const all = [...names, name].sort(compareNames);
    for (const old of all.slice(0, Math.max(0, all.length - BACKUPS_KEPT))) {
      await unlink(join(dir, old)).catch(() => undefined);
    }
    return path;
  }

  /** Backups of this workbook that open cleanly, newest first. */
  async list(workbookPath: string): Promise<BackupInfo[]> {
    const dir = this.dirFor(workbookPath);
    const out: BackupInfo[] = [];
    for (const name of (await this.names(dir)).reverse()) {
      const path = join(dir, name);
      const loaded = await readWorkbookFile(path);
      if (!loaded.ok) continue;
      const stamp = NAME.exec(name)![1]!;
      out.push({
        id: name,
        takenAt: stamp.replace(/T(\d{2})-(\d{2})-(\d{2})/, 'T$1:$2:$3'),
        revision: loaded.file.revision,
        bytes: loaded.bytes.length,
      });
    }
    return out;
  }

  /** Backup file names in `dir`, oldest first. */
  private async names(dir: string): Promise<string[]> {
    const all = await readdir(dir).catch(() => [] as string[]);
    return all.filter((n) => NAME.test(n)).sort(compareNames);
  }
}

function compareNames(a: string, b: string): number {
  const ma = NAME.exec(a)!;
  const mb = NAME.exec(b)!;
  if (ma[1] !== mb[1]) return ma[1]! < mb[1]! ? -1 : 1;
  return Number(ma[2]) - Number(mb[2]);
}

/** The revision recorded in raw workbook bytes, or 0 when they do not say. For naming only. */
export function revisionIn(bytes: Uint8Array): number {
  try {
    const value: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
    const revision = (value as { revision?: unknown } | null)?.revision;
    return Number.isInteger(revision) && (revision as number) >= 0 ? (revision as number) : 0;
  } catch {
    return 0;
  }
}

/**
 * Keeps a copy of a bad file's bytes at `<dataDir>/quarantine/<basename>.<time>.bad` for support.
 * The original is never modified or moved: it may be the only copy, and it is the user's.
 */
export async function quarantine(
  dataDir: string,
  workbookPath: string,
  bytes: Uint8Array,
  now: Date,
  fs: DurableFs,
): Promise<string> {
  const dir = join(dataDir, 'quarantine');
  await mkdir(dir, { recursive: true });
  const taken = new Set(await readdir(dir));
  const stem = `${basename(workbookPath)}.${fileStamp(now)}`;
  let name = `${stem}.bad`;
  for (let n = 2; taken.has(name); n++) name = `${stem}-${n}.bad`;
  const path = join(dir, name);
  await durableWrite(path, bytes, fs);
  return path;
}
