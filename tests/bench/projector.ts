import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright';
import { workbooksDir } from '../../electron/host/paths';
import { freshSample } from '../../electron/host/sample';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium';
import { startWebHost } from '../support/web-host';
import { WindowClient } from '../support/window-client';
import { judge, type Result, skipped } from './report';
import { round, summarize } from './stats';

// Benchmark 6: edit → the projector board shows it. The real web-mode host, a real headless
// Chromium showing #/projector at 1920×1080, and an editor: a second WebSocket on the host's
// bridge, opened inside that same page so the send and the moment the board's DOM shows the new
// value are read from one clock (the page's performance.now()). The edit is a reading of a gate's
// metric (ERP order sync lag), a new value each time; the board shows it as the gate's latest.
// Timed: the command frame handed to the socket → a MutationObserver sees the gate's value in
// the board's DOM (same task as React's commit, before paint); the next animation frame (the
// frame that paints it) is reported beside it. On the sample and a 10 MB workbook, both moved in
// time as a new user's copy is, so wave 2 is live and takes readings stamped now.

const GATE_VALUE = '[data-gate="sc-sync"] .pj-value';
const EDIT_TIMEOUT_MS = 15_000;

interface Timing {
  sent: number;
  shown: number;
  framed: number;
  acked: number;
}

declare global {
  interface Window {
    __benchEditor?: WebSocket;
  }
}

/** In the page (serialised alone by Playwright, so self-contained): sends one reading over its own socket and resolves when the board shows it. */
function editAndWatch({
  url,
  frame,
  selector,
  expected,
  timeoutMs,
}: {
  url: string;
  frame: string;
  selector: string;
  expected: string;
  timeoutMs: number;
}) {
  const open = async (): Promise<WebSocket> => {
    const ws = new WebSocket(url);
    await new Promise((resolve, reject) => {
      ws.addEventListener('open', resolve, { once: true });
      ws.addEventListener('error', reject, { once: true });
    });
    return ws;
  };
  return (async (): Promise<Timing> => {
    window.__benchEditor ??= await open();
    const ws = window.__benchEditor;
    const id = (JSON.parse(frame) as { id: number }).id;
    const t: Timing = { sent: -1, shown: -1, framed: -1, acked: -1 };
    return new Promise<Timing>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the board did not show ${expected}`)), timeoutMs);
      const finish = () => {
        if (t.framed < 0 || t.acked < 0) return;
        clearTimeout(timer);
        resolve(t);
      };
      const onMessage = (e: MessageEvent) => {
        const m = JSON.parse(String(e.data)) as {
          id?: number;
          reply?: { ok: boolean; error?: { message: string } };
        };
        if (m.id !== id) return;
        ws.removeEventListener('message', onMessage);
        if (!m.reply?.ok) reject(new Error(`refused: ${m.reply?.error?.message}`));
        t.acked = performance.now();
        finish();
      };
      ws.addEventListener('message', onMessage);
      const observer = new MutationObserver(() => {
        if (!document.querySelector(selector)?.textContent?.includes(expected)) return;
        t.shown = performance.now();
        observer.disconnect();
        requestAnimationFrame(() => {
          t.framed = performance.now();
          finish();
        });
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      t.sent = performance.now();
      ws.send(frame);
    });
  })();
}

export interface ProjectorBenchOptions {
  dir: string;
  /** The bundled sample as shipped, and a 10 MB workbook grown from it. */
  sample: Buffer;
  large: Buffer;
  quick: boolean;
}

export async function benchProjector(o: ProjectorBenchOptions): Promise<Result[]> {
  const cases = [
    { label: 'sample', bytes: o.sample, max: 100, iterations: o.quick ? 20 : 100 },
    { label: '10 MB', bytes: o.large, max: 250, iterations: o.quick ? 10 : 40 },
  ];
  const executablePath = findChromium();
  if (!executablePath) {
    return cases.map((c) =>
      skipped(
        name(c.label),
        { metric: 'p95', max: c.max },
        'No Chromium found: set CHROMIUM_PATH or apt-get install -y chromium.',
      ),
    );
  }
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const out: Result[] = [];
    for (const c of cases) out.push(await one(browser.newPage.bind(browser), o.dir, c, o.quick ? 3 : 5));
    return out;
  } finally {
    await browser.close();
  }
}

const name = (label: string) =>
  `edit → projector board shows it, ${label} workbook (web mode, headless Chromium)`;

async function one(
  newPage: (options: { viewport: { width: number; height: number } }) => Promise<Page>,
  dir: string,
  c: { label: string; bytes: Buffer; max: number; iterations: number },
  warmup: number,
): Promise<Result> {
  const slug = c.label.replace(' ', '');
  const dataDir = join(dir, `projector-${slug}`);
  const fileName = `projector-${slug}.rollout.json`;
  await mkdir(workbooksDir(dataDir), { recursive: true });
  await writeFile(join(workbooksDir(dataDir), fileName), freshSample(c.bytes, new Date()));
  const server = await startWebHost({ dataDir, identity: { name: 'Bench', role: 'Benchmark' } });
  const setup = await WindowClient.connect(server.url, 'setup');
  try {
    const entry = (await setup.call('files:list-folders'))
      .flatMap((f) => f.files)
      .find((f) => f.fileName === fileName);
    if (!entry) throw new Error(`web host does not list ${fileName}`);
    const opened = await setup.call('workbook:open-file', { fileId: entry.id });
    if (opened.file?.readOnly !== false) throw new Error(`could not open ${fileName} for editing`);
    const page = await newPage({ viewport: { width: 1920, height: 1080 } });
    const loadStart = performance.now();
    await page.goto(`${server.url}#/projector`);
    await page.waitForSelector(
      `[data-testid="projector"][data-state="live"][data-revision="${opened.workbook!.revision}"]`,
      {
        timeout: 60_000,
      },
    );
    const loadMs = performance.now() - loadStart;
    const page0 = new URL(server.url);
    const url = `ws://${page0.host}/bridge?token=${encodeURIComponent(page0.searchParams.get('token') ?? '')}`;

    const shown: number[] = [];
    const framed: number[] = [];
    const acked: number[] = [];
    for (let i = 0; i < warmup + c.iterations; i++) {
      const value = round(3 + (i + 1) / 1000, 3);
      const frame = JSON.stringify({
        id: 1000 + i,
        method: 'workbook:dispatch-command',
        input: {
          type: 'wave.reading-add',
          id: `r-bench-${i}`,
          waveId: 'wave-2',
          metricId: 'm-sync-lag',
          at: new Date().toISOString(),
          value,
          source: '',
        },
      });
      const t = await page.evaluate(editAndWatch, {
        url,
        frame,
        selector: GATE_VALUE,
        expected: `${value} min`,
        timeoutMs: EDIT_TIMEOUT_MS,
      });
      if (i < warmup) continue;
      shown.push(t.shown - t.sent);
      framed.push(t.framed - t.sent);
      acked.push(t.acked - t.sent);
    }
    const revision = await page.getAttribute('[data-testid="projector"]', 'data-revision');
    const host = (await setup.call('session:get-state')).workbook!.revision;
    await page.close();
    return judge({
      name: name(c.label),
      unit: 'ms',
      ...summarize(shown),
      target: { metric: 'p95', max: c.max },
      details: {
        timed:
          "command frame sent from the board's page → MutationObserver sees the new value in the board's DOM",
        workbookBytes: c.bytes.length,
        edits: shown.length,
        warmupEdits: warmup,
        nextFrame: summarize(framed),
        nextFrameNote: 'to the animation frame after the DOM change: the frame that paints it',
        ack: summarize(acked),
        ackNote: 'the ack (durably on disk) usually comes after the board already shows the change',
        boardLoadMs: round(loadMs),
        boardRevision: Number(revision),
        hostRevision: host,
      },
      // The board must end on the host's revision, or it was not showing the latest state.
      ...(Number(revision) === host ? {} : { pass: false }),
    });
  } finally {
    setup.close();
    await server.stop();
  }
}
