import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';

// `npm run screenshots` refreshes the chart pictures README shows: the sample's breaching gate
// (Sales API 5xx rate in wave 2) with its threshold, window and breach points, its table
// alternative, light and dark; and the projector at 1920×1080 with the breach chart.

const OUT = 'docs/screenshots';

async function dismissAlerts(page: Page): Promise<void> {
  for (const dismiss of await page.getByTestId('toast-dismiss').all()) await dismiss.click();
}

/** The sample's breaching gate, drawn. */
async function errorsChart(page: Page, url: string) {
  await page.goto(`${url}#/waves`);
  await dismissAlerts(page);
  const chart = page.getByTestId('wave-wave-2').getByTestId('chart-sc-errors');
  await expect(chart.getByTestId('time-chart')).toHaveAttribute('data-marked', '4');
  return chart;
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(theme, () => {
    // Tall enough that the chart with its open table fits the window whole.
    test.use({ colorScheme: theme, viewport: { width: 1440, height: 1400 } });

    test('a wave chart with its threshold and breach, and its table', async ({ page, host }) => {
      const chart = await errorsChart(page, host.url);
      const section = page
        .getByTestId('wave-wave-2')
        .locator('.wave-chart')
        .filter({ has: page.getByTestId('chart-sc-errors') });
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: join(OUT, `chart-wave-${theme}.png`) });
      await chart.getByTestId('chart-table-toggle').click();
      await expect(chart.getByTestId('chart-table')).toBeVisible();
      // The end of the wave, where the breach is.
      await chart.locator('.time-chart-scroll').evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      await section.screenshot({ path: join(OUT, `chart-table-${theme}.png`) });
    });
  });
}

test.describe('projector', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('the board with the breaching metric charted', async ({ page, host }) => {
    await page.goto(`${host.url}#/projector`);
    await expect(page.getByTestId('projector')).toHaveAttribute('data-state', 'live');
    const panel = page.getByTestId('projector-breach-chart');
    await expect(panel.getByTestId('time-chart')).toHaveAttribute('data-marked', '4');
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, 'chart-projector.png') });
  });
});
