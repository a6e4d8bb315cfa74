// Builds everything `npm start`, `npm run web` and packaging need:
//   dist/renderer/            the React app (Vite, config in vite.config.ts)
//   dist/electron/main.cjs    Electron main       (esbuild, CommonJS, electron external)
//   dist/electron/preload.cjs sandboxed preload   (ONE CommonJS file: a sandboxed preload cannot require siblings)
//   dist/electron/web-cli.mjs web mode for Node   (ESM)
// Dependencies are bundled in, so the packaged app needs no node_modules.
// `--if-stale` skips the build when every output is newer than every input.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => join(root, ...parts);

const SOURCE_DIRS = ['electron', 'shared', 'renderer', 'resources'];
const CONFIG_FILES = [
  'package.json',
  'vite.config.ts',
  'tsconfig.json',
  'tsconfig.base.json',
  'tsconfig.node.json',
  'tsconfig.web.json',
  'scripts/build.mjs',
];
const ELECTRON_OUTPUTS = ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/electron/web-cli.mjs'];
const RENDERER_OUTPUT = 'dist/renderer/index.html';

/** Optional native speed-ups of `ws`; it falls back to plain JS when they are absent. */
const OPTIONAL_NATIVE = ['bufferutil', 'utf-8-validate'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs; // a deleted file still changes its folder's mtime
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isStale(hasRenderer) {
  const outputs = hasRenderer ? [...ELECTRON_OUTPUTS, RENDERER_OUTPUT] : ELECTRON_OUTPUTS;
  const oldestOutput = Math.min(...outputs.map((p) => (existsSync(at(p)) ? statSync(at(p)).mtimeMs : 0)));
  const newestSource = Math.max(...[...SOURCE_DIRS, ...CONFIG_FILES].map((p) => newestMtime(at(p))));
  return oldestOutput <= newestSource;
}

async function step(label, run) {
  const started = performance.now();
  await run();
  console.log(`build: ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

async function buildRenderer() {
  const { build } = await import('vite');
  await build({ configFile: at('vite.config.ts'), logLevel: 'warn' });
}

async function buildElectron() {
  const esbuild = await import('esbuild');
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    absWorkingDir: root,
    legalComments: 'none',
  };
  // import.meta.url means nothing in CommonJS; give bundled ESM dependencies the real file URL.
  const cjsMetaUrl = {
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__importMetaUrl' },
  };
  await Promise.all([
    esbuild.build({
      ...common,
      ...cjsMetaUrl,
      entryPoints: [at('electron/main.ts')],
      outfile: at('dist/electron/main.cjs'),
      format: 'cjs',
      external: ['electron', ...OPTIONAL_NATIVE],
    }),
    esbuild.build({
      ...common,
      entryPoints: [at('electron/preload.ts')],
      outfile: at('dist/electron/preload.cjs'),
      format: 'cjs',
      external: ['electron'],
    }),
    esbuild.build({
      ...common,
      entryPoints: [at('electron/web-cli.ts')],
      outfile: at('dist/electron/web-cli.mjs'),
      format: 'esm',
      external: OPTIONAL_NATIVE,
      // CommonJS dependencies (ws) call require() for Node built-ins; ESM has no require.
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
    }),
  ]);
}

async function main() {
  const ifStale = process.argv.includes('--if-stale');
  const hasRenderer = existsSync(at('vite.config.ts'));
  if (ifStale && !isStale(hasRenderer)) {
    console.log('build: up to date');
    return;
  }
  if (hasRenderer) await step(`renderer → ${relative(root, at('dist/renderer'))}`, buildRenderer);
  else console.log('build: renderer skipped (no vite.config.ts yet)');
  await step('electron main, preload and web-cli → dist/electron', buildElectron);
}

main().catch((error) => {
  // esbuild and Vite have already printed the details with file and line.
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  console.error(`build failed: ${message}`);
  process.exit(1);
});
