import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';

test('a truncated workbook gets a clear message and the original stays byte-for-byte', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.getByTestId('workbook-name')).toBeVisible();

  const sample = await readFile(host.samplePath);
  const truncated = sample.subarray(0, Math.floor(sample.length * 0.6));
  const badPath = join(host.dataDir, 'handover.rollout.json');
  await writeFile(badPath, truncated);

  await page.getByTestId('nav-workbook').click();
  await page.getByTestId('open-path').fill(badPath);
  await page.getByTestId('open-path-submit').click();

  const problem = page.getByTestId('open-problem');
  await expect(problem.getByTestId('problem-title')).toContainText(/cut short/i);
  await expect(problem.getByTestId('problem-detail')).toContainText(/line \d+, column \d+/);
  await expect(problem.getByTestId('problem-path')).toContainText(badPath);
  await expect(problem).toContainText('was not changed');
  expect((await readFile(badPath)).equals(truncated)).toBe(true);

  // The app stays usable: back to the sample, still editable.
  await problem.getByRole('button', { name: /open the sample/i }).click();
  await expect(page.getByTestId('workbook-name')).toHaveText(
    'Fernhill Outfitters: move sales to Compass CRM',
  );
  expect((await readFile(badPath)).equals(truncated)).toBe(true);
});
