import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { chromium } from 'playwright';

// Tests drive a real Chromium against the real host in web mode. `npx playwright install` cannot
// download browsers here, so find one: CHROMIUM_PATH, Debian's chromium, then Playwright's own.
function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // Playwright has no browser of its own here; that is the usual case.
  }
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    console.error(
      'No Chromium found for the e2e tests: run `apt-get install -y chromium` or set CHROMIUM_PATH=/path/to/chrome.',
    );
    process.exit(1);
  }
  return found;
}

export default defineConfig({
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: findChromium(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'off',
  },
  projects: [
    { name: 'e2e', testDir: 'tests/e2e' },
    { name: 'electron', testDir: 'tests/electron' },
    // Only with SCREENSHOTS=1 (`npm run screenshots`): refreshes README's pictures, asserts nothing new.
    ...(process.env.SCREENSHOTS ? [{ name: 'docs', testDir: 'tests/docs' }] : []),
  ],
});
