// `npm run bench` entry: bundles the TypeScript benchmark (tests/bench/main.ts) with esbuild and
// runs it in a fresh Node process, so nothing this script loaded (esbuild) shares its heap.
// Arguments pass through, e.g. `node tests/bench/run.mjs --quick`.

import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');
// Inside node_modules so the packages left unbundled resolve from the bundle: playwright loads
// its own files at run time, and ws is CommonJS that requires Node built-ins, which an ESM bundle
// cannot do. node_modules/.cache is not tracked.
const outfile = join(repo, 'node_modules/.cache/rollout-war-room-bench/bench.mjs');

await build({
  entryPoints: [join(repo, 'tests/bench/main.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  external: ['playwright', 'ws'],
  // tests/support/web-host.ts finds the repo from its own folder; bundling moves the code, so
  // tell it where that folder was.
  define: { 'import.meta.dirname': JSON.stringify(join(repo, 'tests/support')) },
  sourcemap: 'inline',
  logLevel: 'warning',
});

const child = spawn(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], {
  cwd: repo,
  stdio: 'inherit',
});
child.on('exit', (code, signal) => {
  process.exitCode = signal ? 1 : (code ?? 1);
});
