import { mkdir } from 'node:fs/promises';
import { basename } from 'node:path';
import type { SharedReplay } from '../../shared/areas/drills/replay';
import type { HostApi } from '../../shared/contract';
import { WORKBOOK_SUFFIX } from '../../shared/domain/limits';
import { AutoPromoter } from './auto-promote';
import { BackupStore } from './backups';
import { platformBootClock } from './boot-clock';
import { CabService, refuseHostOnly } from './cab-service';
import { compareWith } from './compare-files';
import { DrillService } from './drill-service';
import { type DurableFs, nodeDurableFs } from './durable-write';
import { HostError } from './errors';
import { Emitter } from './events';
import { FileAccess } from './file-access';
import { defaultLockEnv, type LockEnv } from './file-lock';
import type { OpenContext } from './open-file';
import { slugify, workbooksDir } from './paths';
import { ReviewerKeys } from './reviewer-key';
import { Session } from './session';
import { SettingsStore } from './settings';
import { TimerService } from './timer-service';
import type { Host, HostOptions, ShellCapabilities } from './types';
import { WorkbookFiles } from './workbook-files';

// The workbook host: plain Node, no Electron, so the desktop shell, web mode and the tests all
// run exactly this. It owns the open file, its lock, undo history, audit log, saving and backups.
//
//   dispatch.ts        the one entry for both shells: validate `unknown` input, map every error
//   session.ts         open workbook + undo + audit (recent-audit.ts, audit-archive.ts) + writer
//                      (group-commit.ts batches saves; size-guard.ts keeps files reopenable)
//   workbook-files.ts  open / new / sample / Save As / upload / restore / close, one at a time
//   file-access.ts     which files may be touched: ids, allowed folders, checked names
//   open-file.ts       lock → clean temps → read → (backup, migrate) or problem (quarantine)
//   read-workbook.ts   stat + size limit + read; decode-workbook.ts the pure checks on bytes,
//                      with json-scan.ts (where JSON breaks) and tree-check.ts (depth, keys)
//   durable-write.ts   temp + fsync + rename + fsync dir; workbook-adapter.ts is lowdb's adapter
//   file-lock.ts, backups.ts (and quarantine), settings.ts (recent files, identity), paths.ts

/** Seams for tests; production callers pass nothing. */
export interface HostInternals {
  /** File-system calls of durable writes (to observe their order or inject a disk error). */
  fs?: DurableFs;
  /** Process identity and liveness used by the file lock. */
  lockEnv?: LockEnv;
}

export function createHost(options: HostOptions, internals: HostInternals = {}): Host {
  const now = options.now ?? (() => new Date());
  const fs = internals.fs ?? nodeDurableFs;
  const ctx: OpenContext = {
    dataDir: options.dataDir,
    fs,
    now,
    lockEnv: internals.lockEnv ?? defaultLockEnv(now),
    backups: new BackupStore(options.dataDir, fs, now),
  };
  const events = new Emitter();
  const settings = new SettingsStore(options.dataDir, fs, now);
  const session = new Session(
    events,
    {
      user: () => settings.user() ?? options.user ?? null,
      suggestedName: options.suggestedName ?? '',
      dialogs: options.shell !== undefined,
      projector: () => settings.projector(),
    },
    now,
  );
  // Folders are resolved once, when first needed (the workbooks folder may not exist before).
  let access: Promise<FileAccess> | null = null;
  const fileAccess = () => {
    access ??= mkdir(workbooksDir(options.dataDir), { recursive: true }).then(() =>
      FileAccess.create([
        { id: 'workbooks', label: 'Workbooks', path: workbooksDir(options.dataDir) },
        ...(options.allow ?? []).map((path, i) => ({
          id: `allowed-${i + 1}`,
          label: basename(path) || path,
          path,
        })),
      ]),
    );
    return access;
  };
  const promoter = new AutoPromoter(session, now);
  // A reading that makes the last gate pass promotes an automatic wave at once, not at the next tick.
  events.on('workbook:changed', () => queueMicrotask(() => void promoter.check()));
  const timers = new TimerService(
    session,
    events,
    now,
    options.monotonic ?? (() => performance.now()),
    options.bootClock === undefined ? platformBootClock() : options.bootClock,
  );
  // Every change and every open may move the earliest deadline.
  events.on('workbook:changed', () => timers.schedule());
  events.on('session:state-changed', () => timers.schedule());
  // The drill clock waits for the next inject the same way (drill-service.ts).
  const drills = new DrillService(session, now);
  events.on('workbook:changed', () => drills.schedule());
  events.on('session:state-changed', () => drills.schedule());
  let replay: SharedReplay | null = null;
  const files = new WorkbookFiles(
    ctx,
    session,
    settings,
    fileAccess,
    options.samplePath,
    options.shell !== undefined,
  );

  const shell = (): ShellCapabilities => {
    if (options.shell) return options.shell;
    throw new HostError(
      'unsupported',
      'File dialogs need the desktop app; use the file browser here instead.',
    );
  };

  const cab = new CabService(
    session,
    new ReviewerKeys(options.dataDir, fs, now),
    () => settings.user() ?? options.user ?? null,
    now,
  );

  const api: HostApi = {
    'session:get-state': async () => session.state(),
    'settings:set-identity': async (user) => {
      await settings.setUser(user);
      session.emitState();
      return user;
    },
    'workbook:dispatch-command': async (command) => session.dispatch(refuseHostOnly(command)),
    'workbook:undo-change': () => session.undo(),
    'workbook:redo-change': () => session.redo(),
    'files:list-folders': () => files.listFolders(),
    'workbook:open-file': ({ fileId }) => files.openById(fileId),
    'workbook:create-file': ({ name }) => files.create(name),
    'workbook:save-as': ({ folderId, fileName, overwrite }) =>
      files.saveAs(folderId, fileName, overwrite ?? false),
    'workbook:upload-copy': ({ fileName, text }) => files.uploadCopy(fileName, text),
    'workbook:open-sample': () => files.openSample(),
    'workbook:restore-backup': ({ backupId }) => files.restore(backupId),
    'workbook:list-recent': () => files.listRecent(),
    'dialog:open-workbook': async () => {
      const path = await shell().chooseOpenPath();
      return path ? files.openChosen(path) : null;
    },
    'dialog:save-workbook': async () => {
      const name = session.workbook?.name ?? 'workbook';
      const path = await shell().chooseSavePath(`${slugify(name)}${WORKBOOK_SUFFIX}`);
      return path ? files.saveAsChosen(path) : null;
    },
    'projector:set-settings': async (projector) => {
      await settings.setProjector(projector);
      session.emitState();
      return projector;
    },
    'projector:open-window': async () => {
      if (!options.shell) return { opened: false };
      await options.shell.openProjector();
      return { opened: true };
    },
    'history:list-entries': ({ area, before, limit }) => session.history(area, before, limit),
    'imports:find-mapping': ({ kind, header }) => settings.findMapping(kind, header),
    'imports:remember-mapping': ({ kind, header, mapping }) =>
      settings.rememberMapping(kind, header, mapping),
    'cab:reviewer-key': () => cab.reviewerKey(),
    'cab:record-decision': async (input) => cab.recordDecision(input),
    'cab:submit-for-review': async ({ note, reviewedHash, baseRevision }) =>
      cab.submit(note, reviewedHash, baseRevision),
    'cab:export-decisions': () => cab.exportDecisions(),
    'cab:check-decision-file': ({ text }) => cab.check(text),
    'cab:import-decisions': ({ text }) => cab.import(text),
    'workbook:compare': async ({ fileName, text }) => {
      const wb = session.workbook;
      if (!wb)
        throw new HostError('no-workbook', 'Open a workbook first, then pick the file to compare it with.');
      return compareWith(wb, fileName, text);
    },
    'export:print-pdf': async ({ html }) => {
      if (!options.shell?.printToPdf) {
        throw new HostError(
          'unsupported',
          'PDF needs the desktop app. Here, save the HTML and print it from your browser (Save as PDF): it is laid out for A4.',
        );
      }
      return { base64: Buffer.from(await options.shell.printToPdf(html)).toString('base64') };
    },
    'runbooks:recent-alerts': async () => timers.recentAlerts(),
    // The replay the main window shows, kept in memory only (it is a view, not a change to the
    // workbook) and pushed to every window so the projector follows it.
    'drills:share-replay': async (share) => {
      replay = share ? { ...share, setAt: now().getTime() } : null;
      events.emit('drills:replay-changed', replay);
      return replay;
    },
    'drills:shared-replay': async () => replay,
  };

  return {
    api,
    on: (event, listener) => events.on(event, listener),
    start: async () => {
      await fileAccess();
      await settings.ready();
      await files.start();
      promoter.start();
      timers.start();
      drills.start();
    },
    tick: async () => {
      await promoter.check();
      await timers.check();
      await drills.check();
    },
    noteResume: () => timers.noteResume(),
    openPath: (path) => files.openChosen(path),
    projectorWindow: {
      wasOpen: () => settings.projectorOpen(),
      setOpen: (open) => settings.setProjectorOpen(open),
    },
    close: async () => {
      promoter.stop();
      timers.stop();
      drills.stop();
      await files.close();
    },
  };
}
