import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { workbooksDir } from '../../electron/host/paths';
import { startWebHost } from '../support/web-host';
import { type Received, WindowClient } from '../support/window-client';
import { judge, type Result, type Target } from './report';
import { median, round, summarize } from './stats';
import { tuneCommand } from './workbooks';

// Benchmark 5: windows attached. The real host in web mode (the built web-cli, a child process)
// with two windows connected over its WebSocket bridge, the way a main window and a projector
// watch one workbook. One window makes small edits, one at a time; every change is pushed to
// both as patches, which each applies to its own copy. Measured per edit: the bytes each window
// receives for it, and the time from sending the command until both windows hold the new
// revision. Both windows live in this process, so their work is serialised: the time is an
// upper bound on what two separate renderer processes would see.

const EDIT_TIMEOUT_MS = 30_000;
const KB = 1024;

export interface WindowsOptions {
  dir: string;
  label: string;
  /** The workbook file to open, as saved. */
  bytes: Buffer;
  iterations: number;
  warmup: number;
  /** p95 of edit → both windows hold the new revision, in ms. */
  latencyMax: number;
  /** p95 of bytes pushed to a window per edit; null to report without a target. */
  bytesMax: number | null;
}

interface Edit {
  ms: number;
  /** What each window received for this edit, editor first. */
  received: Received[];
}

export async function benchWindows(o: WindowsOptions): Promise<Result[]> {
  const dataDir = join(o.dir, `windows-${o.label.replace(' ', '')}`);
  const fileName = `windows-${o.label.replace(' ', '')}.rollout.json`;
  // A fresh data folder whose workbooks folder (the one web mode lists) already holds the file.
  await mkdir(workbooksDir(dataDir), { recursive: true });
  await writeFile(join(workbooksDir(dataDir), fileName), o.bytes);
  // No preset identity: the editor says who it is over the bridge, as a first-time user does.
  const server = await startWebHost({ dataDir, identity: null });
  const windows: WindowClient[] = [];
  try {
    const editor = await WindowClient.connect(server.url, 'main window');
    windows.push(editor, await WindowClient.connect(server.url, 'projector'));
    await editor.call('settings:set-identity', { name: 'Bench', role: 'Benchmark' });
    const folders = await editor.call('files:list-folders');
    const entry = folders.flatMap((f) => f.files).find((f) => f.fileName === fileName);
    if (!entry) throw new Error(`web host does not list ${fileName}`);
    const opened = await editor.call('workbook:open-file', { fileId: entry.id });
    if (opened.file?.readOnly !== false) throw new Error(`could not open ${fileName} for editing`);
    for (const w of windows) await w.loadState();
    for (const w of windows) w.takeReceived();

    const edits: Edit[] = [];
    const acks: number[] = [];
    // The first change after a full state costs more (immer freezes each copy once); warm-up
    // hides it from the percentiles, so it is reported on its own.
    let firstEditMs = 0;
    for (let i = 0; i < o.warmup + o.iterations; i++) {
      const { edit, ackMs } = await oneEdit(editor, windows, i);
      if (i === 0) firstEditMs = round(edit.ms);
      if (i < o.warmup) continue;
      edits.push(edit);
      acks.push(ackMs);
    }

    // Correctness: after all the pushes, each window's copy is exactly the host's workbook.
    const host = (await editor.call('session:get-state')).workbook;
    const matches = windows.map((w) => isDeepStrictEqual(w.workbook, host));
    const gaps = windows.map((w) => w.gaps);
    const correct = matches.every(Boolean) && gaps.every((g) => g === 0);
    return report(o, edits, acks, windows, { matches, gaps, correct, firstEditMs });
  } finally {
    for (const w of windows) w.close();
    await server.stop();
  }
}

/** Sends one edit from `editor` and waits until every window has it and its save is on disk. */
async function oneEdit(editor: WindowClient, windows: WindowClient[], i: number) {
  const wb = editor.workbook!;
  const revision = wb.revision + 1;
  let start = 0;
  let ackAt = 0;
  let done!: () => void;
  let fail!: (error: Error) => void;
  const finished = new Promise<void>((resolve, reject) => {
    done = resolve;
    fail = reject;
  });
  // Done when the ack is back and each window has applied the change and heard "saved": then
  // nothing of this edit is still on the way, and the next edit's counts start clean.
  const check = () => {
    if (ackAt > 0 && windows.every((w) => w.appliedAt.has(revision) && w.received.saved > 0)) done();
  };
  const offs = windows.map((w) => w.watch(check));
  const timer = setTimeout(
    () => fail(new Error(`edit ${i} (revision ${revision}) was not complete after ${EDIT_TIMEOUT_MS} ms`)),
    EDIT_TIMEOUT_MS,
  );
  try {
    const ack = await editor.call('workbook:dispatch-command', tuneCommand(wb, i), () => {
      start = performance.now();
    });
    ackAt = performance.now();
    if (ack.revision !== revision)
      throw new Error(`edit ${i}: acked revision ${ack.revision}, not ${revision}`);
    check();
    await finished;
  } finally {
    clearTimeout(timer);
    for (const off of offs) off();
  }
  const both = Math.max(...windows.map((w) => w.appliedAt.get(revision)!));
  return {
    edit: { ms: both - start, received: windows.map((w) => w.takeReceived()) },
    ackMs: ackAt - start,
  };
}

function report(
  o: WindowsOptions,
  edits: Edit[],
  acks: number[],
  windows: WindowClient[],
  check: { matches: boolean[]; gaps: number[]; correct: boolean; firstEditMs: number },
): Result[] {
  const perEdit = edits.map((e) => Math.max(...e.received.map((r) => r.pushBytes)));
  const perClient = windows.map((w, k) => {
    const bytes = edits.map((e) => e.received[k]!.pushBytes);
    const pushes: Record<string, number> = {};
    for (const e of edits) {
      for (const [event, n] of Object.entries(e.received[k]!.pushes))
        pushes[event] = (pushes[event] ?? 0) + n;
    }
    return {
      window: w.name,
      bytesMedian: median(bytes),
      bytesMax: Math.max(...bytes),
      pushFramesPerEdit: Object.fromEntries(
        Object.entries(pushes).map(([e, n]) => [e, round(n / edits.length)]),
      ),
      replyBytesMedian: median(edits.map((e) => e.received[k]!.replyBytes)),
      applyMsMedian: round(median(w.applyMs)),
      copyMatchesHost: check.matches[k],
      gaps: check.gaps[k],
    };
  });
  const common = {
    workbookBytes: o.bytes.length,
    edits: edits.length,
    warmupEdits: o.warmup,
    clients: windows.length,
    copiesMatchHost: check.correct,
  };
  const bytesTarget: Target | null = o.bytesMax === null ? null : { metric: 'p95', max: o.bytesMax };
  const maxBytes = Math.max(...perEdit);
  return [
    judge({
      name: `bytes pushed per small edit, ${o.label} workbook (web mode, 2 windows)`,
      unit: 'bytes',
      ...summarize(perEdit),
      target: bytesTarget,
      details: {
        measured:
          'WebSocket frames (payload + header) a window receives for one edit, pushes only; the larger window',
        ...common,
        maxBytes,
        maxKB: round(maxBytes / KB),
        perClient,
      },
      // Every edit must stay within the target, not just 95 of 100; and the copies must be right.
      ...(check.correct && (o.bytesMax === null || maxBytes <= o.bytesMax) ? {} : { pass: false }),
    }),
    judge({
      name: `edit → both windows hold the new revision, ${o.label} workbook (web mode)`,
      unit: 'ms',
      ...summarize(edits.map((e) => e.ms)),
      target: { metric: 'p95', max: o.latencyMax },
      details: {
        timed: "editor sends item.update → the second window's applyPatches for that revision returns",
        ...common,
        firstEditMs: check.firstEditMs,
        ackMedian: round(median(acks)),
        ackNote: 'the ack (durably on disk) comes after the push; not part of the timed window',
        perClient: perClient.map((c) => ({ window: c.window, applyMsMedian: c.applyMsMedian })),
      },
      ...(check.correct ? {} : { pass: false }),
    }),
  ];
}
