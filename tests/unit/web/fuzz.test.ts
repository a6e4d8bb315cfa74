import { createHash } from 'node:crypto';
import { existsSync, lstatSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, stat, symlink, writeFile } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { HostError } from '../../../electron/host/errors';
import { checkFileName, fileIdFor } from '../../../electron/host/file-access';
import { createHost } from '../../../electron/host/host';
import type { Host } from '../../../electron/host/types';
import { startWebServer, type WebServer } from '../../../electron/web';
import { METHOD_NAMES, METHODS, type Method, type Reply, type SessionState } from '../../../shared/contract';
import type { AuditEntry } from '../../../shared/domain/audit';
import type { Command } from '../../../shared/domain/commands';
import { DomainError } from '../../../shared/domain/errors';
import { execute, openDoc } from '../../../shared/domain/history';
import { unpack } from '../../../shared/domain/wire-pack';
import type { Workbook } from '../../../shared/schema/workbook';
import { frameText, hostileText, inputFor, nonStringNameFrame, rawFrame, unknownName } from './fuzz-frames';

// Every contract method, fuzzed over the real web bridge with random and hostile payloads: the
// real host on a temp data folder with the real sample, the real server, a real `ws` client with
// the right token and Origin. Each frame must get a clear error (never a crash, never silence),
// the data folder must be byte-for-byte unchanged afterwards, and the host must keep serving.
//
// Methods that name files (open, Save As, upload, restore) get paths, traversal, symlinks out of
// the allowed folders, device files, NUL, very long names and look-alikes of "/" and ".". A
// watched tree outside the allowed folders (the link targets among it) must not gain, lose or
// change a single file: nothing there is read into a reply, created, locked or copied.
//
// Inputs that happen to be valid are worked out by an oracle that applies the contract's own
// schemas (and, for commands, the pure reducer) to exactly what the server will parse. Valid
// inputs to methods that would change state (open, create, Save As, restore, a command that
// applies) are not sent: this test is about refusals. FUZZ_SEED=<n> replays a run.

const REPO = resolve(import.meta.dirname, '../../..');
const SAMPLE = join(REPO, 'resources/sample/crm-migration.rollout.json');
const RUNS_PER_METHOD = 24;
/** Commands have the most to get wrong (and the reducer's own checks behind the schema). */
const RUNS_FOR_COMMANDS = 60;
const FC_OPTIONS = process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {};

let tmp: string;
let dataDir: string;
/** Outside every allowed folder; symlinks in the workbooks folder point here and at /etc/passwd. */
let outside: string;
let outsideBefore: Map<string, string>;
let allowedDir: string;
let currentId: string;
let outsideIds: string[];
const IDS = { current: () => currentId, outside: () => outsideIds };
let host: Host;
let server: WebServer;
let origin: string;
let workbook: Workbook;
let audit: AuditEntry[];
const ORACLE_META = { who: { name: 'Oracle', role: 'Fuzzer' }, at: '2026-12-01T00:00:00.000Z' };
let workbookPath: string;
let dataBefore: Map<string, string>;
let workbookStat: { mtimeMs: number; size: number };
let client: Client;
const tally = { sent: 0, skippedValid: 0, leaks: [] as string[] };

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'warroom-fuzz-'));
  const distDir = join(tmp, 'dist', 'renderer');
  await mkdir(distDir, { recursive: true });
  await writeFile(join(distDir, 'index.html'), '<!doctype html><title>War room</title><div id="root"></div>');
  dataDir = join(tmp, 'data');
  outside = join(tmp, 'outside');
  allowedDir = join(tmp, 'allowed');
  await mkdir(outside);
  await mkdir(allowedDir);
  await writeFile(join(outside, 'secret.rollout.json'), await readFile(SAMPLE));
  await writeFile(join(outside, 'notes.txt'), 'canary-7f3a: must never appear in a reply');
  await mkdir(join(dataDir, 'workbooks'), { recursive: true });
  await symlink('/etc/passwd', join(dataDir, 'workbooks', 'evil.rollout.json'));
  await symlink(join(outside, 'secret.rollout.json'), join(dataDir, 'workbooks', 'outside.rollout.json'));
  await symlink(join(outside, 'notes.txt'), join(allowedDir, 'notes.rollout.json'));
  host = createHost({
    dataDir,
    samplePath: SAMPLE,
    user: { name: 'Fuzz', role: 'Fuzzer' },
    allow: [allowedDir],
  });
  await host.start();
  server = await startWebServer({ host, distDir });
  origin = `http://127.0.0.1:${server.port}`;
  const state = await host.api['session:get-state'](undefined);
  workbook = state.workbook!;
  workbookPath = state.file!.path;
  currentId = fileIdFor(await realpath(workbookPath));
  audit = JSON.parse(await readFile(workbookPath, 'utf8')).audit;
  // Every id a link out of the allowed folders could be taken for: by target and by link.
  outsideIds = [
    '/etc/passwd',
    join(outside, 'secret.rollout.json'),
    join(outside, 'notes.txt'),
    join(dataDir, 'workbooks', 'evil.rollout.json'),
    join(dataDir, 'workbooks', 'outside.rollout.json'),
    join(allowedDir, 'notes.rollout.json'),
  ].map(fileIdFor);
  dataBefore = await snapshot(dataDir);
  outsideBefore = await snapshot(outside);
  const info = await stat(workbookPath);
  workbookStat = { mtimeMs: info.mtimeMs, size: info.size };
  client = await connectClient();
});

afterAll(async () => {
  client?.ws.terminate();
  await server?.close();
  await host?.close();
  await rm(tmp, { recursive: true, force: true });
});

/** Every file under `dir` (the lock, settings, backups, the workbook) → sha256 of its bytes. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.isSymbolicLink()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(
      relative(dir, path),
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The client: one frame at a time, so the next reply is the answer to the frame just sent.

interface Answer {
  id: unknown;
  reply: Reply<unknown>;
}

interface Client {
  ws: WebSocket;
  /**
   * Events pushed meanwhile. Refused opens and saves still re-send the (unchanged) state, but
   * none may show a different file, revision or a problem, and no save may have started.
   */
  events: { event: string; payload: unknown }[];
  send(frame: string | Buffer): Promise<Answer>;
  /** Sends all frames at once and collects as many replies. */
  burst(frames: (string | Buffer)[]): Promise<Answer[]>;
}

async function connectClient(): Promise<Client> {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/bridge?token=${server.token}`, { origin });
  await new Promise<void>((done, fail) => {
    ws.once('open', () => done());
    ws.once('error', fail);
  });
  const events: { event: string; payload: unknown }[] = [];
  let waiting: {
    count: number;
    answers: Answer[];
    done: (a: Answer[]) => void;
    fail: (e: Error) => void;
  } | null = null;
  ws.on('message', (data: WebSocket.RawData) => {
    const message = unpack(JSON.parse(data.toString())) as Record<string, unknown>;
    if ('event' in message) {
      events.push({ event: String(message.event), payload: message.payload });
      return;
    }
    if (!waiting) throw new Error(`unexpected reply ${data.toString().slice(0, 200)}`);
    waiting.answers.push(message as unknown as Answer);
    if (waiting.answers.length === waiting.count) {
      const { done, answers } = waiting;
      waiting = null;
      done(answers);
    }
  });
  ws.on('close', (code) => waiting?.fail(new Error(`the server closed the connection (${code})`)));
  const burst = (frames: (string | Buffer)[]) =>
    new Promise<Answer[]>((done, fail) => {
      const timer = setTimeout(() => fail(new Error('no reply within 10 s')), 10_000);
      waiting = {
        count: frames.length,
        answers: [],
        done: (a) => {
          clearTimeout(timer);
          done(a);
        },
        fail,
      };
      for (const frame of frames) ws.send(frame, { binary: typeof frame !== 'string' });
    });
  return { ws, events, burst, send: async (frame) => (await burst([frame]))[0]! };
}

// ---------------------------------------------------------------------------------------------
// The oracle: what the server must answer, worked out from exactly the bytes it receives.

type Expect =
  | { kind: 'bad-frame' }
  /** `code`: the error code the host must give (never "internal"). */
  | { kind: 'refused'; id: number; code: string }
  | { kind: 'ok'; id: number }
  /** Valid input to a method that would change state: not sent. */
  | { kind: 'skip' };

const isMethod = (name: unknown): name is Method => typeof name === 'string' && Object.hasOwn(METHODS, name);

function expectFor(frame: string | Buffer): Expect {
  let value: unknown;
  try {
    value = JSON.parse(typeof frame === 'string' ? frame : frame.toString('utf8'));
  } catch {
    return { kind: 'bad-frame' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'bad-frame' };
  const { id, method, input: packed } = value as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isFinite(id)) return { kind: 'bad-frame' };
  let input: unknown;
  try {
    input = unpack(packed);
  } catch {
    return { kind: 'refused', id, code: 'invalid-input' };
  }
  if (!isMethod(method)) return { kind: 'refused', id, code: 'unknown-method' };
  const parsed = METHODS[method].safeParse(input);
  if (!parsed.success) return { kind: 'refused', id, code: 'invalid-input' };
  switch (method) {
    case 'session:get-state':
    case 'workbook:list-recent':
    case 'files:list-folders':
    case 'history:list-entries':
      return { kind: 'ok', id };
    // Web mode has no file dialogs; nothing was changed, so there is nothing to undo or redo.
    case 'dialog:open-workbook':
    case 'dialog:save-workbook':
      return { kind: 'refused', id, code: 'unsupported' };
    case 'workbook:undo-change':
      return { kind: 'refused', id, code: 'nothing-to-undo' };
    case 'workbook:redo-change':
      return { kind: 'refused', id, code: 'nothing-to-redo' };
    case 'workbook:open-file':
      // Only the open workbook's own id names anything here (the fuzzer never lists files).
      return (parsed.data as { fileId: string }).fileId === currentId
        ? { kind: 'ok', id }
        : { kind: 'refused', id, code: 'not-available' };
    case 'workbook:save-as':
      return saveAsExpectation(
        id,
        parsed.data as { folderId: string; fileName: string; overwrite?: boolean },
      );
    // No generator makes a whole valid workbook, so every upload that passes the schema is refused.
    case 'workbook:upload-copy':
      return { kind: 'refused', id, code: 'not-a-workbook' };
    case 'workbook:restore-backup':
      // The fuzzer never names one of the backups kept for the open file.
      return { kind: 'refused', id, code: 'not-a-backup' };
    case 'workbook:dispatch-command':
      try {
        // The pure domain decides, with the open file's own audit log for edit conflicts.
        const done = execute(openDoc(workbook), parsed.data as Command, ORACLE_META, audit);
        return done ? { kind: 'skip' } : { kind: 'ok', id };
      } catch (error) {
        // The reducer's own refusal (unknown id, bad item, index past the end), by its code.
        return { kind: 'refused', id, code: error instanceof DomainError ? error.code : String(error) };
      }
    default:
      return { kind: 'skip' };
  }
}

/** Save As: a known folder and a usable bare name write a file (held back); all else is refused. */
function saveAsExpectation(
  id: number,
  input: { folderId: string; fileName: string; overwrite?: boolean },
): Expect {
  const folder = { workbooks: join(dataDir, 'workbooks'), 'allowed-1': allowedDir }[input.folderId];
  if (!folder) return { kind: 'refused', id, code: 'not-available' };
  let name: string;
  try {
    name = checkFileName(input.fileName);
  } catch (error) {
    return { kind: 'refused', id, code: (error as HostError).code };
  }
  const target = join(folder, name);
  const info = existsSync(target) || isLink(target) ? lstatSync(target) : null;
  if (info && !info.isFile()) return { kind: 'refused', id, code: 'not-available' };
  if (info && !input.overwrite) return { kind: 'refused', id, code: 'exists' };
  return { kind: 'skip' };
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

async function sendAndCheck(frame: string | Buffer): Promise<void> {
  const want = expectFor(frame);
  if (want.kind === 'skip') {
    tally.skippedValid++;
    return;
  }
  tally.sent++;
  const answer = await client.send(frame);
  checkAnswer(frame, want, answer);
}

function checkAnswer(frame: string | Buffer, want: Exclude<Expect, { kind: 'skip' }>, answer: Answer): void {
  const shown = String(frame).slice(0, 300);
  const text = JSON.stringify(answer);
  if (text.includes('canary-7f3a') || text.includes('root:x:0:0') || text.includes(outside))
    tally.leaks.push(shown);
  if (want.kind === 'ok') {
    expect(answer.id === want.id, shown).toBe(true);
    expect(answer.reply.ok, shown).toBe(true);
    return;
  }
  expect(answer.reply.ok, shown).toBe(false);
  if (answer.reply.ok) return;
  expect(answer.reply.error.code, shown).toMatch(/^[a-z-]+$/);
  expect(answer.reply.error.message.trim().length, shown).toBeGreaterThan(10);
  if (want.kind === 'bad-frame') {
    expect(answer.id, shown).toBeNull();
    expect(answer.reply.error.code, shown).toBe('bad-frame');
  } else {
    expect(answer.id === want.id, shown).toBe(true);
    expect(answer.reply.error.code, shown).toBe(want.code);
  }
}

// ---------------------------------------------------------------------------------------------

describe('fuzzing the web bridge', () => {
  it.each(METHOD_NAMES)(
    'refuses hostile input to %s with a clear error',
    { timeout: 30_000 },
    async (method) => {
      await fc.assert(
        fc.asyncProperty(inputFor(method, IDS), async (input) => {
          await sendAndCheck(frameText(method, input));
        }),
        {
          numRuns: method === 'workbook:dispatch-command' ? RUNS_FOR_COMMANDS : RUNS_PER_METHOD,
          ...FC_OPTIONS,
        },
      );
    },
  );

  it('refuses unknown and non-string method names', { timeout: 30_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc
            .tuple(
              unknownName.filter((n) => !isMethod(n)),
              hostileText,
            )
            .map(([name, input]) => frameText(name, input)),
          nonStringNameFrame,
        ),
        async (frame) => {
          const want = expectFor(frame);
          expect(want.kind).toBe('refused');
          await sendAndCheck(frame);
        },
      ),
      { numRuns: 40, ...FC_OPTIONS },
    );
  });

  it('answers broken frames (not JSON, NaN, no id, bad ids, binary) with bad-frame', {
    timeout: 30_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(rawFrame, async (frame) => {
        await sendAndCheck(frame);
      }),
      { numRuns: 110, ...FC_OPTIONS },
    );
  });

  it('answers a burst of hostile frames in flight at once, each exactly once', {
    timeout: 30_000,
  }, async () => {
    const frames = fc
      .sample(
        fc.oneof(
          fc.constantFrom(...METHOD_NAMES).chain((m) => inputFor(m, IDS).map((input) => frameText(m, input))),
          rawFrame,
        ),
        { numRuns: 120, ...FC_OPTIONS },
      )
      .filter((f) => expectFor(f).kind !== 'skip')
      .slice(0, 60);
    tally.sent += frames.length;
    const answers = await client.burst(frames);
    const expected = frames.map((f) => expectFor(f) as Exclude<Expect, { kind: 'skip' }>);
    // Replies may come in any order: match requests by id, bad frames by count.
    const byId = new Map(answers.filter((a) => a.id !== null).map((a) => [a.id, a]));
    for (const [i, want] of expected.entries()) {
      if (want.kind === 'bad-frame') continue;
      const answer = byId.get(want.id);
      expect(answer, `no reply for frame ${i}`).toBeDefined();
      // Opens, saves-as and restores run one at a time and refuse changes arriving meanwhile,
      // with "busy": in a burst, a change may meet one of them in flight.
      const raced =
        !answer!.reply.ok &&
        answer!.reply.error.code === 'busy' &&
        /"method":"workbook:(dispatch-command|undo-change|redo-change)"/.test(String(frames[i]));
      if (raced && want.kind === 'refused') continue;
      checkAnswer(frames[i]!, want, answer!);
    }
    const badFrames = answers.filter((a) => a.id === null);
    expect(badFrames).toHaveLength(expected.filter((w) => w.kind === 'bad-frame').length);
    for (const answer of badFrames)
      expect(answer.reply).toMatchObject({ ok: false, error: { code: 'bad-frame' } });
  });

  it('left the data folder untouched and still serves', async () => {
    console.info(
      `web fuzz: ${tally.sent} frames sent, ${tally.skippedValid} valid state-changing inputs held back`,
    );
    expect(tally.sent).toBeGreaterThanOrEqual(450);
    expect(client.events.filter((e) => e.event !== 'session:state-changed')).toEqual([]);
    for (const { payload } of client.events) {
      const pushed = payload as SessionState;
      expect(pushed.file?.path).toBe(workbookPath);
      expect(pushed.workbook?.revision).toBe(workbook.revision);
      expect(pushed.problem).toBeNull();
    }
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const info = await stat(workbookPath);
    expect({ mtimeMs: info.mtimeMs, size: info.size }).toEqual(workbookStat);
    expect(await snapshot(dataDir)).toEqual(dataBefore);
    // Outside the allowed folders nothing was created, changed, locked or copied...
    expect(await snapshot(outside)).toEqual(outsideBefore);
    expect((await readdir(outside)).sort()).toEqual(['notes.txt', 'secret.rollout.json']);
    expect(existsSync('/etc/passwd.lock')).toBe(false);
    expect(existsSync(join(dataDir, 'quarantine'))).toBe(false);
    // ...and nothing read from there came back in a reply or a push.
    expect(tally.leaks).toEqual([]);

    const answer = await client.send(frameText('session:get-state', undefined));
    expect(answer.reply.ok).toBe(true);
    const state = (answer.reply as { value: SessionState }).value;
    expect(state.file).toEqual({ path: workbookPath, readOnly: false, readOnlyReason: null });
    expect(state.problem).toBeNull();
    expect(state.workbook?.revision).toBe(workbook.revision);

    // A fresh connection is served too.
    const other = await connectClient();
    expect((await other.send(frameText('session:get-state', undefined))).reply.ok).toBe(true);
    other.ws.terminate();
  });

  it('closes only the connection that announces a frame over the size limit, and keeps serving', {
    timeout: 30_000,
  }, async () => {
    const big = await connectClient();
    const closed = new Promise<number>((done) => big.ws.once('close', (code) => done(code)));
    big.ws.on('error', () => undefined);
    // Only the header of a masked text frame claiming 65 MB: the server must refuse it from the
    // length alone, before buffering anything.
    const header = Buffer.alloc(14);
    header[0] = 0x81; // FIN + text
    header[1] = 0x80 | 127; // masked, 64-bit length follows
    header.writeBigUInt64BE(BigInt(65 * 1024 * 1024), 2);
    (big.ws as unknown as { _socket: Socket })._socket.write(header);
    expect(await closed).toBe(1009);
    const answer = await client.send(frameText('session:get-state', undefined));
    expect(answer.reply.ok).toBe(true);
    expect(await snapshot(dataDir)).toEqual(dataBefore);
  });
});
