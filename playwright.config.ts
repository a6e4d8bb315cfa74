import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM } from './tests/support/chromium';

// Tests drive a real Chromium against the real host in web mode; say in one line if there is none.
const executablePath = findChromium();
if (!executablePath) {
  console.error(NO_CHROMIUM);
  process.exit(1);
}

export default defineConfig({
  // Machines of this class differ in speed by two to three times: on a slow one the axe sweeps
  // of every chart take 26 s, so 30 s would fail sound tests. The limit is for hangs.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  // On CI a test that fails is run once more, and the report lists it as flaky if it then
  // passes: a rare failure is named, not silent, and does not block a change on its own. A
  // host that dies mid-test fails its test with the host's stderr (tests/support/web-host.ts).
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  use: {
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath,
      args: CHROMIUM_ARGS,
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
