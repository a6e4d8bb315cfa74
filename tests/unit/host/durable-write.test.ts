import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { durableWrite } from '../../../electron/host/durable-write';
import { DurableWorkbookAdapter, WorkbookFileError } from '../../../electron/host/workbook-adapter';
import type { WorkbookFile } from '../../../shared/schema/workbook';
import { addStop, call, makeHost, readJson, recordingFs, tempDir, workbookJson } from './helpers';

/** The durable write, step by step, as recordingFs logs it; the temp name is read from the log. */
function durableSteps(log: string[], folder: string): string[] {
  const temp = log[0]!.replace('create ', '');
  expect(temp).toMatch(/^\.plan\.rollout\.json\.[0-9a-f]{16}\.tmp$/);
  return [
    `create ${temp}`,
    `write ${temp}`,
    `fsync ${temp}`,
    `close ${temp}`,
    `rename ${temp} -> plan.rollout.json`,
    `fsync-dir ${folder}`,
  ];
}

describe('durable write', () => {
  it('writes a temp file, fsyncs it, renames it over the target, then fsyncs the folder', async () => {
    const dir = await tempDir();
    const target = join(dir, 'plan.rollout.json');
    await writeFile(target, 'old');
    const log: string[] = [];

    await durableWrite(target, Buffer.from('new'), recordingFs(log));

    expect(log).toEqual(durableSteps(log, dir.split('/').at(-1)!));
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['plan.rollout.json']);
  });

  it('saves a change made through the host in that order, and acknowledges it only afterwards', async () => {
    const dataDir = await tempDir();
    const folder = join(dataDir, 'team-share');
    await mkdir(folder);
    const path = join(folder, 'plan.rollout.json');
    await writeFile(path, workbookJson());
    const log: string[] = [];
    // The observing fs goes in through the same seam production uses (HostInternals.fs), and the
    // change goes through the same door the shells use (invoke), so this is the real save path.
    const host = makeHost(dataDir, {}, { fs: recordingFs(log) });
    await host.openPath(path);
    log.length = 0;

    const ack = call(host.api, 'workbook:dispatch-command', addStop('sc-1')).then((value) => {
      log.push(`ack ${value.revision}`);
      return value;
    });
    expect((await ack).revision).toBe(1);

    expect(log).toEqual([...durableSteps(log, 'team-share'), 'ack 1']);
    expect((await readJson(path)).revision).toBe(1);
    expect((await readdir(folder)).sort()).toEqual(['plan.rollout.json', 'plan.rollout.json.lock']);
  });

  it('leaves the target as it was, and no temp file, when the write fails', async () => {
    const dir = await tempDir();
    const target = join(dir, 'plan.rollout.json');
    await writeFile(target, 'old');
    const fs = recordingFs([], {
      rename: Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }),
    });
    await expect(durableWrite(target, Buffer.from('new'), fs)).rejects.toThrow('ENOSPC');
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['plan.rollout.json']);
  });

  it('keeps the permissions of the file it replaces', async () => {
    const dir = await tempDir();
    const target = join(dir, 'plan.rollout.json');
    await writeFile(target, 'old');
    await chmod(target, 0o640);
    await durableWrite(target, Buffer.from('new'));
    expect((await stat(target)).mode & 0o777).toBe(0o640);
  });

  it('removes temp files a crashed writer left beside the workbook when it is opened', async () => {
    const dataDir = await tempDir();
    const path = join(dataDir, 'plan.rollout.json');
    await writeFile(path, workbookJson());
    const stale = join(dataDir, '.plan.rollout.json.0123456789abcdef.tmp');
    const unrelated = join(dataDir, '.other.rollout.json.0123456789abcdef.tmp');
    await writeFile(stale, '{"half": ');
    await writeFile(unrelated, 'not ours');
    const state = await makeHost(dataDir).openPath(path);
    expect(state.problem).toBeNull();
    await expect(stat(stale)).rejects.toThrow();
    expect(await readFile(unrelated, 'utf8')).toBe('not ours');
  });

  it('serves lowdb as its adapter: null for no file, a located error for a bad one, durable writes', async () => {
    const dir = await tempDir();
    const path = join(dir, 'plan.rollout.json');
    const adapter = new DurableWorkbookAdapter(path);
    expect(await adapter.read()).toBeNull();

    await writeFile(path, '{"schemaVersion": 2,');
    await expect(adapter.read()).rejects.toBeInstanceOf(WorkbookFileError);
    await expect(adapter.read()).rejects.toMatchObject({ kind: 'truncated' });

    await writeFile(path, workbookJson());
    const db = new Low<WorkbookFile>(adapter, JSON.parse(workbookJson({ name: 'Default until read' })));
    await db.read();
    expect(db.data.name).toBe('Test rollout');
    db.data = { ...db.data, name: 'Written by lowdb' };
    await db.write();
    expect(JSON.parse(await readFile(path, 'utf8')).name).toBe('Written by lowdb');
  });
});
