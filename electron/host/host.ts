import type { HostApi } from '../../shared/contract';
import { BackupStore } from './backups';
import { type DurableFs, nodeDurableFs } from './durable-write';
import { HostError } from './errors';
import { Emitter } from './events';
import { defaultLockEnv, type LockEnv } from './file-lock';
import type { OpenContext } from './open-file';
import { slugify, WORKBOOK_SUFFIX } from './paths';
import { Session } from './session';
import { SettingsStore } from './settings';
import type { Host, HostOptions, ShellCapabilities } from './types';
import { WorkbookFiles } from './workbook-files';

// The workbook host: plain Node, no Electron, so the desktop shell, web mode and the tests all
// run exactly this. It owns the open file, its lock, undo history, saving and backups.
//
//   dispatch.ts        the one entry for both shells: validate `unknown` input, map every error
//   session.ts         open workbook + undo history + change/ack; group-commit.ts batches saves
//   workbook-files.ts  open / new / sample / Save As / restore / close, one at a time
//   open-file.ts       lock → clean temps → read → (backup, migrate) or problem (quarantine)
//   read-workbook.ts   stat + size limit + read; decode-workbook.ts the pure checks on bytes,
//                      with json-scan.ts (where JSON breaks) and tree-check.ts (depth, keys)
//   durable-write.ts   temp + fsync + rename + fsync dir; workbook-adapter.ts is lowdb's adapter
//   file-lock.ts, backups.ts (and quarantine), settings.ts (recent files), paths.ts

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
  const session = new Session(events, options.actor, now);
  const settings = new SettingsStore(options.dataDir, fs, now);
  const files = new WorkbookFiles(ctx, session, settings, options.samplePath);

  const shell = (): ShellCapabilities => {
    if (options.shell) return options.shell;
    throw new HostError('unsupported', 'File dialogs are not available in web mode; type a path instead.');
  };

  const api: HostApi = {
    'session:get-state': async () => session.state(),
    'workbook:dispatch-command': (command) => session.dispatch(command),
    'workbook:undo-change': () => session.undo(),
    'workbook:redo-change': () => session.redo(),
    'workbook:open-file': ({ path }) => files.open(path),
    'workbook:create-file': ({ name }) => files.create(name),
    'workbook:save-as': ({ path }) => files.saveAs(path),
    'workbook:open-sample': () => files.openSample(),
    'workbook:restore-backup': ({ backupPath }) => files.restore(backupPath),
    'workbook:list-recent': () => files.listRecent(),
    'dialog:choose-open-path': async () => shell().chooseOpenPath(),
    'dialog:choose-save-path': async () => {
      const name = session.workbook?.name ?? 'workbook';
      return shell().chooseSavePath(`${slugify(name)}${WORKBOOK_SUFFIX}`);
    },
  };

  return {
    api,
    on: (event, listener) => events.on(event, listener),
    start: async () => {
      await files.start();
    },
    close: () => files.close(),
  };
}
