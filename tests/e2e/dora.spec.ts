import { readFile } from 'node:fs/promises';
import { expectNoViolations } from './axe';
import { expect, SAMPLE_REV, test, waitSaved } from './fixtures';

// The DORA four keys from the workbook's deployments and incidents: each figure with its level
// and the records behind it, per wave; incidents typed in change them at once; a deployment
// whose changes are written wrongly is refused line by line and nothing is saved.

test('the four keys show their level and the records behind them, for the rollout and for one wave', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#/waves`);
  const panel = page.getByTestId('dora-panel');
  const cfr = panel.getByTestId('dora-changeFailureRate');
  await expect(cfr.getByTestId('dora-value')).toHaveText('11 %');
  await expect(cfr.getByTestId('dora-level')).toHaveText(/Elite/);
  await expect(cfr).toContainText('Four Keys: 0-15%');
  await expect(panel.getByTestId('dora-frequency').getByTestId('dora-level')).toHaveText(/High/);
  await cfr.getByTestId('dora-show-records').click();
  const records = panel.getByTestId('dora-records');
  await expect(records.locator('tbody tr')).toHaveCount(27);
  await expect(records.locator('tbody tr').first()).toContainText(
    '1 failing change row: Sales API 5xx above 2% for UK and Ireland',
  );
  await expectNoViolations(page, 'waves, DORA records open');

  // Wave 2 alone: one deployment, and its incident is still open.
  await panel.getByTestId('dora-scope').selectOption({ label: 'Wave 2: early regions' });
  await expect(cfr.getByTestId('dora-value')).toHaveText('100 %');
  await expect(cfr.getByTestId('dora-level')).toHaveText(/Low/);
  await expect(panel.getByTestId('dora-timeToRestore').getByTestId('dora-explanation')).toHaveText(
    'No incident is resolved yet.',
  );
});

test('an incident typed in, restored after midnight, moves time to restore; a drill never does', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#/waves`);
  const ttr = page.getByTestId('dora-panel').getByTestId('dora-timeToRestore');
  await expect(ttr.getByTestId('dora-explanation')).toContainText('Median of 2 resolved incidents');

  const add = async (title: string, opened: string, restored: string, drill: boolean) => {
    await page.getByTestId('nav-runbooks').click();
    await page.getByRole('button', { name: 'Add incident' }).click();
    await page.getByTestId('field-title').fill(title);
    await page.getByTestId('field-openedAt').fill(opened);
    await page.getByTestId('field-resolvedAt').fill(restored);
    if (drill) await page.getByTestId('field-drill').check();
    await page.getByTestId('save-item').click();
    await expect(page.getByTestId('item-form')).toHaveCount(0);
  };
  await add('Quotes stuck in approval', '2026-11-28T23:20', '2026-11-29T05:50', false);
  await add('Tabletop: SSO outage', '2026-11-27T10:00', '2026-11-27T18:00', true);
  await waitSaved(page, SAMPLE_REV + 2);
  const wb = JSON.parse(await readFile(host.samplePath, 'utf8'));
  const typed = wb.runbooks.incidents.find((i: { title: string }) => i.title === 'Quotes stuck in approval');
  expect(Date.parse(typed.resolvedAt) - Date.parse(typed.openedAt)).toBe(6.5 * 3_600_000);
  expect(
    wb.runbooks.incidents.find((i: { drill: boolean; title: string }) => i.title === 'Tabletop: SSO outage')
      .drill,
  ).toBe(true);

  await page.getByTestId('nav-waves').click();
  // Three real ones now (1 h 30 min, 3 h 5 min and 6 h 30 min): the median is the middle one.
  await expect(ttr.getByTestId('dora-explanation')).toContainText('Median of 3 resolved incidents');
  await expect(ttr.getByTestId('dora-value')).toHaveText('3 h 5 min');
});

test('changes written wrongly are refused on the line they are on, and nothing is saved', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#/waves`);
  const before = await readFile(host.samplePath);
  await page.getByRole('button', { name: 'Add deployment' }).click();
  await page.getByTestId('field-at').fill('2026-11-30T09:15');
  await page.getByTestId('field-service').fill('sales-api');
  await page.getByTestId('field-changes').fill('a1b2c3d 2026-11-29T10:00Z\nb2c3d4e yesterday-ish');
  await page.getByTestId('save-item').click();
  await expect(page.getByTestId('error-changes')).toHaveText('Line 2: Expected an ISO 8601 date-time');
  expect((await readFile(host.samplePath)).equals(before)).toBe(true);
  await expectNoViolations(page, 'waves, a deployment with a bad change line');

  await page.getByTestId('field-changes').fill('a1b2c3d 2026-11-29T10:00Z\nb2c3d4e 2026-11-29T16:30Z');
  await page.getByTestId('save-item').click();
  await waitSaved(page, SAMPLE_REV + 1);
  const wb = JSON.parse(await readFile(host.samplePath, 'utf8'));
  expect(wb.waves.deployments.at(-1)).toMatchObject({
    service: 'sales-api',
    status: 'success',
    batch: '',
    changes: [
      { ref: 'a1b2c3d', committedAt: '2026-11-29T10:00:00.000Z' },
      { ref: 'b2c3d4e', committedAt: '2026-11-29T16:30:00.000Z' },
    ],
  });
});
