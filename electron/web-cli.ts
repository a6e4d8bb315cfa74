import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createHost } from './host/host';
import { osUserName } from './host/paths';
import type { Host } from './host/types';
import { startWebServer, type WebServer } from './web';

// `npm run web`: runs the host in plain Node and serves the renderer to a browser. Bundled to
// dist/electron/web-cli.mjs. Everything a person can get wrong (flags, port, data folder) ends
// in one readable line on stderr and exit code 1, never a stack trace.

const SAMPLE = join('resources', 'sample', 'crm-migration.rollout.json');

class UsageError extends Error {}

interface CliOptions {
  dataDir: string;
  port: number;
  open: boolean;
  /** Folders whose workbooks the file browser may list and open, besides the workbooks folder. */
  allow: string[];
}

function parseOptions(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  let values: { 'data-dir'?: string; port?: string; open?: boolean; 'no-open'?: boolean; allow?: string[] };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        open: { type: 'boolean' },
        'no-open': { type: 'boolean' },
        allow: { type: 'string', multiple: true },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(
      `${(error as Error).message.split('\n')[0]} (usage: web-cli [--data-dir <dir>] [--port <n>] [--allow <dir>]... [--open | --no-open])`,
    );
  }
  const portText = values.port ?? env.WARROOM_PORT ?? '0';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new UsageError(`The port must be a whole number from 0 to 65535, not "${portText}".`);
  }
  const dataDir = resolve(values['data-dir'] ?? (env.WARROOM_DATA_DIR || defaultDataDir(env)));
  // Opening a browser is a convenience: never in CI, never without a display unless asked.
  const hasDisplay = process.platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
  const open = values['no-open'] ? false : (values.open ?? (!env.CI && hasDisplay));
  const allow = (values.allow ?? []).map((dir) => resolve(dir));
  for (const dir of allow) {
    if (!existsSync(dir)) throw new UsageError(`The folder given to --allow does not exist: ${dir}`);
  }
  return { dataDir, port, open, allow };
}

/** The per-user data folder, following each platform's convention (XDG on Linux). */
function defaultDataDir(env: NodeJS.ProcessEnv): string {
  const name = 'rollout-war-room';
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, name);
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', name);
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), name);
}

/** The package root: the folder above this file that holds the bundled sample. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, SAMPLE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`The sample workbook (${SAMPLE}) is missing from this installation.`);
    dir = parent;
  }
}

function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['explorer', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser launcher: the URL is printed, which is enough.
  }
}

function explain(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') return `Port ${port} is already in use; choose another with --port <n>.`;
  if (code === 'EACCES' && port > 0) return `Not allowed to listen on port ${port}; choose one above 1023.`;
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? 'Unknown error';
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  let host: Host | null = null;
  let server: WebServer | null = null;
  try {
    const root = packageRoot();
    const distDir = join(root, 'dist', 'renderer');
    if (!existsSync(join(distDir, 'index.html'))) {
      throw new Error('The renderer is not built yet: run npm run build first.');
    }
    const created = createHost({
      dataDir: options.dataDir,
      samplePath: join(root, SAMPLE),
      suggestedName: osUserName(),
      allow: options.allow,
    });
    host = created;
    await created.start();
    server = await startWebServer({ host: created, distDir, port: options.port });
  } catch (error) {
    await host?.close().catch(() => undefined);
    fail(`Rollout War Room could not start: ${explain(error, options.port)}`);
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await server?.close();
      await host?.close();
      process.exit(0);
    } catch (error) {
      fail(`Rollout War Room did not shut down cleanly: ${explain(error, options.port)}`);
    }
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  console.log(`Rollout War Room is running in web mode: ${server.url}`);
  if (options.open) openBrowser(server.url);
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

// A failure nobody awaited still ends in one line, not Node's default stack dump.
process.on('uncaughtException', (error) => fail(`Rollout War Room stopped: ${explain(error, 0)}`));
process.on('unhandledRejection', (error) => fail(`Rollout War Room stopped: ${explain(error, 0)}`));
main().catch((error: unknown) => fail(`Rollout War Room stopped: ${explain(error, 0)}`));
