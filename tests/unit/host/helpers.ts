import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { onTestFinished } from 'vitest';
import { invoke } from '../../../electron/host/dispatch';
import { type DurableFs, nodeDurableFs } from '../../../electron/host/durable-write';
import { createHost, type HostInternals } from '../../../electron/host/host';
import type { Host, HostOptions } from '../../../electron/host/types';
import type { HostApi, Method, MethodResults, Reply, SessionState } from '../../../shared/contract';
import type { Identity } from '../../../shared/domain/identity';
import { emptyWorkbook, type WorkbookFile } from '../../../shared/schema/workbook';

// Shared set-up for host tests: real files in a fresh temp folder per test, removed afterwards,
// and every host closed (so its lock is released) even when the test fails.

export const SAMPLE = resolve('resources/sample/crm-migration.rollout.json');

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'warroom-host-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Who signs changes in host tests, unless a test says otherwise. */
export const TESTER: Identity = { name: 'Tess Tester', role: 'QA lead' };

export function makeHost(
  dataDir: string,
  options: Partial<HostOptions> = {},
  internals: HostInternals = {},
): Host {
  const host = createHost({ dataDir, samplePath: SAMPLE, user: TESTER, ...options }, internals);
  onTestFinished(() => host.close().catch(() => undefined));
  return host;
}

/** A clock that moves one second per reading, so backups and audit times differ. */
export function steppingClock(start = '2026-11-24T10:00:00.000Z'): () => Date {
  let t = Date.parse(start);
  return () => {
    const d = new Date(t);
    t += 1000;
    return d;
  };
}

export function unwrap<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`Expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}

export async function readJson(path: string): Promise<WorkbookFile> {
  return JSON.parse(await readFile(path, 'utf8')) as WorkbookFile;
}

/**
 * Opens a workbook by path the way the desktop shell opens a file the OS hands it (double-click,
 * command line). Renderers cannot do this: they open by id, see openListed().
 */
export function openPath(host: Host, path: string): Promise<SessionState> {
  return host.openPath(path);
}

/** Opens a file the way a window does: find it in the host's listing, then open it by id. */
export async function openListed(host: Host, fileName: string): Promise<SessionState> {
  const folders = await host.api['files:list-folders'](undefined);
  const entry = folders.flatMap((f) => f.files).find((f) => f.fileName === fileName);
  if (!entry) throw new Error(`${fileName} is not in the host's listing`);
  return host.api['workbook:open-file']({ fileId: entry.id });
}

export { addStop, stopCondition } from '../../support/workbook-fixtures';

/** A valid, current-version workbook as file bytes. */
export function workbookJson(overrides: Partial<WorkbookFile> = {}): string {
  const wb = {
    ...emptyWorkbook('wb-test', 'Test rollout', '2026-11-24T09:00:00.000Z'),
    audit: [],
    ...overrides,
  };
  return `${JSON.stringify(wb, null, 2)}\n`;
}

/**
 * Bundles a child-process script (crash, lock and strace peers) so plain `node` can run it.
 * `plugins` can rewrite modules on the way, to build a deliberately broken variant.
 */
export async function bundleScript(
  entry: string,
  outDir: string,
  options: { plugins?: Plugin[]; suffix?: string } = {},
): Promise<string> {
  const name = entry.split('/').at(-1)!.replace(/\.ts$/, '');
  const outfile = join(outDir, `${name}${options.suffix ?? ''}.mjs`);
  await build({
    plugins: options.plugins ?? [],
    entryPoints: [resolve(entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

/**
 * The real file system, recording each durable-write call as "<op> <file name>", and failing
 * renames while `failing.rename` holds an error (a full disk, say).
 */
export function recordingFs(log: string[], failing: { rename?: Error } = {}): DurableFs {
  const name = (p: string) => p.split('/').at(-1)!;
  return {
    async createExclusive(path, mode) {
      log.push(`create ${name(path)}`);
      const handle = await nodeDurableFs.createExclusive(path, mode);
      return {
        async writeAll(data) {
          log.push(`write ${name(path)}`);
          await handle.writeAll(data);
        },
        async sync() {
          log.push(`fsync ${name(path)}`);
          await handle.sync();
        },
        async close() {
          log.push(`close ${name(path)}`);
          await handle.close();
        },
      };
    },
    async rename(from, to) {
      log.push(`rename ${name(from)} -> ${name(to)}`);
      if (failing.rename) throw failing.rename;
      await nodeDurableFs.rename(from, to);
    },
    async syncDir(dir) {
      log.push(`fsync-dir ${name(dir)}`);
      await nodeDurableFs.syncDir(dir);
    },
    async unlink(path) {
      log.push(`unlink ${name(path)}`);
      await nodeDurableFs.unlink(path);
    },
    modeOf: nodeDurableFs.modeOf,
  };
}

/** Calls through the same door the shells use, and returns the value (throwing on an error reply). */
export async function call<M extends Method>(
  api: HostApi,
  method: M,
  input: unknown,
): Promise<MethodResults[M]> {
  return unwrap(await invoke(api, method, input)) as MethodResults[M];
}
