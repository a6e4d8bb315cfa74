import { spawn } from 'node:child_process';
import { existsSync, type FSWatcher, watch } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockPathFor } from '../../../electron/host/file-lock';
import { WorkbookFileSchema } from '../../../shared/schema/workbook';
import { bundleScript, makeHost, SAMPLE, stopCondition, tempDir, workbookJson } from './helpers';

// The durability promise, tested the hard way: a real process edits a workbook through the real
// host and is killed with SIGKILL at a random moment. After every kill the workbook is reopened
// through the host's own open path (which takes over the dead lock and deletes stale temp
// files), and then: no temp file is left, the file parses and passes the schema, its revision
// is at least the last one acknowledged, and every acknowledged change is in it.
// `npm run soak` (SOAK=1) runs 200 kills; the normal run 25.

const ROUNDS = process.env.SOAK ? 200 : 25;
/** A child whose kill plan has not triggered by then has hung: that fails the test. */
const CHILD_DEADLINE_MS = 15_000;

/**
 * When to kill. Three kinds, so kills land at every stage: while opening, between and during
 * group commits, and inside a durable write (while its temp file exists, before the rename).
 */
type KillPlan =
  | { kind: 'after-acks'; acks: number; delayMs: number }
  | { kind: 'on-temp-file'; skip: number }
  | { kind: 'after-ms'; ms: number };

const randomInt = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

function planFor(round: number): KillPlan {
  switch (round % 3) {
    case 0:
      return { kind: 'after-acks', acks: randomInt(1, 15), delayMs: randomInt(0, 12) };
    case 1:
      return { kind: 'on-temp-file', skip: randomInt(0, 2) };
    default:
      return { kind: 'after-ms', ms: randomInt(20, 500) };
  }
}

/** `.<name>.<16 hex>.tmp`: the temp files durableWrite makes beside `target`. */
const tempsOf = async (target: string) => {
  const prefix = `.${basename(target)}.`;
  return (await readdir(dirname(target))).filter((n) => n.startsWith(prefix) && n.endsWith('.tmp'));
};

interface ChildRun {
  pid: number;
  /** True once the child printed that it holds the workbook open for editing. */
  opened: boolean;
  /** `[revision, id]` of every change the child acknowledged. */
  acks: [number, string][];
}

/** Runs the child and kills it with SIGKILL as `plan` says. */
function runAndKill(script: string, args: string[], target: string, plan: KillPlan): Promise<ChildRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const kill = () => child.kill('SIGKILL');
    let stalled = false;
    const timers: NodeJS.Timeout[] = [
      setTimeout(() => {
        stalled = true;
        kill();
      }, CHILD_DEADLINE_MS),
    ];
    let watcher: FSWatcher | null = null;
    if (plan.kind === 'after-ms') timers.push(setTimeout(kill, plan.ms));
    if (plan.kind === 'on-temp-file') {
      let seen = 0;
      const prefix = `.${basename(target)}.`;
      watcher = watch(dirname(target), (_event, name) => {
        if (!name?.startsWith(prefix) || !name.endsWith('.tmp') || seen++ < plan.skip) return;
        // Freeze the child where it is, then kill it if its write is still under way (the temp
        // file is there); if the rename already happened, let it run on to its next write.
        child.kill('SIGSTOP');
        if (existsSync(join(dirname(target), name))) kill();
        else child.kill('SIGCONT');
      });
    }
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (plan.kind !== 'after-acks' || armed) return;
      if (out.split('\n').filter((l) => l.startsWith('ack ')).length < plan.acks) return;
      armed = true;
      timers.push(setTimeout(kill, plan.delayMs));
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', fail);
    // 'close', not 'exit': every line the child printed before it died has been read.
    child.on('close', (code, signal) => {
      for (const t of timers) clearTimeout(t);
      watcher?.close();
      if (signal !== 'SIGKILL') return fail(new Error(`child exited with ${code}: ${err}`));
      // The child stopped saving (or never started): a hang is a failure too.
      if (stalled) return fail(new Error(`child made no progress for ${CHILD_DEADLINE_MS} ms: ${err}`));
      // Only complete lines: each was printed after its change was acknowledged.
      const lines = out.split('\n').slice(0, -1);
      done({
        pid: child.pid!,
        opened: lines.some((l) => l.startsWith('open ')),
        acks: lines
          .filter((l) => l.startsWith('ack '))
          .map((l) => {
            const [, revision, id] = l.split(' ');
            return [Number(revision), id!];
          }),
      });
    });
  });
}

/** A valid workbook of about 400 KB, so each durable write takes long enough to be hit mid-way. */
function largeWorkbook(): string {
  const stops = Array.from({ length: 1500 }, (_, i) => stopCondition(`seed-${i}`, i));
  return workbookJson({ success: { ...JSON.parse(workbookJson()).success, stopConditions: stops } });
}

interface Lane {
  path: string;
  rounds: number;
  /** Highest revision any child acknowledged for this file, and every id it acknowledged. */
  lastAck: number;
  acked: Set<string>;
}

describe('crash safety', () => {
  it(`keeps every acknowledged change through ${ROUNDS} kill -9s`, { timeout: 1_800_000 }, async () => {
    const root = await tempDir();
    const script = await bundleScript('tests/unit/host/crash-child.ts', root);
    const folder = join(root, 'shared-drive');
    await mkdir(folder);
    // Two workbooks, each killed over and over by its own chain of children, the chains running
    // side by side: a small file (writes are quick) and a large one (writes take long enough to
    // be caught in the middle).
    const lanes: Lane[] = [
      {
        path: join(folder, 'small.rollout.json'),
        rounds: Math.ceil(ROUNDS / 2),
        lastAck: 0,
        acked: new Set(),
      },
      {
        path: join(folder, 'large.rollout.json'),
        rounds: Math.floor(ROUNDS / 2),
        lastAck: 0,
        acked: new Set(),
      },
    ];
    await writeFile(lanes[0]!.path, workbookJson());
    await writeFile(lanes[1]!.path, largeWorkbook());
    const stats = { kills: 0, acks: 0, tempsLeftByKill: 0, killedBeforeOpen: 0 };
    let failed = false;

    async function runLane(lane: Lane, index: number): Promise<void> {
      // The child and the checking host keep separate data folders (settings, backups), as two
      // app installs would: the workbook's own folder is what is under test.
      const childData = join(root, `child-data-${index}`);
      const host = makeHost(join(root, `host-data-${index}`));
      for (let round = 0; round < lane.rounds && !failed; round++) {
        const plan = planFor(round + index);
        const run = await runAndKill(script, [childData, lane.path, SAMPLE], lane.path, plan);
        const where = `${basename(lane.path)} round ${round} (${JSON.stringify(plan)}, pid ${run.pid})`;
        for (const [revision, id] of run.acks) {
          lane.lastAck = Math.max(lane.lastAck, revision);
          lane.acked.add(id);
        }
        stats.kills++;
        stats.acks += run.acks.length;
        if (!run.opened) stats.killedBeforeOpen++;
        if ((await tempsOf(lane.path)).length > 0) stats.tempsLeftByKill++;

        // Reopen through the real host: lock takeover, stale-temp cleanup, read and validate.
        const state = await host.openPath(lane.path);
        expect(state.problem, where).toBeNull();
        expect(state.file?.readOnly, where).toBe(false);
        if (run.opened) expect(state.notice, where).toMatch(`process ${run.pid} stopped without closing`);
        expect(await tempsOf(lane.path), where).toEqual([]);

        // The bytes on disk, judged independently of the host: they parse and pass the schema.
        const parsed = WorkbookFileSchema.safeParse(JSON.parse(await readFile(lane.path, 'utf8')));
        if (!parsed.success) throw new Error(`${where}: ${parsed.error.message}`);
        expect(parsed.data.revision, where).toBeGreaterThanOrEqual(lane.lastAck);
        expect(state.workbook?.revision, where).toBe(parsed.data.revision);
        const ids = new Set(parsed.data.success.stopConditions.map((s) => s.id));
        expect(
          [...lane.acked].filter((id) => !ids.has(id)),
          where,
        ).toEqual([]);

        // Let go, so the next child can take the file for editing.
        await host.close();
        await expect(stat(lockPathFor(lane.path)), where).rejects.toThrow();
      }
    }

    await Promise.all(
      lanes.map((lane, index) =>
        runLane(lane, index).catch((error: unknown) => {
          failed = true;
          throw error;
        }),
      ),
    );

    console.info(
      `crash harness: ${stats.kills} kills, ${stats.acks} acknowledged changes, ` +
        `${stats.tempsLeftByKill} kills left a temp file (mid-write), ` +
        `${stats.killedBeforeOpen} kills before the child had the file open`,
    );
    expect(stats.kills).toBe(ROUNDS);
    // A third of the kills are aimed at a write in progress: those must have left temp files.
    expect(stats.tempsLeftByKill).toBeGreaterThan(0);
  });
});
