import { join } from 'node:path';
import { expect, test } from '../e2e/fixtures';

// `npm run screenshots`: the DORA panel with the records behind a figure, and the incidents list.

const OUT = 'docs/screenshots';

for (const theme of ['light', 'dark'] as const) {
  test.describe(theme, () => {
    test.use({ colorScheme: theme, viewport: { width: 1440, height: 1500 } });

    test('delivery health and incidents', async ({ page, host }) => {
      await page.goto(`${host.url}#/waves`);
      const panel = page.getByTestId('dora-panel');
      await expect(panel.getByTestId('dora-leadTime').getByTestId('dora-value')).not.toHaveText('No figure');
      for (const dismiss of await page.getByTestId('toast-dismiss').all()) await dismiss.click();
      await panel.getByTestId('dora-changeFailureRate').getByTestId('dora-show-records').click();
      await panel.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: join(OUT, `dora-${theme}.png`) });
      await page.getByTestId('nav-runbooks').click();
      await expect(page.getByTestId('section-runbooks')).toBeVisible();
      await page.screenshot({ path: join(OUT, `incidents-${theme}.png`) });
    });
  });
}
