import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import {
  HOST_ORIGINS,
  REPO,
  SAMPLE_NAME as SAMPLE_FILE,
  startWebHost,
  type WebHost,
} from '../support/web-host';

// Every test gets its own real host (fresh data folder, the sample copied in) and a guard that
// fails the test if the page requests anything outside the app itself: no CDN, fonts, telemetry.
// A test may start more hosts (a second app, a host with an allowed folder); those are the app too.
export const test = base.extend<{ host: WebHost; foreignRequests: string[] }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures must destructure their first argument
  host: async ({}, use, testInfo) => {
    const host = await startWebHost();
    await use(host);
    // A failed test keeps what its host said: a lost connection then has a cause to read.
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('host stderr', { body: host.stderr() || '(nothing on stderr)' });
    }
    const died = host.died();
    await host.stop();
    if (died) throw new Error(died);
  },
  foreignRequests: [
    async ({ page, host }, use, testInfo) => {
      HOST_ORIGINS.add(new URL(host.url).origin);
      const foreign: string[] = [];
      // The page's console and errors, attached only if the test fails (a lost connection,
      // a render error), so a rare failure can be read instead of guessed at.
      const said: string[] = [];
      page.on('console', (m) => said.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => said.push(`pageerror: ${e.message}`));
      page.on('request', (request) => {
        const url = request.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        const origin = new URL(url).origin.replace(/^ws/, 'http');
        if (!HOST_ORIGINS.has(origin)) foreign.push(url);
      });
      await use(foreign);
      if (testInfo.status !== testInfo.expectedStatus && said.length > 0) {
        await testInfo.attach('page console', { body: said.slice(-200).join('\n') });
      }
      expect(foreign, 'the renderer must not contact anything outside the app').toEqual([]);
    },
    { auto: true },
  ],
});

export { SCREENS, SECTIONS } from './screens';

export const SAMPLE_NAME = 'Fernhill Outfitters: move sales to Compass CRM';

/** The bundled sample's revision: a fresh host's copy starts there, and each change adds one. */
export const SAMPLE_REV: number = JSON.parse(
  readFileSync(join(REPO, 'resources/sample', SAMPLE_FILE), 'utf8'),
).revision;

/** Where a window can reach files without an --allow folder: the host's workbooks folder. */
export const workbooksDir = (host: WebHost) => join(host.dataDir, 'workbooks');

/** Opens a file the way a person does in web mode: the Files screen, then its Open button. */
export async function openListed(page: Page, fileName: string): Promise<void> {
  await page.getByTestId('nav-workbook').click();
  await page.getByTestId('refresh-files').click();
  // JSON quoting is valid CSS string quoting, so names holding quotes or markup select exactly.
  await page
    .locator(`[data-testid="file-entry"][data-file=${JSON.stringify(fileName)}]`)
    .getByTestId('open-file')
    .click();
}

/** Waits until the header shows `revision` and says everything is on disk. */
export async function waitSaved(page: Page, revision: number): Promise<void> {
  await expect(page.getByTestId('revision')).toHaveText(`rev ${revision}`);
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
}
export { expect };
