import type { Page } from '@playwright/test';
import type { Method } from '../../shared/contract';
import type { WebHost } from '../support/web-host';
import { WindowClient } from '../support/window-client';
import { expect } from './fixtures';

// What the projector specs share: the board's locators, changes sent as another window of the
// app would send them (a socket of its own on the host's bridge), and a scan of every text
// element's contrast and size that runs in the page.

// The functions passed to page.evaluate run in the browser; the node tsconfig has no DOM lib on
// purpose, so the few browser shapes used here are declared for this file only (types only; a
// spec that needs more declares its own, since an imported binding would not exist in the page).
export interface DomElement {
  textContent: string | null;
  className: unknown;
  childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>;
  parentElement: DomElement | null;
  closest(selector: string): DomElement | null;
  getBoundingClientRect(): { width: number; height: number };
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
}
declare const document: {
  body: DomElement;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
};
declare function getComputedStyle(el: DomElement): {
  color: string;
  backgroundColor: string;
  fontSize: string;
};

export type Frame = [method: Method, input: unknown];

/** Sends `frames` in order as another window of the app; a refusal fails the test. */
export async function send(host: WebHost, frames: Frame[]): Promise<void> {
  const other = await WindowClient.connect(host.url, 'another window');
  try {
    for (const [method, input] of frames) await other.call(method, input);
  } finally {
    other.close();
  }
}

interface Reading {
  id: string;
  waveId: string;
  metricId: string;
  at: string;
}

/** The host's revision and readings, as another window would read them. */
export async function readings(host: WebHost): Promise<{ revision: number; readings: Reading[] }> {
  const other = await WindowClient.connect(host.url, 'reader');
  try {
    await other.loadState();
    const wb = other.workbook!;
    return { revision: wb.revision, readings: wb.waves.readings };
  } finally {
    other.close();
  }
}

const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
export const MIN = 60_000;

/** Removes wave 2's readings of `metricId` newer than `minutes` ago. */
export async function dropRecent(host: WebHost, metricId: string, minutes: number): Promise<void> {
  const { revision, readings: all } = await readings(host);
  const since = Date.now() - minutes * MIN;
  const recent = all.filter(
    (r) => r.waveId === 'wave-2' && r.metricId === metricId && Date.parse(r.at) > since,
  );
  await send(
    host,
    recent.map((r) => [
      'workbook:dispatch-command',
      { type: 'wave.reading-remove', id: r.id, baseRevision: revision },
    ]),
  );
}

export const reading = (id: string, metricId: string, value: number, msAgo: number): Frame => [
  'workbook:dispatch-command',
  { type: 'wave.reading-add', id, waveId: 'wave-2', metricId, at: iso(msAgo), value, source: '' },
];

/** The sample made GO, honestly: the 5xx rate came back under 2%, so its breach is not sustained. */
export const RECOVERED: Frame[] = [
  reading('r-5xx-ok-1', 'm-api-5xx', 1.1, 2000),
  reading('r-5xx-ok-2', 'm-api-5xx', 0.9, 1000),
];

export const pollStart = (ids: string[]): Frame => [
  'workbook:dispatch-command',
  {
    type: 'poll.start',
    id: 'poll-e2e',
    waveId: 'wave-2',
    positions: ids.map((id, k) => ({ id, label: `Position ${k + 1}`, person: `Person ${k + 1}` })),
  },
];

/** A check of wave 2 set by hand; `baseRevision` is the revision the person was looking at. */
export const assess = (
  id: string,
  itemId: string,
  status: 'green' | 'amber' | 'red',
  reason: string,
  baseRevision: number,
): Frame => [
  'workbook:dispatch-command',
  { type: 'scorecard.assess', id, waveId: 'wave-2', itemId, status, evidence: '', reason, baseRevision },
];

export async function openBoard(page: Page, host: WebHost): Promise<void> {
  await page.goto(`${host.url}#/projector`);
  await expect(page.getByTestId('projector')).toHaveAttribute('data-state', 'live');
}

export const board = (page: Page) => page.getByTestId('projector');
export const verdict = (page: Page) => page.getByTestId('projector-verdict');

export const bodyPx = (page: Page) =>
  board(page).evaluate((el) => Number.parseFloat(getComputedStyle(el as unknown as DomElement).fontSize));

export interface TextSample {
  text: string;
  /** The pair, as computed colours: "rgb(255, 255, 255) on rgb(11, 15, 20)". */
  pair: string;
  ratio: number;
  px: number;
  /** Inside the board itself, not the facilitator's controls or the settings dialog. */
  body: boolean;
}

/**
 * Every visible element of the board with text of its own: its colour against the first opaque
 * background behind it (WCAG 2 relative luminance), and its font size. Runs in the page.
 */
export function scanText(): TextSample[] {
  const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = ([r = 0, g = 0, b = 0]: number[]) =>
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const background = (el: DomElement): number[] => {
    for (let e: DomElement | null = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if ((c[3] ?? 1) > 0) return c;
    }
    return [255, 255, 255];
  };
  const out: TextSample[] = [];
  for (const el of Array.from(document.querySelectorAll('[data-testid="projector"] *'))) {
    const own = Array.from(el.childNodes)
      .filter((n) => n.nodeType === 3)
      .map((n) => n.textContent ?? '')
      .join('')
      .trim();
    if (!own || el.closest('.visually-hidden, [inert]') || el.getBoundingClientRect().width === 0) continue;
    const style = getComputedStyle(el);
    const bg = background(el);
    const [a, b] = [luminance(rgb(style.color)), luminance(bg)];
    out.push({
      text: own.slice(0, 40),
      pair: `${style.color} on rgb(${bg.slice(0, 3).join(', ')})`,
      ratio: Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100,
      px: Number.parseFloat(style.fontSize),
      body: el.closest('[data-testid="projector-content"]') !== null,
    });
  }
  return out;
}
