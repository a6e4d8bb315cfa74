// `npm start`: build if stale, then run the desktop app; where Electron's binary is missing
// and cannot be fetched (offline, blocked), say so in one line and run web mode instead.
// Never `require('electron')` here: electron's index.js tries to download on require and
// throws when it cannot. We check the files ourselves.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronPkg = join(root, 'node_modules', 'electron');
const INSTALL_TIMEOUT_MS = 90_000;

function platformExecutable() {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (process.platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** The Electron executable if it is on disk, else null. Mirrors electron/index.js without side effects. */
function findElectron() {
  let relativeExe = null;
  try {
    relativeExe = readFileSync(join(electronPkg, 'path.txt'), 'utf8').trim() || null;
  } catch {
    // not installed yet
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const exe = override
    ? join(override, relativeExe ?? platformExecutable())
    : relativeExe && join(electronPkg, 'dist', relativeExe);
  return exe && existsSync(exe) ? exe : null;
}

/** Runs electron's own installer (downloads the binary). True when a binary is there afterwards. */
function tryInstallElectron() {
  const installer = join(electronPkg, 'install.js');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH || !existsSync(installer)) return false;
  console.log("Fetching Electron's binary (first run only; up to 90 s)…");
  // Output is captured: on failure it is a stack trace from @electron/get nobody asked for.
  spawnSync(process.execPath, [installer], {
    cwd: electronPkg,
    stdio: 'pipe',
    timeout: INSTALL_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
  return findElectron() !== null;
}

function hasDisplay() {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** Runs a child with our stdio, passes Ctrl+C / kill on, and exits with its code. */
function runChild(command, args, env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => () => {
    if (child.exitCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('error', (error) => {
    console.error(`Could not launch ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function startWebMode(reason) {
  if (reason) console.log(reason);
  const args = [join(root, 'dist', 'electron', 'web-cli.mjs')];
  if (!process.env.CI) args.push('--open');
  // A file argument is not forwarded: web mode opens the most recent workbook instead.
  runChild(process.execPath, args, process.env);
}

function main() {
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-stale'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);

  if (process.env.WARROOM_WEB === '1') return startWebMode(null);
  if (!hasDisplay()) return startWebMode('No display found; starting web mode instead.');

  const electron = findElectron() ?? (tryInstallElectron() ? findElectron() : null);
  if (!electron) {
    return startWebMode("Electron's binary could not be downloaded (offline?); starting web mode instead.");
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // set by some tools; would make Electron behave as plain Node
  runChild(electron, ['.', ...process.argv.slice(2)], env);
}

try {
  main();
} catch (error) {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
