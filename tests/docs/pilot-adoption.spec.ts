import { join } from 'node:path';
import { expect, test } from '../e2e/fixtures';

// `npm run screenshots`: the pilot (representativeness, KPIs, feedback, the "you said, we did"
// drafts), and adoption (cohorts against the target, lagging cohorts, friction, trends).

const OUT = 'docs/screenshots';

for (const theme of ['light', 'dark'] as const) {
  test.describe(theme, () => {
    test.use({ colorScheme: theme, viewport: { width: 1440, height: 2400 } });

    test('pilot and adoption', async ({ page, host }) => {
      await page.goto(`${host.url}#/pilot`);
      await expect(page.getByTestId('kpi-row')).toHaveCount(4);
      for (const dismiss of await page.getByTestId('toast-dismiss').all()) await dismiss.click();
      await page.screenshot({ path: join(OUT, `pilot-${theme}.png`) });
      await page.getByTestId('you-said').screenshot({ path: join(OUT, `pilot-you-said-${theme}.png`) });
      await page.getByTestId('nav-adoption').click();
      await expect(page.getByTestId('adoption-chart')).toBeVisible();
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(OUT, `adoption-${theme}.png`) });
      await page.getByTestId('friction-ranking').scrollIntoViewIfNeeded();
      await page.getByTestId('trends').screenshot({ path: join(OUT, `adoption-trends-${theme}.png`) });
      await page
        .getByTestId('friction-ranking')
        .screenshot({ path: join(OUT, `adoption-friction-${theme}.png`) });
    });
  });
}
