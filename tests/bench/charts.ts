import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { workbooksDir } from '../../electron/host/paths';
import { freshSample } from '../../electron/host/sample';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium';
import { startWebHost } from '../support/web-host';
import { WindowClient } from '../support/window-client';
import { judge, type Result, skipped } from './report';
import { round, summarize } from './stats';

// Benchmark 7: a chart of 10,000 readings takes one more. The sample, moved to now, with wave 2's
// Sales API 5xx rate replaced by a week of per-minute readings (10,000 of them, the last few over
// the stop condition), open on the Waves screen in a real headless Chromium at 1440×900. Each
// round sends a new reading from inside the page over its own socket on the host's bridge, as
// another window would, and waits for the chart to draw it: the chart wrapper stamps its element
// with the number of points it drew (data-points) in Chart.js's afterDraw hook, so the time is
// taken when the pixels are on the canvas. Two clocks, both the page's performance.now():
//   update → drawn: the wrapper rendering the new data → the chart drawn (the wrapper's own
//                   data-update-ms: decimation, layout, annotations, drawing). The target.
//   sent → drawn:   the reading leaving the page → drawn, so also the host's validation, the
//                   pushed patch, the store and the whole Waves screen re-rendering.

const CHART = '[data-testid="wave-wave-2"] [data-testid="chart-sc-errors"] [data-testid="time-chart"]';
const POINTS = 10_000;
const TIMEOUT_MS = 15_000;

interface Timing {
  sent: number;
  drawn: number;
  framed: number;
  updateMs: number;
}

declare global {
  interface Window {
    __chartBenchSocket?: WebSocket;
  }
}

/** In the page (serialised alone by Playwright, so self-contained): one reading in, until drawn. */
function sendAndWatch(o: {
  url: string;
  frame: string;
  selector: string;
  expected: string;
  timeoutMs: number;
}) {
  return (async (): Promise<Timing> => {
    if (!window.__chartBenchSocket) {
      const ws = new WebSocket(o.url);
      await new Promise((resolve, reject) => {
        ws.addEventListener('open', resolve, { once: true });
        ws.addEventListener('error', reject, { once: true });
      });
      window.__chartBenchSocket = ws;
    }
    const ws = window.__chartBenchSocket;
    const el = document.querySelector(o.selector) as HTMLElement;
    const t: Timing = { sent: -1, drawn: -1, framed: -1, updateMs: -1 };
    return new Promise<Timing>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the chart did not draw ${o.expected} points`)),
        o.timeoutMs,
      );
      const observer = new MutationObserver(() => {
        if (el.dataset.points !== o.expected) return;
        t.drawn = performance.now();
        t.updateMs = Number(el.dataset.updateMs);
        observer.disconnect();
        requestAnimationFrame(() => {
          t.framed = performance.now();
          clearTimeout(timer);
          resolve(t);
        });
      });
      observer.observe(el, { attributes: true, attributeFilter: ['data-points'] });
      t.sent = performance.now();
      ws.send(o.frame);
    });
  })();
}

/** The sample, moved to `now`, with wave 2 live for a week and `POINTS` per-minute 5xx readings. */
function weekOfReadings(sample: Buffer, now: Date): Buffer {
  const wb = JSON.parse(freshSample(sample, now).toString('utf8'));
  const end = now.getTime() - 60_000;
  const start = end - POINTS * 60_000;
  const wave = wb.waves.waves.find((w: { id: string }) => w.id === 'wave-2');
  const live = new Date(start - 60 * 60_000).toISOString();
  wave.startedAt = live;
  for (const m of wave.moves) if (m.to === 'live') m.at = live;
  type Reading = { waveId: string; metricId: string };
  const others = wb.waves.readings.filter(
    (r: Reading) => !(r.waveId === 'wave-2' && r.metricId === 'm-api-5xx'),
  );
  const week = Array.from({ length: POINTS }, (_, i) => {
    const calm = 0.8 + 0.3 * Math.sin(i / 97) + 0.15 * Math.sin(i * 1.7);
    return {
      id: `rd-bench-${i}`,
      waveId: 'wave-2',
      metricId: 'm-api-5xx',
      at: new Date(start + (i + 1) * 60_000).toISOString(),
      // The last twenty minutes are over the 2% stop condition: breach points to mark.
      value: round(i >= POINTS - 20 ? 2.5 + (i % 5) / 10 : calm, 3),
      source: 'bench',
      by: 'Bench',
      role: 'Benchmark',
      batch: '',
    };
  });
  wb.waves.readings = [...others, ...week];
  return Buffer.from(JSON.stringify(wb));
}

const NAME = `chart update, ${POINTS.toLocaleString('en-GB')} points: update → drawn (web mode, headless Chromium)`;

/** Measures, and adds the result to `results` (main.ts wires it in with one line). */
export async function benchCharts(
  o: { dir: string; sample: Buffer; quick: boolean },
  results: Result[],
): Promise<void> {
  results.push(...(await measure(o)));
}

async function measure(o: { dir: string; sample: Buffer; quick: boolean }): Promise<Result[]> {
  const target = { metric: 'p95' as const, max: 50 };
  const executablePath = findChromium();
  if (!executablePath) {
    return [skipped(NAME, target, 'No Chromium found: set CHROMIUM_PATH or apt-get install -y chromium.')];
  }
  const iterations = o.quick ? 20 : 100;
  const warmup = o.quick ? 3 : 5;
  const dataDir = join(o.dir, 'charts');
  const fileName = 'charts.rollout.json';
  await mkdir(workbooksDir(dataDir), { recursive: true });
  const bytes = weekOfReadings(o.sample, new Date());
  await writeFile(join(workbooksDir(dataDir), fileName), bytes);
  const server = await startWebHost({ dataDir, identity: { name: 'Bench', role: 'Benchmark' } });
  const setup = await WindowClient.connect(server.url, 'setup');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const entry = (await setup.call('files:list-folders'))
      .flatMap((f) => f.files)
      .find((f) => f.fileName === fileName);
    if (!entry) throw new Error(`web host does not list ${fileName}`);
    const opened = await setup.call('workbook:open-file', { fileId: entry.id });
    if (opened.file?.readOnly !== false) throw new Error(`could not open ${fileName} for editing`);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const loadStart = performance.now();
    await page.goto(`${server.url}#/waves`);
    await page.waitForSelector(`${CHART}[data-points="${POINTS}"]`, { timeout: 60_000 });
    const loadMs = performance.now() - loadStart;
    const page0 = new URL(server.url);
    const url = `ws://${page0.host}/bridge?token=${encodeURIComponent(page0.searchParams.get('token') ?? '')}`;

    const update: number[] = [];
    const drawn: number[] = [];
    const framed: number[] = [];
    for (let i = 0; i < warmup + iterations; i++) {
      const frame = JSON.stringify({
        id: 5000 + i,
        method: 'workbook:dispatch-command',
        input: {
          type: 'wave.reading-add',
          id: `r-chart-bench-${i}`,
          waveId: 'wave-2',
          metricId: 'm-api-5xx',
          at: new Date().toISOString(),
          value: round(2.6 + (i % 7) / 10, 2),
          source: 'bench',
        },
      });
      const t = await page.evaluate(sendAndWatch, {
        url,
        frame,
        selector: CHART,
        expected: String(POINTS + i + 1),
        timeoutMs: TIMEOUT_MS,
      });
      if (i < warmup) continue;
      update.push(t.updateMs);
      drawn.push(t.drawn - t.sent);
      framed.push(t.framed - t.sent);
    }
    const marked = await page.getAttribute(CHART, 'data-marked');
    await page.close();
    return [
      judge({
        name: NAME,
        unit: 'ms',
        ...summarize(update),
        target,
        details: {
          timed:
            'the chart wrapper rendering new data → Chart.js afterDraw (decimation, layout, annotations, drawing); ' +
            'the wrapper writes it to data-update-ms',
          points: `${POINTS} + one more each round`,
          rounds: update.length,
          warmupRounds: warmup,
          sentToDrawn: summarize(drawn),
          sentToDrawnNote:
            'the reading sent from the page → drawn: host validation, pushed patch, store, Waves screen render, chart',
          nextFrame: summarize(framed),
          nextFrameNote: 'sent → the animation frame after the draw: the frame that shows it',
          breachPointsDrawn: Number(marked),
          workbookBytes: bytes.length,
          pageLoadMs: round(loadMs),
        },
      }),
    ];
  } finally {
    await browser.close();
    setup.close();
    await server.stop();
  }
}
