// `npm run dist`: build, then package with electron-builder.
// electron-builder needs Electron's binary. On a machine that cannot download it (offline, only an
// npm mirror), a bare `electron-builder` retries for ~40 s and then dies with a got/DNS stack
// trace that does not say what to do. This wrapper uses an unpacked Electron when there is one
// (electron-builder's `electronDist`), and otherwise turns a failed download into one line
// saying what is needed.
// Extra arguments go to electron-builder: `npm run dist -- --linux dir`.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const extraArgs = process.argv.slice(2);

// Names electron-builder accepts as "this folder is an unpacked Electron" on each platform.
const ELECTRON_EXECUTABLES = ['electron', 'electron.exe', 'Electron.app'];

// Signs of a download or network failure in electron-builder's error output. Matched only
// against the error part of the output, because normal progress lines say "downloading" too.
const NETWORK_FAILURE =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|download|github\.com/i;

// Kept in release/ (electron-builder's output folder, git-ignored) so nothing lands elsewhere.
const LOG_FILE = join(root, 'release', 'electron-builder.log');

// Exits with one line on stderr: every failure of this script ends this way, never a stack trace.
function fail(message, code = 1) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

// The major version in the message comes from package.json, so it stays right after an upgrade.
function electronMajor() {
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    return /\d+/.exec(pkg.devDependencies?.electron ?? '')?.[0] ?? '';
  } catch {
    return '';
  }
}

const hasElectron = (dir) => ELECTRON_EXECUTABLES.some((name) => existsSync(join(dir, name)));

// The folder to hand electron-builder as electronDist, or null. ELECTRON_DIST wins; a set but
// wrong ELECTRON_DIST is an error rather than a silent fallback to downloading.
function findElectronDist() {
  const fromEnv = process.env.ELECTRON_DIST?.trim();
  if (fromEnv) {
    // npm runs scripts from the package root; a relative path means the user's own directory.
    const dir = resolve(process.env.INIT_CWD ?? process.cwd(), fromEnv);
    if (!hasElectron(dir)) {
      fail(`ELECTRON_DIST=${fromEnv} holds no Electron executable (${ELECTRON_EXECUTABLES.join(', ')}).`);
    }
    return dir;
  }
  // Present when electron's postinstall managed to download the binary.
  const installed = join(root, 'node_modules', 'electron', 'dist');
  return hasElectron(installed) ? installed : null;
}

// Forwards a child stream line by line, minus stack traces. Lines from electron-builder's first
// error line (⨯) on are held back, so the caller can swap them for one line of advice.
function relay(stream, out, state) {
  let partial = '';
  stream.setEncoding('utf8');
  const handle = (line) => {
    state.raw.push(stripVTControlCharacters(line));
    if (!state.failing && line.includes('⨯')) state.failing = true;
    if (state.failing) state.held.push({ out, line });
    else show(out, line);
  };
  stream.on('data', (chunk) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) handle(line);
  });
  return new Promise((done) =>
    stream.on('end', () => {
      if (partial) handle(partial);
      done();
    }),
  );
}

// Writes one line of electron-builder output unless it is part of a stack trace. Checked on the
// text without colour codes, which electron-builder adds when FORCE_COLOR is set.
function show(out, line) {
  const plain = stripVTControlCharacters(line);
  if (/^\s+at\s/.test(plain)) return;
  // electron-builder appends `stackTrace=<trace>` to its error line; the message before it is enough.
  const cut = plain.search(/\s+stackTrace=/);
  out.write(`${cut === -1 ? line : plain.slice(0, cut)}\n`);
}

function electronBuilderCli() {
  try {
    const pkgPath = join(root, 'node_modules', 'electron-builder', 'package.json');
    const bin = JSON.parse(readFileSync(pkgPath, 'utf8')).bin?.['electron-builder'];
    const cli = bin && join(dirname(pkgPath), bin);
    return cli && existsSync(cli) ? cli : null;
  } catch {
    return null;
  }
}

function saveLog(lines) {
  try {
    mkdirSync(dirname(LOG_FILE), { recursive: true });
    writeFileSync(LOG_FILE, `${lines.join('\n')}\n`);
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.error) fail(`npm run dist: could not run scripts/build.mjs (${build.error.message}).`);
  if (build.status !== 0) process.exit(build.status ?? 1);

  // Run the bin's JS file with this Node rather than node_modules/.bin's shim, which is a shell
  // script on Windows and cannot be spawned without a shell.
  const cli = electronBuilderCli();
  if (!cli) fail('npm run dist needs electron-builder: it is not installed here. Run npm install first.');

  const electronDist = findElectronDist();
  const major = electronMajor();
  const args = electronDist ? [`-c.electronDist=${electronDist}`, ...extraArgs] : extraArgs;
  if (!electronDist) {
    // Said up front because offline electron-builder retries for the better part of a minute.
    process.stderr.write(
      `No unpacked Electron (ELECTRON_DIST, node_modules/electron/dist): electron-builder will try to download Electron ${major}.\n`,
    );
  }

  // A log left by an earlier failed run would pass for this run's.
  rmSync(LOG_FILE, { force: true });
  // Piping its output turns electron-builder's colours off; keep them when a person is watching.
  const env =
    process.stderr.isTTY && !process.env.NO_COLOR && !process.env.FORCE_COLOR
      ? { ...process.env, FORCE_COLOR: '1' }
      : process.env;
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: root,
    env,
    stdio: ['inherit', 'pipe', 'pipe'],
  });
  const state = { failing: false, held: [], raw: [] };
  const relayed = Promise.all([
    relay(child.stdout, process.stdout, state),
    relay(child.stderr, process.stderr, state),
  ]);
  const code = await new Promise((done) => {
    child.on('error', (error) => done({ error }));
    child.on('close', (status, signal) => done({ status, signal }));
  });
  await relayed;
  if (code.error) fail(`npm run dist: could not start electron-builder (${code.error.message}).`);

  if (code.status === 0) {
    for (const { out, line } of state.held) show(out, line);
    return;
  }

  // The error part of the output; the tail if electron-builder died without its ⨯ line.
  const errorText = (state.held.length > 0 ? state.held : state.raw.slice(-20).map((line) => ({ line })))
    .map(({ line }) => line)
    .join('\n');
  const logged = saveLog(state.raw);
  if (NETWORK_FAILURE.test(errorText)) {
    if (!electronDist) {
      fail(
        `npm run dist needs Electron's binary: this machine cannot download it. Unpack Electron ${major} somewhere and run ELECTRON_DIST=/path/to/electron-dir npm run dist (electron-builder's electronDist).`,
      );
    }
    // Electron was local, so the download was one of electron-builder's own tools (AppImage
    // runtime, fpm for .deb, NSIS...), fetched from GitHub per target.
    fail(
      "npm run dist needs electron-builder's packaging tools for these targets and cannot download them: set ELECTRON_BUILDER_BINARIES_MIRROR or ELECTRON_BUILDER_CACHE, or build an unpacked app with npm run dist -- --dir.",
    );
  }

  for (const { out, line } of state.held) show(out, line);
  if (logged)
    process.stderr.write('Full electron-builder output, with stack trace: release/electron-builder.log\n');
  process.exit(code.status ?? 1);
}

main().catch((error) =>
  fail(`npm run dist failed: ${error instanceof Error ? error.message : String(error)}`),
);
