import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';

// README's pictures of the CSV import: the mapping step, a preview with bad rows, and the next
// export of the same dashboard in one step. `npm run screenshots` refreshes them.

const OUT = 'docs/screenshots';
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const csv = (name: string, text: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text, 'utf8'),
});

/** The sample's breach alert is closed first (a modal dialog makes it unreachable). */
async function dismissAlerts(page: Page): Promise<void> {
  await expect(page.getByTestId('toast-error').first()).toBeVisible();
  for (const dismiss of await page.getByTestId('toast-dismiss').all()) await dismiss.click();
}

const shot = (page: Page, path: string) => page.screenshot({ path });

/** A Grafana long export of wave 2: two series named like the app's metrics, one not. */
function grafanaExport(now: number, minutesAgo: number[]): string {
  const rows = ['Series;Time;Value'];
  for (const m of minutesAgo) {
    const at = iso(now - m * MIN + 4_321);
    rows.push(`sales-api 5xx % (env=prod,region=uk);${at};${(0.6 + m / 100).toFixed(2)}`);
    rows.push(`okta login success % (app=compass);${at};${(99.2 - m / 200).toFixed(2)}`);
    rows.push(`erp sync lag min (queue=orders);${at};${(6 + (m % 5)).toFixed(1)}`);
  }
  return `${rows.join('\n')}\n`;
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(theme, () => {
    test.use({ colorScheme: theme });

    test('the import: mapping, a preview with bad rows, the next export in one step', async ({
      page,
      host,
    }) => {
      await page.goto(`${host.url}#/waves`);
      await expect(page.getByTestId('workbook-name')).toBeVisible();
      await dismissAlerts(page);
      const now = Date.now();
      const dialog = page.getByTestId('import-dialog');

      // The mapping step: sniffed encoding and delimiter, the layout, and what each series becomes.
      await page.getByTestId('import-readings').click();
      await page
        .getByTestId('import-file')
        .setInputFiles(csv('grafana-wave-2.csv', grafanaExport(now, [40, 35, 30, 25])));
      await expect(dialog).toHaveAttribute('data-step', 'map');
      const choices = page.getByTestId('import-match-choice');
      await choices.nth(0).selectOption({ label: 'Sales API 5xx rate' });
      await choices.nth(1).selectOption({ label: 'SSO login success' });
      await page.getByTestId('import-source').fill('Grafana: sales overview');
      await expect(page.getByTestId('import-count-bad')).toContainText('4 bad rows');
      await expect(page.getByTestId('import-summary')).toHaveAttribute('aria-busy', 'false');
      await shot(page, join(OUT, `import-mapping-${theme}.png`));

      // Bad rows: the third series is not decided yet, and the file has a few broken rows.
      const broken = `${grafanaExport(now, [20]).trimEnd()}\nsales-api 5xx % (env=prod,region=uk);yesterday;0.7\nsales-api 5xx % (env=prod,region=uk);${iso(now - 15 * MIN)};n/a\n`;
      await page.getByTestId('import-cancel').click();
      await page.getByTestId('import-readings').click();
      await page.getByTestId('import-file').setInputFiles(csv('grafana-wave-2 (broken).csv', broken));
      await expect(dialog).toHaveAttribute('data-step', 'map');
      await page.getByTestId('import-match-choice').nth(0).selectOption({ label: 'Sales API 5xx rate' });
      await page.getByTestId('import-match-choice').nth(1).selectOption({ label: 'SSO login success' });
      await page.getByTestId('import-to-preview').click();
      await expect(page.getByTestId('import-bad-row')).toHaveCount(3);
      await shot(page, join(OUT, `import-bad-rows-${theme}.png`));

      // The clean export, its third series left out: imported, and its mapping remembered.
      await page.getByTestId('import-cancel').click();
      await page.getByTestId('import-readings').click();
      await page
        .getByTestId('import-file')
        .setInputFiles(csv('grafana-wave-2.csv', grafanaExport(now, [40, 35, 30, 25])));
      await page.getByTestId('import-match-choice').nth(0).selectOption({ label: 'Sales API 5xx rate' });
      await page.getByTestId('import-match-choice').nth(1).selectOption({ label: 'SSO login success' });
      await page.getByTestId('import-match-choice').nth(2).selectOption({ label: 'Leave it out' });
      await page.getByTestId('import-source').fill('Grafana: sales overview');
      await page.getByTestId('import-to-preview').click();
      await page.getByTestId('import-confirm').click();
      await expect(dialog).toHaveAttribute('data-step', 'done');
      await page.getByTestId('import-close').click();

      // The next export of the same dashboard: straight to the preview, one confirm away.
      await page.getByTestId('import-readings').click();
      await page
        .getByTestId('import-file')
        .setInputFiles(csv('grafana-wave-2 (1).csv', grafanaExport(now, [20, 15, 10])));
      await expect(dialog).toHaveAttribute('data-step', 'preview');
      await expect(page.getByTestId('import-remembered')).toBeVisible();
      await shot(page, join(OUT, `import-one-step-${theme}.png`));
    });
  });
}
