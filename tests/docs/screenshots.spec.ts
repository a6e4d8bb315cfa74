import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../e2e/fixtures';
import { startWebHost } from '../support/web-host';

// `npm run screenshots` refreshes the pictures README shows, from the real app in web mode.

const OUT = 'docs/screenshots';

for (const theme of ['light', 'dark'] as const) {
  test(`shell and Success section, ${theme}`, async ({ page, host }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(host.url);
    await expect(page.getByTestId('workbook-name')).toBeVisible();
    await page.screenshot({ path: join(OUT, `success-${theme}.png`) });
    await page.getByTestId('item-sc-errors').getByTestId('edit-item').click();
    await page.getByTestId('field-threshold').fill('lots');
    await page.getByTestId('save-item').click();
    await expect(page.getByTestId('error-threshold')).toBeVisible();
    await page.getByTestId('item-form').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, `stop-condition-error-${theme}.png`) });
  });
}

test('problem screen', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('workbook-name')).toBeVisible();
  const bad = join(host.dataDir, 'handover.rollout.json');
  await writeFile(bad, (await readFile(host.samplePath)).subarray(0, 2000));
  await page.getByTestId('nav-workbook').click();
  await page.getByTestId('open-path').fill(bad);
  await page.getByTestId('open-path-submit').click();
  await expect(page.getByTestId('open-problem')).toBeVisible();
  await page.screenshot({ path: join(OUT, 'problem-light.png') });
});

test('read-only view for a reviewer', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('workbook-name')).toBeVisible();
  const second = await startWebHost(host.dataDir);
  try {
    const reviewer = await page.context().newPage();
    await reviewer.goto(second.url);
    await expect(reviewer.getByTestId('read-only')).toBeVisible();
    await reviewer.screenshot({ path: join(OUT, 'read-only-light.png') });
  } finally {
    await second.stop();
  }
});
