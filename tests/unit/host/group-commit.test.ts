import { readFileSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/host/dispatch';
import type { SaveStatus } from '../../../shared/contract';
import { addStop, makeHost, readJson, recordingFs, tempDir, workbookJson } from './helpers';

// Saving: every change is acknowledged only once it is on disk, bursts share writes, and a
// failed write loses nothing.

async function openFresh(failing: { rename?: Error } = {}) {
  const log: string[] = [];
  const host = makeHost(await tempDir(), {}, { fs: recordingFs(log, failing) });
  const state = await host.api['workbook:create-file']({ name: 'Burst test' });
  const path = state.file!.path;
  const file = path.split('/').at(-1)!;
  const writesOfWorkbook = () => log.filter((l) => l.endsWith(`-> ${file}`)).length;
  return { host, path, writesOfWorkbook };
}

const diskFull = () =>
  Object.assign(new Error('ENOSPC: no space left on device, rename'), { code: 'ENOSPC' });

describe('group commit', () => {
  it('acknowledges 1000 rapid changes only once on disk, using far fewer than 1000 writes', async () => {
    const { host, path, writesOfWorkbook } = await openFresh();
    const writesBefore = writesOfWorkbook();
    const onDiskAtAck: boolean[] = [];

    const acks = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        host.api['workbook:dispatch-command'](addStop(`sc-${i}`, i)).then((ack) => {
          // Checked synchronously as each ack arrives: the file already holds that revision.
          if (i % 100 === 0)
            onDiskAtAck.push(JSON.parse(readFileSync(path, 'utf8')).revision >= ack.revision);
          return ack;
        }),
      ),
    );

    expect(acks.map((a) => a.revision)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(onDiskAtAck).toEqual(Array(10).fill(true));
    const state = await host.api['session:get-state'](undefined);
    const { audit, ...content } = await readJson(path);
    expect(content).toEqual(state.workbook);
    expect(audit.at(-1)?.rev).toBe(1000);
    expect(state.workbook?.success.stopConditions).toHaveLength(1000);
    expect(writesOfWorkbook() - writesBefore).toBeLessThanOrEqual(3);
  });

  it('reports saving then saved', async () => {
    const { host } = await openFresh();
    const statuses: SaveStatus[] = [];
    host.on('workbook:save-status', (s) => statuses.push(s));
    await host.api['workbook:dispatch-command'](addStop('sc-1'));
    expect(statuses).toEqual([{ state: 'saving' }, { state: 'saved' }]);
  });

  it('rejects the acks of a failed write, keeps the change, and saves it with the next change', async () => {
    const failing: { rename?: Error } = {};
    const { host, path } = await openFresh(failing);
    const statuses: SaveStatus[] = [];
    host.on('workbook:save-status', (s) => statuses.push(s));
    const before = await readFile(path);

    failing.rename = diskFull();
    const reply = await invoke(host.api, 'workbook:dispatch-command', addStop('sc-kept'));
    expect(reply).toMatchObject({ ok: false, error: { code: 'save-failed' } });
    expect(!reply.ok && reply.error.message).toMatch(
      /revision 1 are kept in this window but could not be saved to disk: ENOSPC: no space left on device/,
    );
    const failed = await host.api['session:get-state'](undefined);
    expect(failed.save).toMatchObject({ state: 'error', message: expect.stringContaining('ENOSPC') });
    expect(failed.workbook?.success.stopConditions.map((s) => s.id)).toEqual(['sc-kept']);
    expect(await readFile(path)).toEqual(before);
    expect(statuses.at(-1)?.state).toBe('error');

    delete failing.rename;
    await host.api['workbook:dispatch-command'](addStop('sc-next'));
    const onDisk = await readJson(path);
    expect(onDisk.success.stopConditions.map((s) => s.id)).toEqual(['sc-kept', 'sc-next']);
    expect(onDisk.revision).toBe(2);
    expect((await host.api['session:get-state'](undefined)).save).toEqual({ state: 'saved' });
  });

  it('close() retries a failed write; while the disk keeps failing it refuses to close and keeps the lock', async () => {
    const failing: { rename?: Error } = {};
    const { host, path } = await openFresh(failing);
    failing.rename = diskFull();
    await expect(host.api['workbook:dispatch-command'](addStop('sc-1'))).rejects.toThrow(
      /could not be saved/,
    );

    await expect(host.close()).rejects.toThrow(
      /latest changes to burst-test\.rollout\.json could not be saved \(ENOSPC/,
    );
    await expect(stat(`${path}.lock`)).resolves.toBeTruthy();

    delete failing.rename;
    await host.close();
    expect((await readJson(path)).success.stopConditions.map((s) => s.id)).toEqual(['sc-1']);
    await expect(stat(`${path}.lock`)).rejects.toThrow();
  });

  it('does not switch files while the current one has changes it cannot save', async () => {
    const failing: { rename?: Error } = {};
    const { host, path } = await openFresh(failing);
    failing.rename = diskFull();
    await expect(host.api['workbook:dispatch-command'](addStop('sc-1'))).rejects.toThrow();
    const other = join(dirname(path), 'other.rollout.json');
    await writeFile(other, workbookJson());
    await expect(host.openPath(other)).rejects.toMatchObject({
      code: 'save-failed',
      message: expect.stringMatching(/stays open and Rollout War Room did not open another file/),
    });
    const state = await host.api['session:get-state'](undefined);
    expect(state.file?.path).toBe(path);
    expect(state.workbook?.success.stopConditions).toHaveLength(1);
  });
});
