import { readFile } from 'node:fs/promises';
import { expectNoViolations } from './axe';
import { expect, SAMPLE_REV, test, waitSaved } from './fixtures';

// Deployments and incidents through the one CSV import flow: a pipeline export of one row per
// deployed commit becomes deployments (production only) and moves the delivery figures; the same
// export again is refused row by row with the file unchanged; an incident export is attributed to
// the deployment before it and moves time to restore.

const HOUR = 3_600_000;
const at = (hoursAgo: number) =>
  new Date(Math.floor(Date.now() / HOUR) * HOUR - hoursAgo * HOUR).toISOString();

const pipeline = [
  'deploy_id,finished_at,service,environment,status,commit_sha,committed_at',
  `rel-501,${at(48)},sales-api,production,success,aa11f00,${at(52)}`,
  `rel-501,${at(48)},sales-api,production,success,bb22f00,${at(50)}`,
  `rel-502,${at(30)},sales-api,staging,success,cc33f00,${at(31)}`,
  `rel-503,${at(26)},quote-service,production,failed,dd44f00,${at(27)}`,
].join('\n');

const file = (name: string, text: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(`${text}\n`, 'utf8'),
});

test('a pipeline export becomes deployments, production only, and the same export again is refused row by row', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#/waves`);
  const frequency = page.getByTestId('dora-panel').getByTestId('dora-frequency');
  await expect(frequency.getByTestId('dora-explanation')).toContainText('27 successful deployments');

  await page.getByTestId('import-deployments').click();
  await page.getByTestId('import-file').setInputFiles(file('pipeline-export.csv', pipeline));
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toHaveAttribute('data-step', 'map');
  await expect(page.getByTestId('import-count-accepted')).toHaveText('3 deployment rows to import');
  await expect(page.getByTestId('import-count-skipped')).toContainText('not production (staging)');
  await page.getByTestId('import-to-preview').click();
  await expect(page.getByTestId('import-preview-row').first()).toContainText('rel-501');
  await expectNoViolations(page, 'waves, importing deployments');
  await page.getByTestId('import-confirm').click();
  await expect(dialog).toHaveAttribute('data-step', 'done');
  await page.getByTestId('import-close').click();

  // One more successful deployment (rel-503 failed), with its two changes measured.
  await expect(frequency.getByTestId('dora-explanation')).toContainText('28 successful deployments');
  await waitSaved(page, SAMPLE_REV + 1);
  const wb = JSON.parse(await readFile(host.samplePath, 'utf8'));
  const mine = wb.waves.deployments.filter((d: { batch: string }) => d.batch === wb.waves.imports.at(-1).id);
  expect(
    mine.map((d: { ref: string; status: string; changes: unknown[] }) => [d.ref, d.status, d.changes.length]),
  ).toEqual([
    ['rel-501', 'success', 2],
    ['rel-503', 'failure', 1],
  ]);

  // The same export again: every production row is already there; nothing can be confirmed.
  const before = await readFile(host.samplePath);
  await page.getByTestId('import-deployments').click();
  await page.getByTestId('import-file').setInputFiles(file('pipeline-export.csv', pipeline));
  await expect(page.getByTestId('import-count-bad')).toContainText('3');
  await page.getByTestId('import-to-preview').click();
  const bad = page.getByTestId('import-bad-row');
  await expect(bad).toHaveCount(3);
  await expect(bad.first()).toContainText('2');
  await expect(bad.first()).toContainText("deployment 'rel-501' is already in this workbook");
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  expect((await readFile(host.samplePath)).equals(before)).toBe(true);
});

test('an incident export is attributed to the deployment before it, and moves time to restore', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#/runbooks`);
  const text = [
    'key,title,created,resolved,priority,service',
    `INC-77,Quote PDFs come out blank,${at(20)},${at(17)},P2,quote-service`,
    `INC-78,Sign-in loops for field sales,${at(10)},,critical,sso-gateway`,
  ].join('\n');
  await page.getByTestId('import-incidents').click();
  await page.getByTestId('import-file').setInputFiles(file('pagerduty.csv', text));
  await expect(page.getByTestId('import-count-accepted')).toHaveText('2 incidents to import');
  await page.getByTestId('import-to-preview').click();
  const rows = page.getByTestId('import-preview-row');
  // The sample's quote-service 1.4.2 went out two days ago, before INC-77: the last one before it.
  await expect(rows.first()).toContainText('attributed: the last deployment of quote-service before it');
  await expect(rows.nth(1)).toContainText('still open');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-dialog')).toHaveAttribute('data-step', 'done');
  await waitSaved(page, SAMPLE_REV + 1);
  const wb = JSON.parse(await readFile(host.samplePath, 'utf8'));
  const imported = wb.runbooks.incidents.filter((i: { ref: string }) => i.ref.startsWith('INC-'));
  expect(
    imported.map(
      (i: { ref: string; severity: string; resolvedAt: string | null; deploymentIds: string[] }) => [
        i.ref,
        i.severity,
        i.resolvedAt,
        i.deploymentIds,
      ],
    ),
  ).toEqual([
    ['INC-77', 'SEV2', at(17), ['dep-quote-142']],
    ['INC-78', 'SEV1', null, []],
  ]);
  await page.getByTestId('import-close').click();
  await page.getByTestId('nav-waves').click();
  await expect(page.getByTestId('dora-timeToRestore').getByTestId('dora-explanation')).toContainText(
    'Median of 3 resolved incidents',
  );
});
