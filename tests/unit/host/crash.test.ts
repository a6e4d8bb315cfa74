import { spawn } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../../electron/host/read-workbook';
import { makeHost, SAMPLE, tempDir, workbookJson } from './helpers';

// The durability promise, tested the hard way: a real process edits a workbook and is killed
// with SIGKILL at a random moment. Every change it had acknowledged must be in the file, the
// file must open cleanly, and the next process must take over the dead one's lock.
// `npm run soak` (SOAK=1) runs many more rounds.

const ROUNDS = process.env.SOAK ? 40 : 3;

async function bundleChild(dir: string): Promise<string> {
  const outfile = join(dir, 'crash-child.mjs');
  await build({
    entryPoints: [resolve('tests/unit/host/crash-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

/** Runs the child until it has printed `acks` acknowledgements, then kills it with SIGKILL. */
function runAndKill(script: string, args: string[], acks: number): Promise<string[]> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.split('\n').length > acks) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') fail(new Error(`child exited with ${code}: ${err}`));
      // Only complete lines: each was printed after its change was acknowledged.
      else done(out.split('\n').slice(0, -1));
    });
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged change through ${ROUNDS} kill -9s`, { timeout: 600_000 }, async () => {
    const dataDir = await tempDir();
    const script = await bundleChild(dataDir);
    const path = join(dataDir, 'drill.rollout.json');
    await writeFile(path, workbookJson());
    const acknowledged: string[] = [];
    let lastRevision = 0;

    for (let round = 0; round < ROUNDS; round++) {
      const lines = await runAndKill(script, [dataDir, path, SAMPLE], 1 + Math.floor(Math.random() * 80));
      for (const line of lines) {
        const [, revision, id] = line.split(' ');
        lastRevision = Math.max(lastRevision, Number(revision));
        acknowledged.push(id!);
      }
      const loaded = await readWorkbookFile(path);
      if (!loaded.ok) throw new Error(`round ${round}: ${loaded.kind}: ${loaded.detail}`);
      expect(loaded.workbook.revision).toBeGreaterThanOrEqual(lastRevision);
      const ids = new Set(loaded.workbook.success.stopConditions.map((s) => s.id));
      expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
    }

    const host = makeHost(dataDir);
    const state = await host.api['workbook:open-file']({ path });
    expect(state.file?.readOnly).toBe(false);
    expect(state.notice).toMatch(/stopped without closing this file/);
    expect((await readdir(dataDir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
