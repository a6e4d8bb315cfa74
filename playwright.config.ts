import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM } from './tests/support/chromium';

// Tests drive a real Chromium against the real host in web mode; say in one line if there is none.
const executablePath = findChromium();
if (!executablePath) {
  console.error(NO_CHROMIUM);
  process.exit(1);
}

export default defineConfig({
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
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
