import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Download } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';
import { OUT, scrollTo, shot } from './shots';

// README's pictures of what comes after a drill (`npm run screenshots`), on the sample's
// permissions-outage run (made through the run commands): the scoring screen, the replay on the
// main window and on the projector, the report screen and the exported report itself.

for (const theme of ['light', 'dark'] as const) {
  test.describe(theme, () => {
    test.use({ colorScheme: theme, viewport: { width: 1400, height: 1000 } });
    test(`after the drill, ${theme}`, async ({ page, host, browser }) => {
      test.setTimeout(120_000);
      await page.goto(`${host.url}#/drills`);
      await expect(page.getByTestId('run-review-drill-perm-outage-1')).toBeVisible();
      await scrollTo(page, 'run-reviews');
      await shot(page, `drill-scoring-${theme}`);
      await scrollTo(page, 'objective-obj-detect');
      await shot(page, `drill-scoring-ratings-${theme}`);

      await page.getByTestId('review-view-replay').click();
      for (let i = 0; i < 6; i++) await page.getByTestId('replay-next').click();
      await scrollTo(page, 'run-reviews');
      await shot(page, `drill-replay-${theme}`);
      if (theme === 'dark') {
        const projector = await page.context().newPage();
        await projector.setViewportSize({ width: 1920, height: 1080 });
        await projector.goto(`${host.url}#/projector`);
        await expect(projector.getByTestId('projector-replay')).toBeVisible();
        await projector.screenshot({ path: join(OUT, 'drill-replay-projector.png') });
        await projector.close();
      }

      await page.getByTestId('review-view-report').click();
      await scrollTo(page, 'run-reviews');
      await shot(page, `drill-report-${theme}`);
      if (theme === 'light') {
        const waiting = page.waitForEvent('download');
        await page.getByTestId('drill-report-export-html').click();
        const download: Download = await waiting;
        const html = await readFile((await download.path())!, 'utf8');
        const reader = await browser.newPage({ viewport: { width: 1000, height: 1300 } });
        await reader.setContent(html);
        await reader.screenshot({ path: join(OUT, 'drill-report-export.png') });
        await reader.close();
      }
    });
  });
}
