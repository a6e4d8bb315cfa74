import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, openListed, test, workbooksDir } from '../e2e/fixtures';
import { startWebHost } from '../support/web-host';

// `npm run screenshots` refreshes the pictures README shows, from the real app in web mode.

const OUT = 'docs/screenshots';

for (const theme of ['light', 'dark'] as const) {
  test.describe(theme, () => {
    test.use({ colorScheme: theme });

    test('shell and Success section', async ({ page, host }) => {
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

    test('file browser', async ({ page, host }) => {
      await writeFile(
        join(workbooksDir(host), 'payroll-cutover.rollout.json'),
        (await readFile(host.samplePath, 'utf8')).replace(
          'Fernhill Outfitters: move sales to Compass CRM',
          'Payroll cut-over, Q1',
        ),
      );
      await page.goto(`${host.url}#/files`);
      await expect(page.getByTestId('file-entry')).toHaveCount(2);
      await page.screenshot({ path: join(OUT, `files-${theme}.png`) });
    });

    test('the name prompt on a first edit', async ({ page }) => {
      const fresh = await startWebHost({ identity: null });
      try {
        await page.goto(fresh.url);
        await page.getByTestId('item-sc-errors').getByTestId('edit-item').click();
        await page.getByTestId('field-threshold').fill('2.5');
        await page.getByTestId('save-item').click();
        await expect(page.getByTestId('identity-dialog')).toBeVisible();
        await page.getByTestId('identity-name').fill('Dana Reyes');
        await page.getByTestId('identity-role').fill('Incident commander');
        await page.screenshot({ path: join(OUT, `name-prompt-${theme}.png`) });
      } finally {
        await fresh.stop();
      }
    });

    test('an edit refused because someone else changed the item', async ({ page, host }) => {
      await page.goto(host.url);
      const other = await page.context().newPage();
      await other.goto(host.url);
      await page.getByTestId('item-sc-login').getByTestId('edit-item').click();
      await page.getByTestId('field-threshold').fill('96');
      await other.getByTestId('item-sc-login').getByTestId('edit-item').click();
      await other.getByTestId('field-threshold').fill('98');
      await other.getByTestId('save-item').click();
      await expect(page.getByTestId('changed-elsewhere')).toBeVisible();
      await page.getByTestId('save-item').click();
      await expect(page.getByTestId('form-error')).toBeVisible();
      await page.getByTestId('item-sc-login').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(OUT, `conflict-${theme}.png`) });
    });

    test('History view', async ({ page, host }) => {
      await page.goto(host.url);
      await page.getByTestId('item-sc-tickets').getByTestId('edit-item').click();
      await page.getByTestId('field-threshold').fill('1.5');
      await page.getByTestId('save-item').click();
      await expect(page.getByTestId('revision')).toHaveText('rev 5');
      await page.getByTestId('nav-history').click();
      await expect(page.getByTestId('history-entry')).toHaveCount(5);
      await page.locator('details.changes').first().locator('summary').click();
      await page.screenshot({ path: join(OUT, `history-${theme}.png`) });
    });
  });
}

test('problem screen', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('workbook-name')).toBeVisible();
  await writeFile(
    join(workbooksDir(host), 'handover.rollout.json'),
    (await readFile(host.samplePath)).subarray(0, 2000),
  );
  await openListed(page, 'handover.rollout.json');
  await expect(page.getByTestId('open-problem')).toBeVisible();
  await page.screenshot({ path: join(OUT, 'problem-light.png') });
});

test('read-only view for a reviewer', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('workbook-name')).toBeVisible();
  const second = await startWebHost({ dataDir: host.dataDir });
  try {
    const reviewer = await page.context().newPage();
    await reviewer.goto(second.url);
    await expect(reviewer.getByTestId('read-only')).toBeVisible();
    await reviewer.screenshot({ path: join(OUT, 'read-only-light.png') });
  } finally {
    await second.stop();
  }
});
