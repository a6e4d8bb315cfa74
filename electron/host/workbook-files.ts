import { randomBytes } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { RecentFile, SessionState } from '../../shared/contract';
import { emptyWorkbook } from '../../shared/schema/workbook';
import { revisionIn } from './backups';
import { durableWrite } from './durable-write';
import { causeOf, HostError, messageOf } from './errors';
import { acquireLock, type HeldLock } from './file-lock';
import { type OpenContext, openWorkbookFile } from './open-file';
import { canonicalPath, slugify, WORKBOOK_SUFFIX, workbooksDir } from './paths';
import { readWorkbookFile } from './read-workbook';
import type { Session } from './session';
import type { SettingsStore } from './settings';
import { serializeWorkbook } from './workbook-adapter';

// Everything that changes which file is open: start-up, open, sample, new, Save As, restore,
// close. Each runs inside session.lifecycle(), one at a time, and leaves the previous file
// flushed and unlocked before the next one is touched. If the previous file cannot be flushed,
// nothing switches: unsaved changes are never dropped to open something else.
//
// A file that fails to open is not opened: the previous workbook is closed, the session shows
// the problem (with backups to restore) and has no workbook until the user picks one.

export class WorkbookFiles {
  constructor(
    private readonly ctx: OpenContext,
    private readonly session: Session,
    private readonly settings: SettingsStore,
    private readonly samplePath: string,
  ) {}

  start(): Promise<SessionState> {
    return this.session.lifecycle(async () => {
      for (const recent of await this.settings.recent()) {
        if (await isFile(recent.path)) return this.switchTo(recent.path);
      }
      return this.switchTo(await this.sampleCopy());
    });
  }

  open(input: string): Promise<SessionState> {
    return this.session.lifecycle(async () => this.switchTo(await this.canonical(input)));
  }

  openSample(): Promise<SessionState> {
    return this.session.lifecycle(async () => this.switchTo(await this.sampleCopy()));
  }

  create(name: string): Promise<SessionState> {
    return this.session.lifecycle(async () => {
      await this.leaveCurrent('create a new workbook');
      const dir = workbooksDir(this.ctx.dataDir);
      await mkdir(dir, { recursive: true });
      const slug = slugify(name);
      let path = join(dir, `${slug}${WORKBOOK_SUFFIX}`);
      for (let n = 2; await exists(path); n++) path = join(dir, `${slug}-${n}${WORKBOOK_SUFFIX}`);
      const wb = emptyWorkbook(`wb-${randomBytes(6).toString('hex')}`, name, this.ctx.now().toISOString());
      await durableWrite(path, serializeWorkbook(wb), this.ctx.fs);
      return this.switchTo(path);
    });
  }

  saveAs(input: string): Promise<SessionState> {
    return this.session.lifecycle(async () => {
      if (!input.trim().endsWith(WORKBOOK_SUFFIX)) {
        throw new HostError(
          'invalid-path',
          `A workbook file name must end in ${WORKBOOK_SUFFIX}; "${basename(input)}" does not.`,
          'path',
        );
      }
      const wb = this.session.workbook;
      if (!wb) throw new HostError('no-workbook', 'No workbook is open, so there is nothing to save.');
      const target = await this.canonical(input);
      if (target === this.session.path) {
        await this.session.flush();
        return this.session.state();
      }
      if (!(await isFolder(dirname(target)))) {
        throw new HostError('invalid-path', `The folder ${dirname(target)} does not exist.`, 'path');
      }
      const lock = await this.lockOrRefuse(target, 'save to');
      let notices: string[] = [];
      try {
        // Overwriting another file: keep a copy of what was there, as for any replaced workbook.
        if (await isFile(target)) {
          const old = await readFile(target);
          await this.ctx.backups.take(target, old, revisionIn(old));
        }
        await durableWrite(target, serializeWorkbook(wb), this.ctx.fs);
      } catch (error) {
        await lock.release();
        throw new HostError(
          'save-failed',
          `Could not save to ${target}: ${messageOf(error)}. The open workbook is unchanged.`,
          'path',
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
    });
  }

  restore(backupPath: string): Promise<SessionState> {
    return this.session.lifecycle(async () => {
      const target = this.session.problemPath ?? this.session.path;
      if (!target) {
        throw new HostError('no-workbook', 'Open the workbook first: backups are kept for each file.');
      }
      const backup = resolve(backupPath);
      if (!this.ctx.backups.isBackupOf(target, backup)) {
        throw new HostError(
          'not-a-backup',
          `${basename(backup)} is not one of the backups kept for ${basename(target)}.`,
          'backupPath',
        );
      }
      const loaded = await readWorkbookFile(backup);
      if (!loaded.ok) {
        throw new HostError(
          'bad-backup',
          `That backup cannot be used either. ${loaded.detail}`,
          'backupPath',
        );
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
        if (present.ok) await this.ctx.backups.take(target, present.bytes, present.workbook.revision);
        await durableWrite(target, loaded.bytes, this.ctx.fs);
      } catch (error) {
        await lock.release();
        throw new HostError('save-failed', `Could not restore the backup: ${messageOf(error)}.`, '', {
          cause: error,
        });
      }
      const when = loaded.workbook.updatedAt.slice(0, 16).replace('T', ' ');
      const notice = `Restored the backup at revision ${loaded.workbook.revision} (last changed ${when} UTC).`;
      return this.switchTo(target, lock, [notice]);
    });
  }

  async listRecent(): Promise<RecentFile[]> {
    const out: RecentFile[] = [];
    for (const recent of await this.settings.recent()) {
      if (!(await isFile(recent.path))) continue;
      // The open workbook may have been renamed since it was opened: show its name as it is now.
      const live = recent.path === this.session.path ? this.session.workbook?.name : undefined;
      out.push(live ? { ...recent, name: live } : recent);
    }
    const notice = await this.settings.takeNotice();
    if (notice) this.session.addNotice(notice);
    return out;
  }

  close(): Promise<void> {
    return this.session.lifecycle(async () => {
      await this.leaveCurrent('close it');
    });
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

  private canonical(input: string): Promise<string> {
    return canonicalPath(input, workbooksDir(this.ctx.dataDir));
  }

  /** The user's own copy of the bundled sample: the bundle itself is never edited. */
  private async sampleCopy(): Promise<string> {
    const target = join(workbooksDir(this.ctx.dataDir), basename(this.samplePath));
    if (await exists(target)) return target;
    const bytes = await readFile(this.samplePath).catch((error: unknown) => {
      throw new HostError(
        'not-found',
        `The sample workbook that ships with the app is missing: ${messageOf(error)}`,
      );
    });
    try {
      await mkdir(dirname(target), { recursive: true });
      await durableWrite(target, bytes, this.ctx.fs);
    } catch (error) {
      const message = `Could not copy the sample workbook to ${target}: ${messageOf(error)}`;
      throw new HostError('save-failed', message, '', { cause: error });
    }
    return target;
  }
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );
const isFile = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
const isFolder = (path: string) =>
  stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
