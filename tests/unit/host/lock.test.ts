import { spawn } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/host/dispatch';
import { addStop, makeHost, tempDir, workbookJson } from './helpers';

// One writer per file: whoever opens a workbook second gets it read-only and is told who has
// it; a lock left by a dead process is taken over.

async function fileIn(dataDir: string): Promise<string> {
  const path = join(dataDir, 'plan.rollout.json');
  await writeFile(path, workbookJson());
  return path;
}

const lockOf = async (path: string) => JSON.parse(await readFile(`${path}.lock`, 'utf8'));

/** The pid of a process that has certainly exited. */
function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', '']);
    child.on('error', reject);
    child.on('exit', () => resolve(child.pid!));
  });
}

describe('file lock', () => {
  it('opens the file read-only in a second host, refuses its changes and never writes', async () => {
    const dataDir = await tempDir();
    const path = await fileIn(dataDir);
    const first = makeHost(dataDir);
    const firstState = await first.api['workbook:open-file']({ path });
    expect(firstState.file?.readOnly).toBe(false);
    expect(await lockOf(path)).toMatchObject({ pid: process.pid, hostname: hostname() });

    const second = makeHost(await tempDir());
    const state = await second.api['workbook:open-file']({ path });
    expect(state.file?.readOnly).toBe(true);
    expect(state.file?.readOnlyReason).toMatch(/is editing this file; opened read-only/);
    expect(state.workbook?.name).toBe('Test rollout');

    const before = await readFile(path);
    for (const [method, input] of [
      ['workbook:dispatch-command', addStop('sc-1')],
      ['workbook:undo-change', undefined],
    ] as const) {
      const reply = await invoke(second.api, method, input);
      expect(reply).toMatchObject({ ok: false, error: { code: 'read-only' } });
      expect(!reply.ok && reply.error.message).toMatch(/read-only here, so the change was not applied/);
    }
    await second.close();
    expect(await readFile(path)).toEqual(before);
    // The read-only host did not touch the first host's lock.
    expect(await lockOf(path)).toMatchObject({ pid: process.pid });
    await first.api['workbook:dispatch-command'](addStop('sc-2'));
    expect(JSON.parse(await readFile(path, 'utf8')).revision).toBe(1);
  });

  it('names the other process and when it started', async () => {
    const dataDir = await tempDir();
    const path = await fileIn(dataDir);
    const startedAt = new Date();
    startedAt.setHours(10, 2, 0, 0);
    // Our parent process is certainly alive and is not us.
    await writeFile(`${path}.lock`, JSON.stringify({ pid: process.ppid, hostname: hostname(), startedAt }));
    const host = makeHost(dataDir, { now: () => new Date(startedAt.getTime() + 60_000) });
    const state = await host.api['workbook:open-file']({ path });
    expect(state.file?.readOnlyReason).toMatch(
      new RegExp(
        `^Another Rollout War Room process \\(pid ${process.ppid}, since 10:02\\) is editing this file; opened read-only\\.`,
      ),
    );
  });

  it('treats a lock from another computer as held, and says which computer', async () => {
    const dataDir = await tempDir();
    const path = await fileIn(dataDir);
    const lock = { pid: 4242, hostname: 'cab-laptop-07', startedAt: new Date().toISOString() };
    await writeFile(`${path}.lock`, JSON.stringify(lock));
    const state = await makeHost(dataDir).api['workbook:open-file']({ path });
    expect(state.file?.readOnlyReason).toMatch(/on another computer \(cab-laptop-07, pid 4242,/);
    expect(await lockOf(path)).toEqual(lock);
  });

  it('takes over a lock whose process died (kill -9), and says so', async () => {
    const dataDir = await tempDir();
    const path = await fileIn(dataDir);
    const pid = await deadPid();
    await writeFile(
      `${path}.lock`,
      JSON.stringify({ pid, hostname: hostname(), startedAt: new Date().toISOString() }),
    );
    const host = makeHost(dataDir);
    const state = await host.api['workbook:open-file']({ path });
    expect(state.file?.readOnly).toBe(false);
    expect(state.notice).toMatch(new RegExp(`process ${pid} stopped without closing this file`));
    expect(await lockOf(path)).toMatchObject({ pid: process.pid });
    await host.api['workbook:dispatch-command'](addStop('sc-1'));
    expect(JSON.parse(await readFile(path, 'utf8')).revision).toBe(1);
  });

  it('takes over a lock file left half-written by a crash', async () => {
    const dataDir = await tempDir();
    const path = await fileIn(dataDir);
    await writeFile(`${path}.lock`, '{"pid": 12');
    const state = await makeHost(dataDir).api['workbook:open-file']({ path });
    expect(state.file?.readOnly).toBe(false);
    expect(await lockOf(path)).toMatchObject({ pid: process.pid });
  });

  it('releases the lock on close and when switching files, so the next opener can edit', async () => {
    const dataDir = await tempDir();
    const path = await fileIn(dataDir);
    const first = makeHost(dataDir);
    await first.api['workbook:open-file']({ path });
    await first.api['workbook:create-file']({ name: 'Another plan' });
    await expect(stat(`${path}.lock`)).rejects.toThrow();

    await first.api['workbook:open-file']({ path });
    await first.close();
    await expect(stat(`${path}.lock`)).rejects.toThrow();

    const second = makeHost(await tempDir());
    expect((await second.api['workbook:open-file']({ path })).file?.readOnly).toBe(false);
  });

  it('reopening a read-only file after the holder closed makes it editable', async () => {
    const dataDir = await tempDir();
    const path = await fileIn(dataDir);
    const first = makeHost(dataDir);
    await first.api['workbook:open-file']({ path });
    const second = makeHost(await tempDir());
    expect((await second.api['workbook:open-file']({ path })).file?.readOnly).toBe(true);
    await first.close();
    expect((await second.api['workbook:open-file']({ path })).file?.readOnly).toBe(false);
  });
});
