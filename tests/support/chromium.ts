import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

// One answer to "which Chromium, with which flags" for the e2e tests and the benchmarks.
// `npx playwright install` cannot download browsers on these machines, so look around:
// CHROMIUM_PATH, Debian's chromium, then Playwright's own browser if one is installed.

export const NO_CHROMIUM =
  'No Chromium found for the e2e tests: run `apt-get install -y chromium` or set CHROMIUM_PATH=/path/to/chrome.';

export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // Playwright has no browser of its own here; that is the usual case.
  }
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

/** Headless and quiet: without the networking flags Chromium phones home and is refused. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
