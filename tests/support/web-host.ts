import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
export const WEB_CLI = join(REPO, 'dist/electron/web-cli.mjs');
export const SAMPLE_NAME = 'crm-migration.rollout.json';

export interface WebHost {
  url: string;
  dataDir: string;
  /** Where the host keeps its copy of the bundled sample. */
  samplePath: string;
  stop(): Promise<void>;
}

/** Starts the real host in web mode (built dist/) on a fresh data folder and waits for its URL. */
export async function startWebHost(dataDir?: string): Promise<WebHost> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'warroom-e2e-')));
  const child = spawn(process.execPath, [WEB_CLI, '--data-dir', dir, '--port', '0', '--no-open'], {
    cwd: REPO,
    env: { ...process.env, CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await waitForUrl(child);
  return {
    url,
    dataDir: dir,
    samplePath: join(dir, 'workbooks', SAMPLE_NAME),
    async stop() {
      await stopChild(child);
      if (!dataDir) await rm(dir, { recursive: true, force: true });
    },
  };
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running in web mode: (\S+)/.exec(out);
      if (match) resolvePromise(match[1]!);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once('exit', (code) =>
      reject(new Error(`web host exited (${code}) before printing its URL: ${err || out}`)),
    );
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}
