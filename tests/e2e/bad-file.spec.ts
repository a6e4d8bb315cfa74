import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, openListed, SAMPLE_NAME, test, workbooksDir } from './fixtures';

test('a truncated workbook gets a clear message and the original stays byte-for-byte', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.getByTestId('workbook-name')).toBeVisible();

  const sample = await readFile(host.samplePath);
  const truncated = sample.subarray(0, Math.floor(sample.length * 0.6));
  const badPath = join(workbooksDir(host), 'handover.rollout.json');
  await writeFile(badPath, truncated);

  await openListed(page, 'handover.rollout.json');

  const problem = page.getByTestId('open-problem');
  await expect(problem.getByTestId('problem-title')).toContainText(/cut short/i);
  await expect(problem.getByTestId('problem-detail')).toContainText(/line \d+, column \d+/);
  await expect(problem.getByTestId('problem-path')).toContainText(badPath);
  await expect(problem).toContainText('was not changed');
  expect((await readFile(badPath)).equals(truncated)).toBe(true);

  // The app stays usable: back to the sample, still editable.
  await problem.getByRole('button', { name: /open the sample/i }).click();
  await expect(page.getByTestId('workbook-name')).toHaveText(SAMPLE_NAME);
  expect((await readFile(badPath)).equals(truncated)).toBe(true);
});
