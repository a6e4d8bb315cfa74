import { test as base, expect } from '@playwright/test';
import { startWebHost, type WebHost } from '../support/web-host';

// Every test gets its own real host (fresh data folder, the sample copied in) and a guard that
// fails the test if the page requests anything outside the app itself: no CDN, fonts, telemetry.
export const test = base.extend<{ host: WebHost; foreignRequests: string[] }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures must destructure their first argument
  host: async ({}, use) => {
    const host = await startWebHost();
    await use(host);
    await host.stop();
  },
  foreignRequests: [
    async ({ page, host }, use) => {
      const origin = new URL(host.url).origin;
      const foreign: string[] = [];
      page.on('request', (request) => {
        const url = request.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (new URL(url).origin !== origin && !url.startsWith(origin.replace('http', 'ws')))
          foreign.push(url);
      });
      await use(foreign);
      expect(foreign, 'the renderer must not contact anything outside the app').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Every section in the sidebar, in order; `nav-<id>` opens it. */
export const SECTIONS = [
  'success',
  'architecture',
  'stakeholders',
  'pilot',
  'signals',
  'runbooks',
  'adoption',
  'scorecard',
  'cab',
] as const;

/** Every screen reachable from the sidebar: the sections plus the workbook and files screen. */
export const SCREENS = [...SECTIONS, 'workbook'] as const;
