import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readFile, realpath, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { FolderEntry, RecentFile, SessionState } from '../../shared/contract';
import { formatBytes, messageOf } from '../../shared/domain/format';
import { MAX_WORKBOOK_BYTES, WORKBOOK_SUFFIX } from '../../shared/domain/limits';
import { emptyWorkbook } from '../../shared/schema/workbook';
import { revisionIn } from './backups';
import { decodeWorkbook } from './decode-workbook';
import { durableWrite, isCode } from './durable-write';
import { causeOf, HostError } from './errors';
import { type FileAccess, fileIdFor, NOT_AVAILABLE } from './file-access';
import { acquireLock, type HeldLock } from './file-lock';
import { fileStamp } from './format';
import { type OpenContext, openWorkbookFile } from './open-file';
import { archivePathFor, slugify, workbooksDir } from './paths';
import { readWorkbookFile } from './read-workbook';
import { sampleCopy } from './sample';
import type { Session } from './session';
import type { SettingsStore } from './settings';
import { serializeWorkbook } from './workbook-adapter';

// Everything that changes which file is open: start-up, open, sample, new, Save As, upload,
// restore, close. Each runs inside session.lifecycle(), one at a time, and leaves the previous
// file flushed and unlocked before the next one is touched. If the previous file cannot be
// flushed, nothing switches: unsaved changes are never dropped to open something else.
//
// Files are reached only through FileAccess: ids from a listing or the recent list, bare names
// in a listed folder, or (desktop shell) paths the user picked in a native dialog.

export class WorkbookFiles {
  constructor(
    private readonly ctx: OpenContext,
    private readonly session: Session,
    private readonly settings: SettingsStore,
    private readonly access: () => Promise<FileAccess>,
    private readonly samplePath: string,
    /** True in the desktop shell: recent files there were picked by the user in a native dialog. */
    private readonly trustRecents: boolean,
  ) {}

  start(): Promise<SessionState> {
    return this.session.lifecycle(async () => {
      for (const recent of await this.settings.recent()) {
        const path = await this.usable(recent.path);
        if (path) return this.switchTo(path);
      }
      return this.switchTo(await sampleCopy(this.ctx, this.samplePath));
    });
  }

  openById(fileId: string): Promise<SessionState> {
    return this.session.lifecycle(async () => {
      const access = await this.access();
      return this.switchTo(await access.resolveId(fileId, await this.trustedRecents()));
    });
  }

  /** A path the user chose outside the app (native dialog, double-click, drop, command line). */
  openChosen(path: string): Promise<SessionState> {
    return this.session.lifecycle(async () => {
      const access = await this.access();
      return this.switchTo(await access.checkWorkbook(path, true));
    });
  }

  openSample(): Promise<SessionState> {
    return this.session.lifecycle(async () => this.switchTo(await sampleCopy(this.ctx, this.samplePath)));
  }

  create(name: string): Promise<SessionState> {
    return this.session.lifecycle(async () => {
      await this.leaveCurrent('create a new workbook');
      const path = await this.freshPath(name);
      const wb = emptyWorkbook(`wb-${randomBytes(6).toString('hex')}`, name, this.ctx.now().toISOString());
      await durableWrite(path, serializeWorkbook({ ...wb, audit: [] }), this.ctx.fs);
      return this.switchTo(path);
    });
  }

  saveAs(folderId: string, fileName: string, overwrite: boolean): Promise<SessionState> {
    return this.session.lifecycle(async () => {
      const access = await this.access();
      return this.saveTo(await access.writeTarget(folderId, fileName, overwrite));
    });
  }

  /** Save As to a path from the native save dialog, which already asked about replacing. */
  saveAsChosen(path: string): Promise<SessionState> {
    return this.session.lifecycle(async () => {
      if (!path.endsWith(WORKBOOK_SUFFIX) || path.includes('\0'))
        throw new HostError('not-available', NOT_AVAILABLE);
      const folder = await realpath(dirname(path)).catch(() => null);
      if (!folder) throw new HostError('not-available', NOT_AVAILABLE);
      const target = join(folder, basename(path));
      const info = await lstat(target).catch(() => null);
      if (info && !info.isFile()) throw new HostError('not-available', NOT_AVAILABLE);
      return this.saveTo(target);
    });
  }

  /** A workbook dropped or uploaded into the window: checked, then kept as a copy in the workbooks folder. */
  uploadCopy(fileName: string, text: string): Promise<SessionState> {
    return this.session.lifecycle(async () => {
      const shown = basename(fileName.replaceAll('\\', '/')).slice(0, 120) || 'The file';
      const bytes = Buffer.from(text, 'utf8');
      if (bytes.length > MAX_WORKBOOK_BYTES) {
        throw new HostError(
          'too-large',
          `${shown} is ${formatBytes(bytes.length)}; a workbook is at most ${formatBytes(MAX_WORKBOOK_BYTES)}. Nothing was saved.`,
        );
      }
      const decoded = decodeWorkbook(bytes);
      if (!decoded.ok) {
        throw new HostError('not-a-workbook', `${shown} was not added. ${decoded.detail} Nothing was saved.`);
      }
      await this.leaveCurrent('add the uploaded workbook');
      const stem = shown.replace(/(\.rollout)?\.json$/i, '');
      const path = await this.freshPath(stem || decoded.file.name);
      await durableWrite(path, bytes, this.ctx.fs);
      return this.switchTo(path, null, [`Added a copy of ${shown} to your workbooks as ${basename(path)}.`]);
    });
  }

  restore(backupId: string): Promise<SessionState> {
    return this.session.lifecycle(async () => {
      const target = this.session.problemPath ?? this.session.path;
      if (!target) {
        throw new HostError('no-workbook', 'Open the workbook first: backups are kept for each file.');
      }
      const backup = this.ctx.backups.pathOf(target, backupId);
      const loaded = backup ? await readWorkbookFile(backup) : null;
      if (!backup || !loaded || (!loaded.ok && loaded.kind === 'not-found')) {
        throw new HostError(
          'not-a-backup',
          `That is not one of the backups kept for ${basename(target)}.`,
          'backupId',
        );
      }
      if (!loaded.ok) {
        throw new HostError('bad-backup', `That backup cannot be used either. ${loaded.detail}`, 'backupId');
      }
      if (this.session.path === target && !this.session.isWritable) {
        throw new HostError(
          'read-only',
          `${basename(target)} is open read-only here, so a backup cannot be restored over it.`,
        );
      }
      await this.leaveCurrent('restore a backup');
      const lock = await this.lockOrRefuse(target, 'restore the backup over');
      try {
        // A file that still opens is about to be replaced: back it up too. A bad one was
        // already quarantined when it failed to open.
        const present = await readWorkbookFile(target);
        if (present.ok) await this.ctx.backups.take(target, present.bytes, present.file.revision);
        await durableWrite(target, loaded.bytes, this.ctx.fs);
      } catch (error) {
        await lock.release();
        throw new HostError('save-failed', `Could not restore the backup: ${messageOf(error)}.`, '', {
          cause: error,
        });
      }
      const when = loaded.file.updatedAt.slice(0, 16).replace('T', ' ');
      const notice = `Restored the backup at revision ${loaded.file.revision} (last changed ${when} UTC).`;
      return this.switchTo(target, lock, [notice]);
    });
  }

  async listRecent(): Promise<RecentFile[]> {
    const out: RecentFile[] = [];
    for (const recent of await this.settings.recent()) {
      const path = await this.usable(recent.path);
      if (!path || out.some((r) => r.path === path)) continue;
      // The open workbook may have been renamed since it was opened: show its name as it is now.
      const name = (path === this.session.path ? this.session.workbook?.name : undefined) ?? recent.name;
      out.push({ id: fileIdFor(path), name, path, openedAt: recent.openedAt });
    }
    const notice = await this.settings.takeNotice();
    if (notice) this.session.addNotice(notice);
    return out;
  }

  async listFolders(): Promise<FolderEntry[]> {
    return (await this.access()).listFolders(this.session.path);
  }

  close(): Promise<void> {
    return this.session.lifecycle(async () => {
      await this.leaveCurrent('close it');
    });
  }

  /** Writes the open workbook (and its audit archive) to `target` and continues there. */
  private async saveTo(target: string): Promise<SessionState> {
    const file = this.session.snapshot();
    if (!file) throw new HostError('no-workbook', 'No workbook is open, so there is nothing to save.');
    if (target === this.session.path) {
      await this.session.flush();
      return this.session.state();
    }
    const lock = await this.lockOrRefuse(target, 'save to');
    let notices: string[] = [];
    try {
      // Replacing another file: keep a copy of what was there, as for any replaced workbook.
      const old = await readFile(target).catch(() => null);
      if (old) await this.ctx.backups.take(target, old, revisionIn(old));
      await this.carryArchive(target);
      await durableWrite(target, serializeWorkbook(file), this.ctx.fs);
    } catch (error) {
      await lock.release();
      throw new HostError(
        'save-failed',
        `Could not save to ${basename(target)}: ${messageOf(error)}. The open workbook is unchanged.`,
        '',
        { cause: error },
      );
    }
    // The same content is now safely in the new file, so a failed flush of the old one
    // loses nothing; say so rather than block the switch.
    await this.session.flush().catch(() => {
      notices = [
        'Your latest changes could not be saved to the previous file, but all of them are in this one.',
      ];
    });
    await this.session.closeCurrent(true);
    return this.switchTo(target, lock, notices);
  }

  /** The audit archive travels with its workbook; one already at the target is set aside, not lost. */
  private async carryArchive(target: string): Promise<void> {
    const to = archivePathFor(target);
    const existing = await lstat(to).catch(() => null);
    if (existing) await rename(to, `${to}.replaced-${fileStamp(this.ctx.now())}`);
    const from = this.session.archivePath;
    if (!from) return;
    let bytes: Buffer;
    try {
      bytes = await readFile(from);
    } catch (error) {
      if (isCode(error, 'ENOENT')) return;
      throw error;
    }
    await durableWrite(to, bytes, this.ctx.fs);
  }

  /** Opens `path` in place of the current file. `lock` is set when the caller already holds it. */
  private async switchTo(path: string, lock: HeldLock | null = null, notices: string[] = []) {
    // Reopening the file being edited changes nothing; reopening a read-only one retries the lock.
    if (path === this.session.path && this.session.isWritable && !lock) return this.session.state();
    await this.leaveCurrent('open another file');
    const settingsNotice = await this.settings.takeNotice();
    if (settingsNotice) notices = [settingsNotice, ...notices];
    const outcome = await openWorkbookFile(this.ctx, path, lock);
    if (!outcome.ok) {
      this.session.showProblem(outcome.problem, notices);
      return this.session.state();
    }
    await this.session.adopt(outcome.opened, [...notices, ...outcome.opened.notices]);
    await this.settings.addRecent(path, outcome.opened.db.data.name).catch((error: unknown) => {
      this.session.addNotice(`The recent-files list could not be updated (${messageOf(error)}).`);
    });
    return this.session.state();
  }

  private async leaveCurrent(purpose: string): Promise<void> {
    const path = this.session.path;
    try {
      await this.session.closeCurrent();
    } catch (error) {
      throw new HostError(
        'save-failed',
        `Your latest changes to ${basename(path ?? '')} could not be saved (${causeOf(error)}), so it ` +
          `stays open and Rollout War Room did not ${purpose}. Free up space or use Save As, then try again.`,
        '',
        { cause: error },
      );
    }
  }

  private async lockOrRefuse(target: string, verb: string): Promise<HeldLock> {
    const result = await acquireLock(target, this.ctx.lockEnv);
    if (result.kind === 'acquired') return result.lock;
    const why = result.owner
      ? `another Rollout War Room (pid ${result.owner.pid} on ${result.owner.hostname}) is editing it; close it there first`
      : 'its folder does not allow saving';
    throw new HostError('file-locked', `Could not ${verb} ${basename(target)}: ${why}.`);
  }

  /** A recent file's real path if it may still be opened here, else null. */
  private async usable(path: string): Promise<string | null> {
    const access = await this.access();
    return access.checkWorkbook(path, this.trustRecents).catch(() => null);
  }

  private async trustedRecents(): Promise<string[]> {
    return this.trustRecents ? (await this.settings.recent()).map((r) => r.path) : [];
  }

  /** A new file in the workbooks folder named after `name`, never an existing one. */
  private async freshPath(name: string): Promise<string> {
    const dir = workbooksDir(this.ctx.dataDir);
    await mkdir(dir, { recursive: true });
    const slug = slugify(name);
    let path = join(dir, `${slug}${WORKBOOK_SUFFIX}`);
    for (
      let n = 2;
      await lstat(path).then(
        () => true,
        () => false,
      );
      n++
    ) {
      path = join(dir, `${slug}-${n}${WORKBOOK_SUFFIX}`);
    }
    return path;
  }
}
