// `npm run sample`: bundles scripts/sample/build.ts (TypeScript, imports the real reducer) with
// esbuild, runs it to rewrite the sample workbook, and formats the result like every other file.

import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '../..');
const outfile = join(repo, 'node_modules/.cache/rollout-war-room/build-sample.mjs');

await build({
  entryPoints: [join(here, 'build.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  define: { 'import.meta.dirname': JSON.stringify(here) },
  logLevel: 'warning',
});
// Times in the story are UTC; so is every sentence the reducer writes while replaying it.
const run = spawnSync(process.execPath, [outfile], { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } });
if (run.status !== 0) process.exit(run.status ?? 1);
const format = spawnSync(
  join(repo, 'node_modules/.bin/biome'),
  ['format', '--write', 'resources/sample/crm-migration.rollout.json'],
  {
    cwd: repo,
    stdio: 'inherit',
  },
);
process.exit(format.status ?? 1);
