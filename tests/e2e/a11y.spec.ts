import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startWebHost } from '../support/web-host';
import { expectNoViolations } from './axe';
import { expect, openListed, SAMPLE_NAME, SCREENS, test, workbooksDir } from './fixtures';

// Accessibility non-negotiable: axe finds no violations on any screen, in either theme. Each
// scan names the screen it covers, so a failure reads "dark / problem screen: color-contrast at
// .problem-detail — Fix any of the following: ..." and can be fixed without re-running by hand.

async function openApp(page: Page, url: string, theme: 'light' | 'dark'): Promise<void> {
  await page.goto(url);
  // The first load (host start, cold bundle) can be slow on a busy machine.
  await expect(page.getByTestId('workbook-name')).toHaveText(SAMPLE_NAME, { timeout: 20_000 });
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    // The theme follows the OS until the user picks one, so emulating the OS setting is enough
    // to start in either theme; one test below also flips it with the header button.
    test.use({ colorScheme: theme });

    // One test per screen (from the areas registry), so a failure names its screen and the
    // scans run in parallel.
    for (const id of SCREENS) {
      test(`${id} screen`, async ({ page, host }) => {
        await openApp(page, host.url, theme);
        await page.getByTestId(`nav-${id}`).click();
        await expect(page.getByTestId(`section-${id}`)).toBeVisible();
        await expect(page.getByTestId(`nav-${id}`)).toHaveAttribute('aria-current', 'page');
        if (id === 'workbook') await expect(page.getByTestId('file-entry').first()).toBeVisible();
        if (id === 'history') await expect(page.getByTestId('history-entry').first()).toBeVisible();
        await expectNoViolations(page, `${theme} / ${id} screen`);
      });
    }

    test('the "who are you" dialog, with an inline error', async ({ page }) => {
      const fresh = await startWebHost({ identity: null });
      try {
        await openApp(page, fresh.url, theme);
        await page.getByTestId('identity').click();
        const dialog = page.getByTestId('identity-dialog');
        await expect(dialog).toBeVisible();
        await dialog.getByTestId('identity-save').click();
        await expect(dialog.getByText('Your role is required')).toBeVisible();
        await expectNoViolations(page, `${theme} / identity dialog`);
      } finally {
        await fresh.stop();
      }
    });

    test('an edit form warned that someone else changed its item, and the refusal', async ({
      page,
      host,
    }) => {
      await openApp(page, host.url, theme);
      const other = await page.context().newPage();
      await openApp(other, host.url, theme);
      await page.getByTestId('item-sc-errors').getByTestId('edit-item').click();
      await other.getByTestId('item-sc-errors').getByTestId('edit-item').click();
      await other.getByTestId('field-threshold').fill('2.2');
      await other.getByTestId('save-item').click();
      await expect(page.getByTestId('changed-elsewhere')).toBeVisible();
      await page.getByTestId('save-item').click();
      await expect(page.getByTestId('form-error')).toContainText('Erin Tester');
      await expectNoViolations(page, `${theme} / edit conflict`);
    });

    test('Save As asking before it replaces a file, and a view that does not exist', async ({
      page,
      host,
    }) => {
      await openApp(page, host.url, theme);
      await page.getByTestId('nav-workbook').click();
      await page.getByTestId('save-as-name').fill('crm-migration');
      await page.getByTestId('save-as-submit').click();
      await expect(page.getByTestId('save-as-exists')).toBeVisible();
      await expectNoViolations(page, `${theme} / save as, file exists`);
      await page.goto(`${host.url}#/no-such-view`);
      await expect(page.getByTestId('not-found')).toBeVisible();
      await expectNoViolations(page, `${theme} / not found`);
    });

    test('success: add form with inline errors, and an edit form in a row', async ({ page, host }) => {
      await openApp(page, host.url, theme);
      const list = page.getByTestId('collection-success-stopConditions');
      await list.getByTestId('add-item').click();
      const form = list.getByTestId('item-form');
      await form.getByTestId('field-threshold').fill('fast');
      await form.getByTestId('save-item').click();
      await expect(form.getByTestId('error-metric')).toBeVisible();
      await expect(form.getByTestId('error-threshold')).toBeVisible();
      await expect(form.getByTestId('error-callers')).toBeVisible();
      await expectNoViolations(page, `${theme} / success, add form with errors`);

      await form.getByTestId('cancel-item').click();
      await page.getByTestId('item-sc-errors').getByTestId('edit-item').click();
      await expect(page.getByTestId('item-sc-errors').getByTestId('item-form')).toBeVisible();
      await expectNoViolations(page, `${theme} / success, edit form in a row`);
    });

    test('problem screen for a truncated workbook', async ({ page, host }) => {
      await openApp(page, host.url, theme);
      const sample = await readFile(host.samplePath);
      const badPath = join(workbooksDir(host), 'cut-short.rollout.json');
      await writeFile(badPath, sample.subarray(0, Math.floor(sample.length / 2)));
      await openListed(page, 'cut-short.rollout.json');
      await expect(page.getByTestId('open-problem')).toBeVisible();
      await expect(page.getByTestId('problem-path')).toContainText(badPath);
      await expectNoViolations(page, `${theme} / problem screen`);
    });

    test('toasts: success, and info with an undo offer', async ({ page, host }) => {
      await openApp(page, host.url, theme);
      await page.getByTestId('item-sc-errors').getByTestId('delete-item').click();
      await expect(page.getByTestId('toast-info')).toBeVisible();
      await expect(page.getByTestId('toast-undo')).toBeVisible();
      await expectNoViolations(page, `${theme} / info toast with undo`);

      await page.getByTestId('nav-workbook').click();
      await page.getByTestId('open-sample').click();
      await expect(page.getByTestId('toast-success')).toBeVisible();
      await expectNoViolations(page, `${theme} / success toast`);
    });

    test('error toast and the connection-lost banner', async ({ page, host }) => {
      await openApp(page, host.url, theme);
      await page.getByTestId('nav-workbook').click();
      // A name the host refuses (over 160 characters) comes back as an error toast.
      await page.getByTestId('rename-workbook').fill('x'.repeat(200));
      await page.getByTestId('rename-submit').click();
      await expect(page.getByTestId('toast-error').filter({ hasText: 'Workbook name' })).toBeVisible();
      await expectNoViolations(page, `${theme} / error toast`);

      await host.stop();
      await expect(page.getByTestId('connection-lost')).toBeVisible();
      await expectNoViolations(page, `${theme} / connection lost`);
    });
  });
}

test('the theme button switches theme, and the switched page is clean too', async ({ page, host }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page, host.url, 'light');
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('theme-toggle')).toHaveText('Light theme');
  await expectNoViolations(page, 'light → dark via the header button');
  // Remembered across a reload, whatever the OS says.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('the refusal page for a link without its token', async ({ page, host }) => {
  const url = new URL(host.url);
  url.search = '';
  const response = await page.goto(url.toString());
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoViolations(page, 'token refusal page');
});
