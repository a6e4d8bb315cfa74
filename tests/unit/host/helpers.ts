import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { onTestFinished } from 'vitest';
import { invoke } from '../../../electron/host/dispatch';
import { type DurableFs, nodeDurableFs } from '../../../electron/host/durable-write';
import { createHost, type HostInternals } from '../../../electron/host/host';
import type { Host, HostOptions } from '../../../electron/host/types';
import type { HostApi, Method, MethodResults, Reply } from '../../../shared/contract';
import { emptyWorkbook, type Workbook } from '../../../shared/schema/workbook';

// Shared set-up for host tests: real files in a fresh temp folder per test, removed afterwards,
// and every host closed (so its lock is released) even when the test fails.

export const SAMPLE = resolve('resources/sample/crm-migration.rollout.json');

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'warroom-host-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export function makeHost(
  dataDir: string,
  options: Partial<HostOptions> = {},
  internals: HostInternals = {},
): Host {
  const host = createHost({ dataDir, samplePath: SAMPLE, actor: 'tester', ...options }, internals);
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

export async function readJson(path: string): Promise<Workbook> {
  return JSON.parse(await readFile(path, 'utf8')) as Workbook;
}

export { addStop, stopCondition } from '../../support/workbook-fixtures';

/** A valid, current-version workbook as file bytes. */
export function workbookJson(overrides: Partial<Workbook> = {}): string {
  const wb = { ...emptyWorkbook('wb-test', 'Test rollout', '2026-11-24T09:00:00.000Z'), ...overrides };
  return `${JSON.stringify(wb, null, 2)}\n`;
}

/** Bundles a child-process script (crash and lock peers) so plain `node` can run it. */
export async function bundleScript(entry: string, outDir: string): Promise<string> {
  const outfile = join(outDir, `${entry.split('/').at(-1)!.replace(/\.ts$/, '')}.mjs`);
  await build({
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
