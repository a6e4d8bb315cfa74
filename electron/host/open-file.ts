import { stat } from 'node:fs/promises';
import { Low } from 'lowdb';
import type { OpenProblem } from '../../shared/contract';
import { messageOf } from '../../shared/domain/format';
import { SCHEMA_VERSION, type WorkbookFile } from '../../shared/schema/workbook';
import { type BackupStore, quarantine } from './backups';
import { type DurableFs, removeStaleTemps } from './durable-write';
import { acquireLock, type HeldLock, type LockEnv } from './file-lock';
import { PROBLEM_TITLES } from './problem-titles';
import { type Loaded, readWorkbookFile } from './read-workbook';
import { DurableWorkbookAdapter } from './workbook-adapter';

// The open pipeline: lock, clean up after a crash, read and check, then either hand back a
// workbook ready to edit or a problem that names what is wrong. A bad file is quarantined
// (copied) and never touched; the newest backups that still open are offered instead.

export interface OpenContext {
  dataDir: string;
  fs: DurableFs;
  now: () => Date;
  lockEnv: LockEnv;
  backups: BackupStore;
}

export interface OpenedWorkbook {
  path: string;
  /** Null when read-only: someone else holds the lock, or the folder cannot be written. */
  lock: HeldLock | null;
  readOnlyReason: string | null;
  /** lowdb over the durable adapter; `db.data` is the file as opened (migrated if older). */
  db: Low<WorkbookFile>;
  adapter: DurableWorkbookAdapter;
  /** Size of the file as read, where the size guard starts. */
  bytes: number;
  /** True when the file is an older version upgraded in memory and not yet written back. */
  migrated: boolean;
  notices: string[];
}

export type OpenOutcome = { ok: true; opened: OpenedWorkbook } | { ok: false; problem: OpenProblem };

/**
 * Opens the file at `path` (already canonical). `heldLock` is passed when the caller already
 * took the lock, e.g. before writing a restored backup over the file.
 */
export async function openWorkbookFile(
  ctx: OpenContext,
  path: string,
  heldLock: HeldLock | null = null,
): Promise<OpenOutcome> {
  const notices: string[] = [];
  let lock = heldLock;
  let readOnlyReason: string | null = null;
  // A missing file, a folder or a device gets no lock file created beside it; the reader
  // names the problem without reading any content.
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) {
    const refused = await readWorkbookFile(path);
    if (!refused.ok) {
      await heldLock?.release();
      return { ok: false, problem: await describeProblem(ctx, path, refused) };
    }
  }
  if (!lock) ({ lock, readOnlyReason } = await tryLock(ctx, path, notices));
  try {
    // Only the lock holder may clean up: another live writer's temp file looks just the same.
    if (lock) await removeStaleTemps(path);
    const loaded = await readWorkbookFile(path);
    if (!loaded.ok) {
      await lock?.release();
      return { ok: false, problem: await describeProblem(ctx, path, loaded) };
    }
    const migrated = loaded.fromVersion < SCHEMA_VERSION;
    if (lock && migrated) {
      try {
        // Before anything is written back, keep the original bytes: a migration is one-way.
        await ctx.backups.take(path, loaded.bytes, loaded.file.revision);
      } catch (error) {
        await lock.release();
        lock = null;
        readOnlyReason =
          `This workbook uses schema ${loaded.fromVersion} and must be upgraded to edit it, but a ` +
          `backup of the original could not be made first (${messageOf(error)}); opened read-only. ` +
          'Use Save As to keep an upgraded copy.';
      }
    } else if (lock) {
      await ctx.backups.take(path, loaded.bytes, loaded.file.revision).catch((error: unknown) => {
        notices.push(`No backup of this file could be made (${messageOf(error)}).`);
      });
    }
    if (migrated) notices.push(migrationNotice(loaded.fromVersion, loaded.applied, lock !== null));
    const adapter = new DurableWorkbookAdapter(path, ctx.fs);
    const db = new Low<WorkbookFile>(adapter, loaded.file);
    const bytes = loaded.bytes.length;
    return { ok: true, opened: { path, lock, readOnlyReason, db, adapter, bytes, migrated, notices } };
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

async function tryLock(
  ctx: OpenContext,
  path: string,
  notices: string[],
): Promise<{ lock: HeldLock | null; readOnlyReason: string | null }> {
  try {
    const result = await acquireLock(path, ctx.lockEnv);
    if (result.kind === 'read-only') return { lock: null, readOnlyReason: result.reason };
    if (result.staleOwner) {
      notices.push(
        `Rollout War Room process ${result.staleOwner.pid} stopped without closing this file; ` +
          'its lock was cleared and the last saved version was opened.',
      );
    }
    return { lock: result.lock, readOnlyReason: null };
  } catch (error) {
    // Viewing must never depend on locking; only editing does.
    return {
      lock: null,
      readOnlyReason: `The file could not be locked for editing (${messageOf(error)}); opened read-only.`,
    };
  }
}

function migrationNotice(fromVersion: number, applied: string[], written: boolean): string {
  const steps = applied.join(', ');
  return written
    ? `This workbook was upgraded from schema ${fromVersion} to ${SCHEMA_VERSION} (${steps}); ` +
        'a backup of the original was kept.'
    : `This workbook uses schema ${fromVersion}; it was upgraded in memory only (${steps}) because ` +
        'it is open read-only. The file was not changed.';
}

async function describeProblem(
  ctx: OpenContext,
  path: string,
  loaded: Extract<Loaded, { ok: false }>,
): Promise<OpenProblem> {
  let detail = loaded.detail;
  let quarantinedTo: string | null = null;
  // Too-large and unreadable files are not copied: the original is untouched either way, and
  // copying gigabytes into the data folder would only fill the disk.
  if (loaded.bytes) {
    try {
      quarantinedTo = await quarantine(ctx.dataDir, path, loaded.bytes, ctx.now(), ctx.fs);
    } catch (error) {
      detail += ` (A copy for support could not be kept: ${messageOf(error)}.)`;
    }
  }
  const backups = await ctx.backups.list(path).catch(() => []);
  return { kind: loaded.kind, path, title: PROBLEM_TITLES[loaded.kind], detail, quarantinedTo, backups };
}
