import { randomBytes } from 'node:crypto';
import { open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

// A write that survives a crash or power cut at any instant: the target always holds either the
// old bytes or the new ones, never a mix. Write a temp file in the same folder (rename is only
// atomic within one file system), fsync it so its bytes are on disk before it gets the target's
// name, rename it over the target, then fsync the folder so the rename itself is on disk.
// steno (lowdb's own writer) skips both fsyncs, which is why this exists.

/** An open file being written. Kept tiny so a test can record the exact call order. */
export interface WriteHandle {
  writeAll(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file-system calls a durable write makes. Defaults to node:fs; tests wrap it to observe. */
export interface DurableFs {
  /** Creates a new file (failing if it exists) with the given permission bits. */
  createExclusive(path: string, mode: number): Promise<WriteHandle>;
  rename(from: string, to: string): Promise<void>;
  syncDir(dir: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** Permission bits of an existing file, or null when there is none. */
  modeOf(path: string): Promise<number | null>;
}

export const nodeDurableFs: DurableFs = {
  async createExclusive(path, mode) {
    const handle = await open(path, 'wx', mode);
    return {
      writeAll: async (data) => {
        await handle.writeFile(data);
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  rename: (from, to) => rename(from, to),
  async syncDir(dir) {
    // Windows cannot open a folder for fsync; NTFS journals the rename itself.
    if (process.platform === 'win32') return;
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } catch (error) {
      // Some network and FUSE file systems refuse fsync on folders; the rename already happened,
      // and failing every save there would be worse than the weaker guarantee.
      if (!isCode(error, 'EINVAL', 'ENOTSUP', 'EISDIR')) throw error;
    } finally {
      await handle.close();
    }
  },
  unlink: (path) => unlink(path),
  async modeOf(path) {
    try {
      return (await stat(path)).mode & 0o777;
    } catch (error) {
      if (isCode(error, 'ENOENT')) return null;
      throw error;
    }
  },
};

/** `.<basename>.<16 hex>.tmp`: hidden, and recognisably ours when a crash leaves one behind. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(8).toString('hex')}.tmp`);
}

function tempPattern(target: string): RegExp {
  const escaped = basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\.${escaped}\\.[0-9a-f]{16}\\.tmp$`);
}

export async function durableWrite(
  target: string,
  data: Uint8Array,
  fs: DurableFs = nodeDurableFs,
): Promise<void> {
  // Keep the file's permissions: a workbook shared with a group must stay shared after a save.
  const mode = (await fs.modeOf(target)) ?? 0o666;
  const temp = tempPathFor(target);
  const handle = await fs.createExclusive(temp, mode);
  try {
    try {
      await handle.writeAll(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (error) {
    // Best effort: a full disk should not also leave litter. The target is untouched.
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await fs.syncDir(dirname(target));
}

/**
 * Deletes temp files a crashed writer left beside `target`. Call only while holding the file's
 * lock: another live writer's temp file looks exactly the same.
 */
export async function removeStaleTemps(target: string): Promise<string[]> {
  const pattern = tempPattern(target);
  let names: string[];
  try {
    names = await readdir(dirname(target));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.filter((n) => pattern.test(n))) {
    const path = join(dirname(target), name);
    await unlink(path).then(
      () => removed.push(path),
      () => undefined,
    );
  }
  return removed;
}

export function isCode(error: unknown, ...codes: string[]): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    codes.includes(String((error as { code: unknown }).code))
  );
}
