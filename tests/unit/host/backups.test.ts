import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUPS_KEPT, BackupStore } from '../../../electron/host/backups';
import { nodeDurableFs } from '../../../electron/host/durable-write';
import { makeHost, steppingClock, tempDir, workbookJson } from './helpers';

// Rotating backups: one folder per workbook, newest ten kept, only good ones offered.

async function store() {
  const dataDir = await tempDir();
  return { dataDir, backups: new BackupStore(dataDir, nodeDurableFs, steppingClock()) };
}

describe('backups', () => {
  it('keeps exactly the newest 10, named so they sort by time and show the revision', async () => {
    const { dataDir, backups } = await store();
    const workbook = join(dataDir, 'plan.rollout.json');
    for (let revision = 1; revision <= 12; revision++) {
      await backups.take(workbook, Buffer.from(workbookJson({ revision })), revision);
    }
    const names = (await readdir(backups.dirFor(workbook))).sort();
    expect(BACKUPS_KEPT).toBe(10);
    expect(names).toHaveLength(10);
    expect(names.map((n) => Number(/-r(\d+)\.rollout\.json$/.exec(n)![1]))).toEqual([
      3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);
    expect(names[0]).toMatch(/^2026-11-24T10-00-02\.000Z-000-r3\.rollout\.json$/);
  });

  it('lives in a folder named by the first 16 hex digits of the sha256 of the absolute path', async () => {
    const { dataDir, backups } = await store();
    const workbook = join(dataDir, 'plan.rollout.json');
    const hash = createHash('sha256').update(workbook).digest('hex').slice(0, 16);
    expect(backups.dirFor(workbook)).toBe(join(dataDir, 'backups', hash));
  });

  it('does not take a second copy of unchanged bytes, and orders backups taken in the same millisecond', async () => {
    const dataDir = await tempDir();
    const backups = new BackupStore(dataDir, nodeDurableFs, () => new Date('2026-11-24T10:00:00.000Z'));
    const workbook = join(dataDir, 'plan.rollout.json');
    const a = Buffer.from(workbookJson({ revision: 1 }));
    expect(await backups.take(workbook, a, 1)).not.toBeNull();
    expect(await backups.take(workbook, a, 1)).toBeNull();
    await backups.take(workbook, Buffer.from(workbookJson({ revision: 2 })), 2);
    expect((await backups.list(workbook)).map((b) => b.revision)).toEqual([2, 1]);
  });

  it('offers only backups that open cleanly, newest first', async () => {
    const { dataDir, backups } = await store();
    const workbook = join(dataDir, 'plan.rollout.json');
    await backups.take(workbook, Buffer.from(workbookJson({ revision: 4 })), 4);
    const broken = await backups.take(workbook, Buffer.from('{"schemaVersion": 2, "revis'), 5);
    await backups.take(workbook, Buffer.from(workbookJson({ revision: 6 })), 6);
    const listed = await backups.list(workbook);
    expect(listed.map((b) => b.revision)).toEqual([6, 4]);
    expect(listed.map((b) => b.id)).not.toContain(basename(broken!));
    expect(listed[0]).toMatchObject({
      takenAt: '2026-11-24T10:00:02.000Z',
      bytes: workbookJson({ revision: 6 }).length,
    });
  });

  it('is taken by the host each time a changed file is opened, and never more than 10', async () => {
    const dataDir = await tempDir();
    const host = makeHost(dataDir, { now: steppingClock() });
    const path = join(dataDir, 'plan.rollout.json');
    for (let revision = 0; revision < 12; revision++) {
      await writeFile(path, workbookJson({ revision }));
      await host.openPath(path);
      await host.close();
    }
    const dir = new BackupStore(dataDir, nodeDurableFs, () => new Date()).dirFor(path);
    const names = (await readdir(dir)).sort();
    expect(names).toHaveLength(10);
    expect(await readFile(join(dir, names.at(-1)!), 'utf8')).toBe(workbookJson({ revision: 11 }));
  });
});
