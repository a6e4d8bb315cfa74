import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';

// Pictures of step 3 for README, from the sample: coverage with its gaps, the power/interest
// grid, the change network, the list view, the ADKAR trend, the resistance log and decision rights.

const OUT = 'docs/screenshots';

async function open(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/stakeholders`);
  await expect(page.getByTestId('coverage')).toBeVisible();
  for (const dismiss of await page.getByTestId('toast-dismiss').all()) await dismiss.click();
}

async function shotOf(page: Page, testid: string, path: string): Promise<void> {
  await page.getByTestId(testid).evaluate((el) => {
    const main = el.closest('.app-main')!;
    main.scrollTop += el.getBoundingClientRect().top - main.getBoundingClientRect().top - 16;
  });
  await page.screenshot({ path });
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(theme, () => {
    test.use({ colorScheme: theme, viewport: { width: 1440, height: 1000 } });

    test('coverage, grid, network, list, ADKAR and resistance', async ({ page, host }) => {
      await open(page, host.url);
      await page.screenshot({ path: join(OUT, `stakeholders-coverage-${theme}.png`) });
      await shotOf(page, 'map-view', join(OUT, `stakeholders-grid-${theme}.png`));
      await page.getByTestId('view-network').click();
      await shotOf(page, 'network-view', join(OUT, `stakeholders-network-${theme}.png`));
      await page.getByTestId('view-list').click();
      await shotOf(page, 'list-view', join(OUT, `stakeholders-list-${theme}.png`));
      await shotOf(page, 'adkar-panel', join(OUT, `stakeholders-adkar-${theme}.png`));
      await shotOf(page, 'resistance-panel', join(OUT, `stakeholders-resistance-${theme}.png`));
      await shotOf(page, 'decisions-panel', join(OUT, `stakeholders-decisions-${theme}.png`));
    });
  });
}
