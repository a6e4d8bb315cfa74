import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it, onTestFinished } from 'vitest';
import { invoke } from '../../../electron/host/dispatch';
import type { Reply, SessionState } from '../../../shared/contract';
import { addStop, bundleScript, makeHost, SAMPLE, tempDir, workbookJson } from './helpers';

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
    const firstState = await first.openPath(path);
    expect(firstState.file?.readOnly).toBe(false);
    expect(await lockOf(path)).toMatchObject({ pid: process.pid, hostname: hostname() });

    const second = makeHost(await tempDir());
    const state = await second.openPath(path);
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
    const state = await host.openPath(path);
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
    const state = await makeHost(dataDir).openPath(path);
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
    const state = await host.openPath(path);
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
    const state = await makeHost(dataDir).openPath(path);
    expect(state.file?.readOnly).toBe(false);
    expect(await lockOf(path)).toMatchObject({ pid: process.pid });
  });

  it('releases the lock on close and when switching files, so the next opener can edit', async () => {
    const dataDir = await tempDir();
    const path = await fileIn(dataDir);
    const first = makeHost(dataDir);
    await first.openPath(path);
    await first.api['workbook:create-file']({ name: 'Another plan' });
    await expect(stat(`${path}.lock`)).rejects.toThrow();

    await first.openPath(path);
    await first.close();
    await expect(stat(`${path}.lock`)).rejects.toThrow();

    const second = makeHost(await tempDir());
    expect((await second.openPath(path)).file?.readOnly).toBe(false);
  });

  it('reopening a read-only file after the holder closed makes it editable', async () => {
    const dataDir = await tempDir();
    const path = await fileIn(dataDir);
    const first = makeHost(dataDir);
    await first.openPath(path);
    const second = makeHost(await tempDir());
    expect((await second.openPath(path)).file?.readOnly).toBe(true);
    await first.close();
    expect((await second.openPath(path)).file?.readOnly).toBe(false);
  });
});

/** A whole app instance in its own OS process (lock-child.ts), driven one request at a time. */
interface Peer {
  pid: number;
  request(method: string, input?: unknown): Promise<Reply<unknown>>;
  openPath(path: string): Promise<Reply<unknown>>;
  /** Asks it to close cleanly (flush, release the lock) and resolves with its exit code. */
  exit(): Promise<number | null>;
}

async function startPeer(script: string, dataDir: string): Promise<Peer> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [script, dataDir, SAMPLE]);
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<Record<string, unknown>> => {
    const line = await Promise.race([lines.next(), exited.then(() => ({ done: true, value: '' }))]);
    if (line.done) throw new Error(`peer ${child.pid} exited: ${stderr}`);
    return JSON.parse(line.value) as Record<string, unknown>;
  };
  const hello = await next();
  return {
    pid: hello.pid as number,
    async request(method, input) {
      child.stdin.write(`${JSON.stringify({ method, input })}\n`);
      return (await next()).reply as Reply<unknown>;
    },
    async openPath(path) {
      child.stdin.write(`${JSON.stringify({ openPath: path })}\n`);
      return (await next()).reply as Reply<unknown>;
    },
    exit() {
      child.stdin.write(`${JSON.stringify({ exit: true })}\n`);
      return exited;
    },
  };
}

const stateOf = (reply: Reply<unknown>): SessionState => {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.value as SessionState;
};

describe('file lock between two OS processes', () => {
  it('lets only the first process write; the second says who holds it and can edit once it exits', {
    timeout: 60_000,
  }, async () => {
    const root = await tempDir();
    const script = await bundleScript('tests/unit/host/lock-child.ts', root);
    const folder = join(root, 'shared-drive');
    await mkdir(folder);
    const path = join(folder, 'plan.rollout.json');
    await writeFile(path, workbookJson());

    // Process A opens the file for editing and saves a change.
    const a = await startPeer(script, join(root, 'data-a'));
    expect(a.pid).not.toBe(process.pid);
    expect(stateOf(await a.openPath(path)).file).toMatchObject({ readOnly: false });
    expect(await a.request('workbook:dispatch-command', addStop('sc-a'))).toEqual({
      ok: true,
      value: { revision: 1 },
    });
    expect(await lockOf(path)).toMatchObject({ pid: a.pid, hostname: hostname() });
    const bytes = await readFile(path);
    const { mtimeMs } = await stat(path);
    const listing = (await readdir(folder)).sort();

    // Process B opens the same file: read-only, with a reason naming A's pid.
    const b = await startPeer(script, join(root, 'data-b'));
    expect(b.pid).not.toBe(a.pid);
    const seen = stateOf(await b.openPath(path));
    expect(seen.file?.readOnly).toBe(true);
    expect(seen.file?.readOnlyReason).toMatch(
      new RegExp(`^Another Rollout War Room process \\(pid ${a.pid}, since [^)]+\\) is editing this file`),
    );
    expect(seen.workbook?.revision).toBe(1);
    expect(seen.canUndo).toBe(false);

    // Every change B tries is refused, with the reason; nothing reaches the disk.
    for (const [method, input] of [
      ['workbook:dispatch-command', addStop('sc-b')],
      ['workbook:dispatch-command', { type: 'workbook.rename', name: 'Taken over' }],
      ['workbook:undo-change', undefined],
      ['workbook:redo-change', undefined],
    ] as const) {
      const reply = await b.request(method, input);
      expect(reply, method).toMatchObject({ ok: false, error: { code: 'read-only' } });
      expect(!reply.ok && reply.error.message).toMatch(`read-only here, so the change was not applied`);
      expect(!reply.ok && reply.error.message).toMatch(`pid ${a.pid}`);
    }
    expect(await readFile(path)).toEqual(bytes);
    expect((await stat(path)).mtimeMs).toBe(mtimeMs);
    expect((await readdir(folder)).sort()).toEqual(listing);
    expect(await lockOf(path)).toMatchObject({ pid: a.pid });

    // A exits cleanly and lets go of the lock; B's reopen is editable and its change lands.
    expect(await a.exit()).toBe(0);
    await expect(stat(`${path}.lock`)).rejects.toThrow();
    const reopened = stateOf(await b.openPath(path));
    expect(reopened.file).toEqual({ path, readOnly: false, readOnlyReason: null });
    expect(await b.request('workbook:dispatch-command', addStop('sc-b'))).toEqual({
      ok: true,
      value: { revision: 2 },
    });
    expect(await lockOf(path)).toMatchObject({ pid: b.pid });
    const onDisk = JSON.parse(await readFile(path, 'utf8'));
    expect(onDisk.success.stopConditions.map((x: { id: string }) => x.id)).toEqual(['sc-a', 'sc-b']);
    expect(await b.exit()).toBe(0);
    await expect(stat(`${path}.lock`)).rejects.toThrow();
  });
});
