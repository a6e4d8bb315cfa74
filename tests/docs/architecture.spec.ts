import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';

// Pictures of step 2 for README: the architecture view (readiness, environments, parity), the
// delivery strategy with its canary, an SBOM previewed before import, the inventory with its
// drift and license flags, and a refused SBOM. `npm run screenshots` refreshes them.

const OUT = 'docs/screenshots';
const FIXTURES = 'tests/fixtures/sbom';

async function open(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/architecture`);
  await expect(page.getByTestId('readiness')).toBeVisible();
  for (const dismiss of await page.getByTestId('toast-dismiss').all()) await dismiss.click();
}

/** A picture of one part of the page, from its top, at the window's size. */
async function shotOf(page: Page, testid: string, path: string): Promise<void> {
  // Scroll the main region only: scrollIntoView would also shift the whole window.
  await page.getByTestId(testid).evaluate((el) => {
    const main = el.closest('.app-main')!;
    main.scrollTop += el.getBoundingClientRect().top - main.getBoundingClientRect().top - 16;
  });
  await page.screenshot({ path });
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(theme, () => {
    test.use({ colorScheme: theme, viewport: { width: 1440, height: 1000 } });

    test('the architecture view, its delivery strategy and its inventory', async ({ page, host }) => {
      await open(page, host.url);
      await page.screenshot({ path: join(OUT, `architecture-${theme}.png`) });
      await shotOf(page, 'delivery', join(OUT, `architecture-delivery-${theme}.png`));
      await shotOf(page, 'inventory', join(OUT, `sbom-inventory-${theme}.png`));
    });

    test('an SBOM previewed before import, and one refused', async ({ page, host }) => {
      await open(page, host.url);
      await page.getByTestId('sbom-env').selectOption({ label: 'Staging' });
      await page
        .getByTestId('sbom-file-input')
        .setInputFiles(join(FIXTURES, 'compass-sync-staging-1.4.3.cdx.json'));
      await expect(page.getByTestId('sbom-preview')).toBeVisible();
      await shotOf(page, 'sbom-import', join(OUT, `sbom-preview-${theme}.png`));
      await page.getByTestId('sbom-cancel').click();

      const dir = await mkdtemp(join(tmpdir(), 'sbom-'));
      const bad = join(dir, 'compass-sync-staging.cdx.json');
      await writeFile(bad, await readFile(join(FIXTURES, 'duplicate-bom-ref.cdx.json')));
      await page.getByTestId('sbom-file-input').setInputFiles(bad);
      await expect(page.getByTestId('sbom-refused')).toBeVisible();
      await shotOf(page, 'inventory', join(OUT, `sbom-refused-${theme}.png`));
    });
  });
}
