import { spawn, spawnSync } from 'node:child_process';
import { copyFile, readFile, realpath } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundleScript, SAMPLE, tempDir } from './helpers';

// The durability promise checked where it is actually kept: in the system calls a real host
// process makes. durable-write.test.ts observes a JS wrapper, so a build whose fsyncs do nothing
// would pass it; here strace records what the kernel was asked to do, and the same check is run
// on a build with the fsyncs cut out, to prove it can fail.

const STRACE_MISSING = 'strace is required for the durability proof: apt-get install -y strace';

/**
 * Every syscall node may use to create, write, sync or rename a file. `?` lets strace skip names
 * an architecture lacks (aarch64 has no open, creat or rename), so the list works everywhere.
 * fdatasync counts as a sync: for a fresh temp file it also flushes the size, which is enough.
 */
const TRACED = [
  '?open',
  'openat',
  '?openat2',
  '?creat',
  'write',
  'pwrite64',
  'writev',
  'pwritev',
  '?pwritev2',
  'fsync',
  'fdatasync',
  '?rename',
  'renameat',
  '?renameat2',
];

/** One finished syscall; `start` and `end` are log line numbers of its entry and its return. */
interface Syscall {
  pid: number;
  name: string;
  args: string;
  ret: string;
  start: number;
  end: number;
}

/**
 * Reads a `strace -f -o` log. With -f, a call interrupted by another thread's output is split
 * into `<unfinished ...>` and `<... name resumed>` lines; they are joined per thread, keeping
 * both line numbers so order can be judged strictly: one call ended before another began.
 */
function parseStrace(log: string): Syscall[] {
  const calls: Syscall[] = [];
  const pending = new Map<number, { name: string; args: string; start: number }>();
  const lines = log.split('\n');
  lines.forEach((line, i) => {
    if (line === '') return;
    const unfinished = /^(\d+)\s+(\w+)\((.*) <unfinished \.\.\.>$/.exec(line);
    if (unfinished) {
      pending.set(Number(unfinished[1]), { name: unfinished[2]!, args: unfinished[3]!, start: i });
      return;
    }
    const resumed = /^(\d+)\s+<\.\.\. (\w+) resumed>(.*)$/.exec(line);
    if (resumed) {
      const pid = Number(resumed[1]);
      const head = pending.get(pid);
      if (!head || head.name !== resumed[2]) {
        throw new Error(`strace log line ${i + 1}: resumed with no start: ${line}`);
      }
      pending.delete(pid);
      calls.push({ pid, ...split(head.name, `${head.args}${resumed[3]!}`, line), start: head.start, end: i });
      return;
    }
    const whole = /^(\d+)\s+(\w+)\((.*)$/.exec(line);
    if (!whole) throw new Error(`strace log line ${i + 1} is not a syscall: ${line}`);
    calls.push({ pid: Number(whole[1]), ...split(whole[2]!, whole[3]!, line), start: i, end: i });
  });
  return calls;
}

/** `args) = ret` into its parts; greedy, since quoted data may itself contain `) = `. */
function split(name: string, rest: string, line: string): { name: string; args: string; ret: string } {
  const m = /^(.*)\)\s+=\s+(.*)$/.exec(rest);
  if (!m) throw new Error(`strace line has no return value: ${line}`);
  return { name, args: m[1]!, ret: m[2]! };
}

type EventKind = 'create' | 'write' | 'fsync' | 'rename' | 'ack';

/** A syscall that matters to one durable write of the workbook, in log order. */
interface Event {
  kind: EventKind;
  /** The file the call acted on (as strace -y resolved its fd), or the rename's source. */
  path: string;
  /** Rename destination. */
  to?: string;
  start: number;
  end: number;
  line: string;
}

const quoted = (args: string) => [...args.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
/** `18</dir/file>` (an fd as `strace -y` prints it) to its path. */
const fdPath = (text: string) => /^\d+<(.*)>/.exec(text)?.[1] ?? null;
const ok = (call: Syscall) => !call.ret.startsWith('-1') && call.ret !== '?';

/**
 * The calls after the `ACK-BEGIN` marker that touch `target`, its temp files or its folder,
 * plus the `ACK` line on stdout. Everything the open did (backups, settings) comes before the
 * marker and is left out.
 */
function workbookEvents(calls: Syscall[], target: string): Event[] {
  const dir = dirname(target);
  const temp = new RegExp(
    `^\\.${basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.[0-9a-f]{16}\\.tmp$`,
  );
  const ours = (path: string) =>
    path === target || path === dir || (dirname(path) === dir && temp.test(basename(path)));
  const stdoutWrite = (call: Syscall, prefix: string) =>
    call.name === 'write' && /^1(<[^>]*>)?, /.test(call.args) && quoted(call.args)[0]?.startsWith(prefix);

  const begin = calls.find((c) => stdoutWrite(c, 'ACK-BEGIN'));
  if (!begin) throw new Error('the child never wrote ACK-BEGIN: the trace does not cover it');
  const events: Event[] = [];
  for (const call of calls) {
    if (call.start <= begin.end || !ok(call)) continue;
    const at = { start: call.start, end: call.end, line: `${call.name}(${call.args}) = ${call.ret}` };
    if (stdoutWrite(call, 'ACK ')) {
      events.push({ kind: 'ack', path: '<stdout>', ...at });
    } else if (/^(open|openat|openat2|creat)$/.test(call.name)) {
      const path = fdPath(call.ret);
      const creates = call.name === 'creat' || call.args.includes('O_CREAT');
      if (path && creates && ours(path)) events.push({ kind: 'create', path, ...at });
    } else if (/^p?writev?(64|2)?$/.test(call.name)) {
      const path = fdPath(call.args);
      if (path && ours(path)) events.push({ kind: 'write', path, ...at });
    } else if (call.name === 'fsync' || call.name === 'fdatasync') {
      const path = fdPath(call.args);
      if (path && ours(path)) events.push({ kind: 'fsync', path, ...at });
    } else if (/^rename(at2?)?$/.test(call.name)) {
      const [from, to] = quoted(call.args);
      if (from && to && (ours(from) || ours(to))) events.push({ kind: 'rename', path: from, to, ...at });
    }
  }
  return events;
}

/**
 * null when the acknowledged change was written durably, in this order, each call finished
 * before the next began: create temp → write(s) to temp → fsync(temp) → rename(temp → target)
 * → fsync(folder) → ACK. Otherwise the first thing that is wrong.
 */
function checkDurableOrder(events: Event[]): string | null {
  const ack = events.find((e) => e.kind === 'ack');
  if (!ack) return 'the change was never acknowledged (no ACK written to stdout)';
  const before = (e: Event, other: Event) => e.end < other.start;
  const rename = events.findLast(
    (e) => e.kind === 'rename' && before(e, ack) && /\.[0-9a-f]{16}\.tmp$/.test(e.path),
  );
  if (!rename?.to) return 'no rename of a temp file over the workbook before the ACK';
  const tempName = basename(rename.path);
  const target = rename.to;
  const create = events.findLast((e) => e.kind === 'create' && e.path === rename.path && before(e, rename));
  if (!create) return `${tempName} was renamed over the workbook but never created before that`;
  const writes = events.filter((e) => e.kind === 'write' && e.path === rename.path && before(create, e));
  if (writes.length === 0) return `nothing was written to ${tempName} before it was renamed`;
  const lastWrite = writes.reduce((a, b) => (a.end > b.end ? a : b));
  if (!before(lastWrite, rename)) return `${tempName} was still being written when it was renamed`;
  const syncTemp = events.find(
    (e) => e.kind === 'fsync' && e.path === rename.path && before(lastWrite, e) && before(e, rename),
  );
  if (!syncTemp) {
    return `no fsync of the temp file ${tempName} between its last write and the rename over ${basename(target)}`;
  }
  const syncDir = events.find(
    (e) => e.kind === 'fsync' && e.path === dirname(target) && before(rename, e) && before(e, ack),
  );
  if (!syncDir) return `no fsync of the folder ${dirname(target)} between the rename and the ACK`;
  return null;
}

const timeline = (events: Event[]) => events.map((e) => `  ${e.kind.padEnd(6)} ${e.line}`).join('\n');

function requireStrace(): void {
  const probe = spawnSync('strace', ['-V']);
  if (probe.error || probe.status !== 0) throw new Error(STRACE_MISSING);
}

/** Rewrites durable-write.ts so no sync reaches the kernel, as a careless refactor might. */
const withoutFsync: Plugin = {
  name: 'without-fsync',
  setup(b) {
    b.onLoad({ filter: /durable-write\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      let removed = 0;
      const contents = source.replace(/\b\w+\.sync\(\)/g, () => {
        removed++;
        return 'Promise.resolve(/* fsync removed */)';
      });
      // A variant identical to the normal build would "prove" nothing while looking like it did.
      if (removed === 0) throw new Error(`no .sync() call to remove in ${args.path}: update this plugin`);
      return { contents, loader: 'ts' };
    });
  },
};

/** Runs the child under strace on a fresh copy of the sample; returns the workbook's events. */
async function traceOneChange(plugins: Plugin[]): Promise<Event[]> {
  requireStrace();
  // The host opens files by their real path, and strace -y prints real paths: compare those.
  const root = await realpath(await tempDir());
  const target = join(root, 'plan.rollout.json');
  await copyFile(SAMPLE, target);
  const script = await bundleScript('tests/unit/host/strace-child.ts', root, { plugins });
  const logFile = join(root, 'strace.log');
  const args = ['-f', '-y', '-qq', '-e', 'signal=none', '-e', `trace=${TRACED.join(',')}`, '-o', logFile];
  const child = spawn('strace', [...args, process.execPath, script, join(root, 'data'), target, SAMPLE], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // libuv can hand file I/O to io_uring, where fsync is no syscall strace could see.
    env: { ...process.env, UV_USE_IO_URING: '0' },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', done);
  });
  if (code !== 0) throw new Error(`strace/child exited with ${code}: ${err}`);
  expect(out).toMatch(/^ACK-BEGIN\nACK \d+\n$/);
  return workbookEvents(parseStrace(await readFile(logFile, 'utf8')), target);
}

describe('durable writes, seen by strace', () => {
  it('fsyncs the temp file before the rename and the folder after it, before acknowledging', {
    timeout: 60_000,
  }, async () => {
    const events = await traceOneChange([]);
    expect(checkDurableOrder(events), `workbook syscalls after ACK-BEGIN:\n${timeline(events)}`).toBeNull();
  });

  it('catches a build whose fsyncs were removed', { timeout: 60_000 }, async () => {
    const events = await traceOneChange([withoutFsync]);
    const problem = checkDurableOrder(events);
    console.info(`fsync-less build: ${problem}\n${timeline(events)}`);
    expect(problem).toMatch(/^no fsync of the temp file /);
  });
});
