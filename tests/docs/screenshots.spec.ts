import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openListed, SAMPLE_REV, test, workbooksDir } from '../e2e/fixtures';
import { startWebHost } from '../support/web-host';

// `npm run screenshots` refreshes the pictures README shows, from the real app in web mode.

const OUT = 'docs/screenshots';

/**
 * A whole-window picture. The sample's breach alert is raised in every window on arrival (that is
 * the product working); it is closed first so each picture shows the screen it is about.
 */
async function shot(page: Page, path: string): Promise<void> {
  await dismissAlerts(page);
  await page.screenshot({ path });
}

async function dismissAlerts(page: Page): Promise<void> {
  for (const dismiss of await page.getByTestId('toast-dismiss').all()) await dismiss.click();
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(theme, () => {
    test.use({ colorScheme: theme });

    test('shell and Success section', async ({ page, host }) => {
      await page.goto(host.url);
      await expect(page.getByTestId('workbook-name')).toBeVisible();
      await shot(page, join(OUT, `success-${theme}.png`));
      await page.getByTestId('item-sc-errors').getByTestId('edit-item').click();
      await page.getByTestId('field-threshold').fill('lots');
      await page.getByTestId('save-item').click();
      await expect(page.getByTestId('error-threshold')).toBeVisible();
      await page.getByTestId('item-form').scrollIntoViewIfNeeded();
      await shot(page, join(OUT, `stop-condition-error-${theme}.png`));
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
      await shot(page, join(OUT, `files-${theme}.png`));
    });

    test('the name prompt on a first edit', async ({ page }) => {
      const fresh = await startWebHost({ identity: null });
      try {
        await page.goto(fresh.url);
        await expect(page.getByTestId('toast-error')).toBeVisible();
        await dismissAlerts(page); // before the dialog makes the page behind it inert
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
      await shot(page, join(OUT, `conflict-${theme}.png`));
    });

    test('scorecard, waves and a poll', async ({ page, host }) => {
      await page.goto(`${host.url}#/scorecard`);
      await expect(page.getByTestId('verdict-call')).toHaveText(/NO-GO/);
      await shot(page, join(OUT, `scorecard-${theme}.png`));
      await page.getByTestId('nav-waves').click();
      await page.getByTestId('wave-wave-2').scrollIntoViewIfNeeded();
      await page.getByTestId('wave-wave-2').screenshot({ path: join(OUT, `wave-gates-${theme}.png`) });
      await page.getByTestId('nav-scorecard').click();
      await page.getByTestId('poll-start-submit').click();
      const running = page.getByTestId('poll-running');
      await running.getByTestId('poll-answer-GO').click();
      await running.getByTestId('poll-reason').fill('5xx rate is over its stop condition');
      await running.getByTestId('poll-answer-NO-GO').click();
      await page.getByTestId('poll-panel').scrollIntoViewIfNeeded();
      await page.getByTestId('poll-panel').screenshot({ path: join(OUT, `poll-${theme}.png`) });
    });

    test('History view', async ({ page, host }) => {
      await page.goto(host.url);
      await page.getByTestId('item-sc-tickets').getByTestId('edit-item').click();
      await page.getByTestId('field-threshold').fill('1.5');
      await page.getByTestId('save-item').click();
      await expect(page.getByTestId('revision')).toHaveText(`rev ${SAMPLE_REV + 1}`);
      await page.getByTestId('nav-history').click();
      await expect(page.getByTestId('history-entry').first()).toContainText('Critical support tickets');
      await page.locator('details.changes').first().locator('summary').click();
      await shot(page, join(OUT, `history-${theme}.png`));
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
  await shot(page, join(OUT, 'problem-light.png'));
});

test('read-only view for a reviewer', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('workbook-name')).toBeVisible();
  const second = await startWebHost({ dataDir: host.dataDir });
  try {
    const reviewer = await page.context().newPage();
    await reviewer.goto(second.url);
    await expect(reviewer.getByTestId('read-only')).toBeVisible();
    await shot(reviewer, join(OUT, 'read-only-light.png'));
  } finally {
    await second.stop();
  }
});
