import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium';
import { startWebHost } from '../support/web-host';
import { judge, type Result, skipped } from './report';
import { summarize } from './stats';

// Benchmark 3: a person opens the app in a browser; how long until the workbook's name is on
// screen? The real web-mode host (dist/, as `npm run web` serves it) and a headless Chromium,
// a fresh browser context per page (empty cache and storage, like a first visit). Times come
// from the page's own clock, whose zero is the start of the navigation.

const NAME_SELECTOR = '[data-testid="workbook-name"]';

interface Marks {
  /** Navigation timing: first response byte, and DOMContentLoaded done (after the app script ran). */
  responseStart: number;
  domContentLoaded: number;
  /** When the app created its WebSocket to the host, and when that socket opened. */
  socketCreated: number;
  socketOpen: number;
  /** performance.now() when the name text was first in the DOM. */
  named: number;
  /** performance.now() in the next animation frame: the frame that paints the name. */
  framed: number;
  /** first-contentful-paint startTime, or -1 until Chromium reports it. */
  fcp: number;
}

declare global {
  interface Window {
    __bench?: Marks;
  }
}

/** Runs inside the page before any of its scripts (serialised by Playwright, so self-contained). */
function watchForName({ selector, expected }: { selector: string; expected: string }): void {
  const marks: Marks = {
    responseStart: -1,
    domContentLoaded: -1,
    socketCreated: -1,
    socketOpen: -1,
    named: -1,
    framed: -1,
    fcp: -1,
  };
  window.__bench = marks;
  // The name can only appear after the session arrives over the WebSocket, so note when the
  // app starts connecting and when it is connected: it shows how much of the wait is the socket.
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      if (marks.socketCreated < 0) marks.socketCreated = performance.now();
      this.addEventListener('open', () => {
        if (marks.socketOpen < 0) marks.socketOpen = performance.now();
      });
    }
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'first-contentful-paint') marks.fcp = entry.startTime;
    }
  }).observe({ type: 'paint', buffered: true });
  // A MutationObserver fires in the same task as the DOM change, before the frame is painted,
  // so the mark is not late by a polling interval.
  const observer = new MutationObserver(() => {
    if (marks.named >= 0 || document.querySelector(selector)?.textContent !== expected) return;
    marks.named = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      marks.framed = performance.now();
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      marks.responseStart = nav?.responseStart ?? -1;
      marks.domContentLoaded = nav?.domContentLoadedEventEnd ?? -1;
    });
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

export async function benchFirstPaint(
  samplePath: string,
  iterations: number,
  warmup: number,
): Promise<Result[]> {
  const name = 'first paint: sample workbook name shown (web mode, headless Chromium)';
  const fcpName = 'first-contentful-paint (web mode, headless Chromium)';
  const executablePath = findChromium();
  const target = { metric: 'median', max: 1000 } as const;
  if (!executablePath) {
    return [skipped(name, target, 'No Chromium found: set CHROMIUM_PATH or apt-get install -y chromium.')];
  }
  const expected = (JSON.parse(await readFile(samplePath, 'utf8')) as { name: string }).name;
  const server = await startWebHost();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const browserVersion = browser.version();
  const shown: number[] = [];
  const inDom: number[] = [];
  const ttfb: number[] = [];
  const dcl: number[] = [];
  const socketCreated: number[] = [];
  const socketOpen: number[] = [];
  const fcp: number[] = [];
  try {
    for (let i = 0; i < warmup + iterations; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      try {
        const page = await context.newPage();
        await page.addInitScript(watchForName, { selector: NAME_SELECTOR, expected });
        await page.goto(server.url, { waitUntil: 'commit' });
        await page.waitForFunction(() => (window.__bench?.framed ?? -1) >= 0, undefined, { timeout: 15_000 });
        // Chromium delivers paint entries asynchronously; give it a moment, then take what it has.
        await page
          .waitForFunction(() => (window.__bench?.fcp ?? -1) >= 0, undefined, { timeout: 2_000 })
          .catch(() => undefined);
        const marks = (await page.evaluate(() => window.__bench))!;
        if (i < warmup) continue;
        shown.push(marks.framed);
        inDom.push(marks.named);
        ttfb.push(marks.responseStart);
        dcl.push(marks.domContentLoaded);
        socketCreated.push(marks.socketCreated);
        socketOpen.push(marks.socketOpen);
        if (marks.fcp >= 0) fcp.push(marks.fcp);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return [
    judge({
      name,
      unit: 'ms',
      ...summarize(shown),
      target,
      details: {
        timed: 'navigation start → first animation frame after the name text is in the DOM',
        nameInDomMedian: summarize(inDom).median,
        responseStartMedian: summarize(ttfb).median,
        domContentLoadedMedian: summarize(dcl).median,
        socketCreatedMedian: summarize(socketCreated).median,
        socketOpenMedian: summarize(socketOpen).median,
        chromium: executablePath,
        browser: browserVersion,
      },
    }),
    fcp.length > 0
      ? judge({ name: fcpName, unit: 'ms', ...summarize(fcp), target: null })
      : skipped(fcpName, null, 'Chromium reported no paint entries'),
  ];
}
