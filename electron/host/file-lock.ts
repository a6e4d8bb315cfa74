import { readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname as osHostname } from 'node:os';
import { basename } from 'node:path';
import { z } from 'zod';
import { isCode } from './durable-write';
import { formatClock } from './format';

// One writer per workbook. Two processes saving the same file would silently drop each other's
// changes, so the first takes `<file>.lock` (created exclusively) and any later one opens the
// file read-only and says who holds it. A lock whose process has died (kill -9, power cut)
// is stale and taken over.
//
// Known limits, accepted for a desktop app: a crashed app's pid reused by an unrelated process
// makes its lock look live (the read-only message says how to clear it), and two processes
// taking over the same stale lock in the same instant can both succeed.

const OwnerSchema = z.object({
  pid: z.number().int().positive(),
  hostname: z.string(),
  startedAt: z.string(),
});
export type LockOwner = z.infer<typeof OwnerSchema>;

export interface HeldLock {
  path: string;
  owner: LockOwner;
  /** Deletes the lock file if it is still ours. Safe to call twice. */
  release(): Promise<void>;
}

export type LockResult =
  | {
      kind: 'acquired';
      lock: HeldLock /** Set when a dead process's lock was taken over. */;
      staleOwner: LockOwner | null;
    }
  /** Someone else is editing (owner set), or the folder cannot hold a lock (owner null). */
  | { kind: 'read-only'; owner: LockOwner | null; reason: string };

export interface LockEnv {
  pid: number;
  hostname: string;
  now: () => Date;
  /** True when `pid` is running on this machine. */
  isAlive: (pid: number) => boolean;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user. Still alive.
    return isCode(error, 'EPERM');
  }
}

export const defaultLockEnv = (now: () => Date): LockEnv => ({
  pid: process.pid,
  hostname: osHostname(),
  now,
  isAlive: isProcessAlive,
});

export const lockPathFor = (workbookPath: string) => `${workbookPath}.lock`;

export async function acquireLock(workbookPath: string, env: LockEnv): Promise<LockResult> {
  const path = lockPathFor(workbookPath);
  const owner: LockOwner = { pid: env.pid, hostname: env.hostname, startedAt: env.now().toISOString() };
  let staleOwner: LockOwner | null = null;
  // A few rounds: after taking over a stale lock, or when the holder let go as we looked.
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      await writeFile(path, `${JSON.stringify(owner)}\n`, { flag: 'wx' });
      return { kind: 'acquired', lock: heldLock(path, owner), staleOwner };
    } catch (error) {
      if (isCode(error, 'EACCES', 'EPERM', 'EROFS')) {
        // A read-only share, CD or protected folder: reading is still fine, saving is not.
        return { kind: 'read-only', owner: null, reason: NO_WRITE_REASON };
      }
      if (!isCode(error, 'EEXIST')) throw error;
    }
    const current = await readOwner(path);
    if (current === 'gone') continue;
    if (current !== 'garbled' && isLive(current, env)) {
      return { kind: 'read-only', owner: current, reason: heldReason(current, workbookPath, env) };
    }
    // Dead owner, or a lock left half-written by a crash: take it over.
    staleOwner = current === 'garbled' ? null : current;
    await unlink(path).catch((error: unknown) => {
      if (!isCode(error, 'ENOENT')) throw error;
    });
  }
  throw new Error(`The lock ${path} keeps changing; another process may be opening the same file.`);
}

const NO_WRITE_REASON =
  'This folder does not allow saving (it is read-only or you lack permission); opened read-only. ' +
  'Use Save As to keep an editable copy somewhere else.';

async function readOwner(path: string): Promise<LockOwner | 'gone' | 'garbled'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return 'gone';
    throw error;
  }
  try {
    const parsed = OwnerSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'garbled';
  } catch {
    return 'garbled';
  }
}

function isLive(owner: LockOwner, env: LockEnv): boolean {
  // A process on another computer (a shared folder) cannot be checked; assume it is alive.
  if (owner.hostname !== env.hostname) return true;
  return env.isAlive(owner.pid);
}

function heldReason(owner: LockOwner, workbookPath: string, env: LockEnv): string {
  const started = new Date(owner.startedAt);
  const since = Number.isNaN(started.getTime()) ? 'an unknown time' : formatClock(started, env.now());
  const lockName = basename(lockPathFor(workbookPath));
  const who =
    owner.hostname !== env.hostname
      ? `Rollout War Room on another computer (${owner.hostname}, pid ${owner.pid}, since ${since})`
      : owner.pid === env.pid
        ? `Another window of this Rollout War Room (since ${since})`
        : `Another Rollout War Room process (pid ${owner.pid}, since ${since})`;
  return (
    `${who} is editing this file; opened read-only. To edit here, close it there and open the file ` +
    `again (if that app is no longer running, delete ${lockName} beside the file).`
  );
}

function heldLock(path: string, owner: LockOwner): HeldLock {
  let released = false;
  return {
    path,
    owner,
    async release() {
      if (released) return;
      released = true;
      // Never delete a lock another process has since taken over from us.
      const current = await readOwner(path).catch(() => 'gone' as const);
      if (typeof current !== 'object') return;
      if (current.pid !== owner.pid || current.startedAt !== owner.startedAt) return;
      await unlink(path).catch(() => undefined);
    },
  };
}
