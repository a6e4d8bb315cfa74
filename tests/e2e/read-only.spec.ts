import { readFile, stat } from 'node:fs/promises';
import { startWebHost } from '../support/web-host';
import { expectNoViolations } from './axe';
import { expect, SAMPLE_NAME, test, workbooksDir } from './fixtures';

// A reviewer opening a workbook that someone else is editing gets a read-only view that says
// why, cannot change it, and can still take an editable copy.

test('a second app on a file being edited opens it read-only and never writes', async ({ page, host }) => {
  await page.goto(host.url); // the first app (the fixture's host) holds the sample's lock
  await expect(page.getByTestId('workbook-name')).toBeVisible();
  const before = await readFile(host.samplePath);
  const mtime = (await stat(host.samplePath)).mtimeMs;

  const second = await startWebHost({ dataDir: host.dataDir });
  try {
    const reviewer = await page.context().newPage();
    await reviewer.goto(second.url);
    await expect(reviewer.getByTestId('read-only')).toBeVisible();
    await expect(reviewer.getByTestId('read-only-reason')).toContainText(
      /Another Rollout War Room process \(pid \d+/,
    );
    const list = reviewer.getByTestId('collection-success-stopConditions');
    await expect(list.getByTestId('add-item')).toBeDisabled();
    await expect(list.getByTestId('edit-item').first()).toBeDisabled();
    await expect(reviewer.getByTestId('undo')).toBeDisabled();
    for (const theme of ['light', 'dark'] as const) {
      await reviewer.emulateMedia({ colorScheme: theme });
      await expect(reviewer.locator('html')).toHaveAttribute('data-theme', theme);
      await expectNoViolations(reviewer, `${theme} / read-only view`);
    }

    // An editable copy is one Save As away, and the original is still untouched.
    const copy = `${workbooksDir(host)}/review-copy.rollout.json`;
    await reviewer.getByTestId('nav-workbook').click();
    await reviewer.getByTestId('save-as-name').fill('review-copy');
    await reviewer.getByTestId('save-as-submit').click();
    await expect(reviewer.getByTestId('file-path')).toContainText('review-copy.rollout.json');
    await expect(reviewer.getByTestId('read-only')).toHaveCount(0);
    await expect(reviewer.getByTestId('read-only-reason')).toHaveCount(0);
    expect(JSON.parse(await readFile(copy, 'utf8')).name).toBe(SAMPLE_NAME);
  } finally {
    await second.stop();
  }
  expect((await readFile(host.samplePath)).equals(before)).toBe(true);
  expect((await stat(host.samplePath)).mtimeMs).toBe(mtime);
});
