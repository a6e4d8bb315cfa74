import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { workbooksDir } from '../../electron/host/paths';
import { freshSample } from '../../electron/host/sample';
import { findChromium } from '../support/chromium';
import { startWebHost } from '../support/web-host';
import { WindowClient } from '../support/window-client';
import { CdpBrowser } from './cdp-tab';
import { judge, type Result, skipped } from './report';
import { round } from './stats';

// Benchmark: a runbook timer's countdown after the page was in the background for minutes.
// The real web-mode host (which keeps the deadline and is never throttled) and a real headless
// Chromium showing #/runbooks. A step's 10-minute timer is started; then another tab is brought
// to the front of the same window, so the page is hidden and Chromium throttles its timers (a
// 100 ms interval in the page is counted to prove it); after `frozenAfterMs` the hidden page is
// also frozen (Page.setWebLifecycleState: no task of the page runs at all, what Chrome does to
// background tabs to save power). At the end the page is unfrozen and brought to the front, and
// on each of its first animation frames the page notes the countdown it is about to paint and
// Date.now(). Compared with the truth: the host's deadline minus that instant. The countdown
// shows whole seconds rounded up, so a right display is at most 1 s above the truth.

const TIMER_TEXT = (id: string) =>
  `[data-testid="live-timers"] [data-testid="timer-${id}"] [data-testid="timer-text"]`;
const LIMIT_MS = 1000;
const NAME = 'timer countdown on return after the page was hidden, |shown − host deadline|';

export interface HiddenTimerOptions {
  dir: string;
  sample: Buffer;
  /** How long the page stays in the background, ms. */
  hiddenMs: number;
  /** When, within that, the hidden page is also frozen. */
  frozenAfterMs: number;
}

interface Seen {
  text: string;
  at: number;
  visibility: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** "07:42 left" / "1:02:05 left" → ms; null when the text is not a running countdown. */
function shownMs(text: string): number | null {
  const m = text.match(/(?:(\d+):)?(\d{2}):(\d{2}) left/);
  if (!m) return null;
  return ((Number(m[1] ?? 0) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000;
}

export async function benchHiddenTimer(o: HiddenTimerOptions): Promise<Result[]> {
  const target = { metric: 'median' as const, max: LIMIT_MS };
  const executablePath = findChromium();
  if (!executablePath) return [skipped(NAME, target, 'No Chromium found: set CHROMIUM_PATH.')];
  const dataDir = join(o.dir, 'hidden-timer');
  const fileName = 'hidden-timer.rollout.json';
  await mkdir(workbooksDir(dataDir), { recursive: true });
  await writeFile(join(workbooksDir(dataDir), fileName), freshSample(o.sample, new Date()));
  const server = await startWebHost({ dataDir, identity: { name: 'Bench', role: 'Benchmark' } });
  const setup = await WindowClient.connect(server.url, 'setup');
  const browser = await CdpBrowser.launch(executablePath);
  try {
    const entry = (await setup.call('files:list-folders'))
      .flatMap((f) => f.files)
      .find((f) => f.fileName === fileName);
    if (!entry) throw new Error(`web host does not list ${fileName}`);
    await setup.call('workbook:open-file', { fileId: entry.id });
    const send = (input: object) => setup.call('workbook:dispatch-command', input);
    await send({
      type: 'item.add',
      collection: 'runbooks.runbooks',
      item: { id: 'rb-bench', name: 'Roll back (bench)', purpose: '' },
    });
    await send({
      type: 'runbook.step-save',
      runbookId: 'rb-bench',
      step: {
        id: 'st-bench',
        phase: 'rollback',
        title: 'Pause the wave',
        ownerRole: 'Release manager',
        timeboxMin: 30,
        checklist: [],
        stopConditionIds: [],
        waveIds: [],
      },
    });
    const tab = await browser.firstTab();
    await browser.send('Page.enable', {}, tab.sessionId);
    await browser.send('Page.navigate', { url: `${server.url}#/runbooks` }, tab.sessionId);
    await send({
      type: 'run.start',
      runId: 'run-bench',
      runbookId: 'rb-bench',
      mode: 'rehearsal',
      incidentId: '',
      title: '',
      severity: 'SEV4',
    });
    await send({ type: 'run.step', runId: 'run-bench', stepId: 'st-bench', action: 'start', reason: '' });
    const deadlineOf = async () => {
      const wb = (await setup.call('session:get-state')).workbook!;
      const t = wb.runbooks.timers.find((x) => x.runId === 'run-bench' && x.purpose === 'step');
      if (!t?.deadline) throw new Error('the step timer is not running');
      return { id: t.id, deadline: t.deadline };
    };
    const before = await deadlineOf();
    const selector = JSON.stringify(TIMER_TEXT(before.id));
    // Wait for the countdown, then watch: a 100 ms interval (counted while hidden) and, on each of
    // the first frames after the page is visible again, what the countdown says.
    await browser.evaluate(
      tab.sessionId,
      `(async () => {
        for (let i = 0; i < 300 && !document.querySelector(${selector})?.textContent?.includes('left'); i++)
          await new Promise((r) => setTimeout(r, 100));
        if (!document.querySelector(${selector})) throw new Error('no countdown on the page');
        window.__ticks = 0;
        setInterval(() => { window.__ticks++; }, 100);
        window.__seen = [];
        document.addEventListener('visibilitychange', () => {
          if (document.visibilityState !== 'visible') return;
          let frames = 0;
          const look = () => {
            window.__seen.push({ text: document.querySelector(${selector})?.textContent ?? '', at: Date.now(), visibility: document.visibilityState });
            if (++frames < 60) requestAnimationFrame(look);
          };
          requestAnimationFrame(look);
        });
        return true;
      })()`,
    );
    const shownBefore = await browser.evaluate<string>(
      tab.sessionId,
      `document.querySelector(${selector}).textContent`,
    );

    // To the background: another tab in front, in the same window.
    const { targetId: other } = await browser.send<{ targetId: string }>('Target.createTarget', {
      url: 'about:blank',
      newWindow: false,
      background: false,
    });
    await browser.send('Target.activateTarget', { targetId: other });
    const hiddenAt = Date.now();
    await sleep(500);
    const hiddenState = await browser.evaluate<string>(tab.sessionId, 'document.visibilityState');
    if (hiddenState !== 'hidden') throw new Error(`the page did not go to the background (${hiddenState})`);
    const ticks0 = await browser.evaluate<number>(tab.sessionId, 'window.__ticks');
    await sleep(o.frozenAfterMs - 500);
    const ticksHidden = (await browser.evaluate<number>(tab.sessionId, 'window.__ticks')) - ticks0;
    const throttledFor = Date.now() - hiddenAt - 500;
    await browser.send('Page.setWebLifecycleState', { state: 'frozen' }, tab.sessionId);
    const frozenAt = Date.now();
    await sleep(o.hiddenMs - (frozenAt - hiddenAt));
    const ticks1 = await browser.evaluate<number>(tab.sessionId, 'window.__ticks').catch(() => -1);
    await browser.send('Page.setWebLifecycleState', { state: 'active' }, tab.sessionId);
    const frozenFor = Date.now() - frozenAt;
    const ticksFrozen = (await browser.evaluate<number>(tab.sessionId, 'window.__ticks')) - ticks1;
    await browser.send('Target.activateTarget', { targetId: tab.targetId });
    const backAt = Date.now();
    await sleep(3000);
    const seen = await browser.evaluate<Seen[]>(tab.sessionId, 'window.__seen');
    const after = await deadlineOf();
    if (after.deadline !== before.deadline) {
      throw new Error(
        `the host moved the deadline while the page was hidden (${before.deadline} → ${after.deadline})`,
      );
    }
    // Error of each frame: shown minus the truth at that instant (+ means the display lags).
    const errors = seen.map((s) => {
      const shown = shownMs(s.text);
      return shown === null ? Number.POSITIVE_INFINITY : shown - (after.deadline - s.at);
    });
    const worst = Math.max(...errors.map(Math.abs));
    const first = seen[0];
    return [
      judge({
        name: NAME,
        unit: 'ms',
        median: round(worst),
        samples: seen.length,
        target,
        details: {
          figure: 'the worst of the first frames painted after the page came back (up to 60 frames)',
          howHidden: `another tab brought to the front of the same headless Chromium window (document.visibilityState 'hidden'), then the page frozen with Page.setWebLifecycleState`,
          hiddenMs: backAt - hiddenAt,
          throttledMs: throttledFor,
          intervalTicksWhileHidden: ticksHidden,
          intervalTicksExpectedUnthrottled: Math.floor(throttledFor / 100),
          frozenMs: frozenFor,
          intervalTicksWhileFrozen: ticks1 < 0 ? 'unreadable (frozen)' : ticksFrozen,
          shownBeforeHiding: shownBefore,
          firstFrame: first
            ? { text: first.text, msAfterBroughtBack: first.at - backAt, errorMs: round(errors[0]!) }
            : null,
          errorsMs: errors.map((e) => round(e)),
          deadline: new Date(after.deadline).toISOString(),
        },
        ...(seen.length === 0 ? { pass: false } : {}),
      }),
    ];
  } finally {
    await browser.close();
    setup.close();
    await server.stop();
  }
}
