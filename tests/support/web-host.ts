import { type ChildProcess, spawn } from 'node:child_process';
import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
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
  /** Why the host ended before stop() was called (its exit and the end of its stderr), or null. */
  died(): string | null;
  /** The end of what the host has said on stderr so far (up to 4000 characters). */
  stderr(): string;
}

/** Origins of the hosts this process started: the app's own addresses, for the e2e request guard. */
export const HOST_ORIGINS = new Set<string>();

/** Who signs changes in e2e tests unless a test wants the first-edit prompt (`identity: null`). */
export const E2E_USER = { name: 'Erin Tester', role: 'Rollout owner' };

export interface WebHostOptions {
  /** An existing data folder (a second app on the same machine); default: a fresh one. */
  dataDir?: string;
  /** Settings to start with when the folder has none; null: nobody has said who they are. */
  identity?: { name: string; role: string } | null;
  /** Folders passed as --allow. */
  allow?: string[];
}

/** Starts the real host in web mode (built dist/) on a data folder and waits for its URL. */
export async function startWebHost(options: WebHostOptions = {}): Promise<WebHost> {
  const { dataDir, identity = E2E_USER, allow = [] } = options;
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'warroom-e2e-')));
  const settings = join(dir, 'settings.json');
  const hasSettings = await access(settings).then(
    () => true,
    () => false,
  );
  if (!hasSettings && identity) {
    await mkdir(dir, { recursive: true });
    await writeFile(settings, `${JSON.stringify({ version: 2, recent: [], user: identity })}\n`);
  }
  // BENCH_HOST_PROFILE=<folder>: the host writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_HOST_PROFILE;
  const args = [
    ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
    WEB_CLI,
    '--data-dir',
    dir,
    '--port',
    '0',
    '--no-open',
    ...allow.flatMap((a) => ['--allow', a]),
  ];
  const child = spawn(process.execPath, args, {
    cwd: REPO,
    env: { ...process.env, CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The end of what the host said on stderr, for the whole of its life: why it did not start,
  // or why it ended mid-test (a bug to see, not a "connection lost" to guess at).
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = await waitForUrl(child, () => stderr);
  HOST_ORIGINS.add(new URL(url).origin);
  let stopping = false;
  let died: string | null = null;
  child.once('exit', (code, signal) => {
    if (stopping) return;
    died = `web host ${url} ended on its own (exit ${code ?? signal}): ${stderr.trim() || '(nothing on stderr)'}`;
    console.error(died);
  });
  return {
    url,
    dataDir: dir,
    samplePath: join(dir, 'workbooks', SAMPLE_NAME),
    async stop() {
      stopping = true;
      await stopChild(child);
      if (!dataDir) await rm(dir, { recursive: true, force: true });
    },
    died: () => died,
    stderr: () => stderr,
  };
}

function waitForUrl(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running in web mode: (\S+)/.exec(out);
      if (match) resolvePromise(match[1]!);
    });
    child.once('exit', (code) =>
      reject(new Error(`web host exited (${code}) before printing its URL: ${stderr() || out}`)),
    );
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}
