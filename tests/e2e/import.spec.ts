import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { WindowClient } from '../support/window-client';
import { expectNoViolations } from './axe';
import { expect, openListed, SAMPLE_REV, test, waitSaved, workbooksDir } from './fixtures';
import { openBoard, readings, verdict } from './projector-kit';

// The CSV import flow in a real Chromium against the real host: readings from a dashboard
// export breach a stop condition mid-wave and the verdict turns NO-GO everywhere; a file with bad
// rows is refused row by row and the workbook on disk does not change; the next export of the
// same dashboard imports in one step; a large file can be cancelled while it is read.

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** "2026-12-01 09:22:18": a wall-clock time in `zone`, as a dashboard without offsets writes it. */
const wall = (ms: number, zone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: zone, dateStyle: 'short', timeStyle: 'medium' }).format(ms);

const csv = (name: string, text: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text, 'utf8'),
});

const dialog = (page: Page) => page.getByTestId('import-dialog');

async function openImport(page: Page): Promise<void> {
  if (!page.url().endsWith('#/waves')) await page.getByTestId('nav-waves').click();
  await page.getByTestId('import-readings').click();
  await expect(dialog(page)).toHaveAttribute('data-step', 'pick');
}

/**
 * The sample as a new user gets it, minus the readings that make its story's breach: wave 2 is
 * live, its error gate has no recent data and sign-in none in its window (HOLD, not NO-GO).
 */
async function quietDrill(page: Page, host: { samplePath: string; url: string; dataDir: string }) {
  await page.goto(host.url);
  await expect(page.getByTestId('workbook-name')).toBeVisible();
  const wb = JSON.parse(await readFile(host.samplePath, 'utf8'));
  const now = Date.now();
  const recent = (r: { at: string }, minutes: number) => now - Date.parse(r.at) < minutes * MIN;
  wb.id = 'wb-quiet-import';
  wb.name = 'Quiet import drill';
  wb.waves.readings = wb.waves.readings.filter(
    (r: { metricId: string; at: string }) =>
      !((r.metricId === 'm-api-5xx' && recent(r, 16)) || (r.metricId === 'm-sso-login' && recent(r, 31))),
  );
  const champions = wb.scorecard.assessments.find((a: { id: string }) => a.id === 'as-wave-2-go-champions');
  champions.status = 'green';
  await writeFile(
    join(workbooksDir(host as never), 'quiet-import.rollout.json'),
    JSON.stringify(wb, null, 2),
  );
  await openListed(page, 'quiet-import.rollout.json');
  await expect(page.getByTestId('workbook-name')).toHaveText('Quiet import drill');
  return join(workbooksDir(host as never), 'quiet-import.rollout.json');
}

test('a dashboard export that breaches a stop condition mid-wave turns the scorecard and the projector NO-GO, saying why', async ({
  page,
  host,
}) => {
  const path = await quietDrill(page, host);
  const scorecard = await page.context().newPage();
  await scorecard.goto(`${host.url}#/scorecard`);
  await expect(scorecard.getByTestId('verdict-call')).toHaveText(/HOLD/);
  const projector = await page.context().newPage();
  await openBoard(projector, host);
  await expect(verdict(projector)).toHaveText('HOLD');
  await page.bringToFront();

  // A wide Grafana export, times written in Berlin's wall-clock time without an offset.
  const now = Math.floor(Date.now() / 1000) * 1000;
  const times = [now - 3 * MIN, now - MIN];
  const text = [
    'Time;SSO login success',
    `${wall(times[0]!, 'Europe/Berlin')};93.5`,
    `${wall(times[1]!, 'Europe/Berlin')};92.1`,
  ];
  await openImport(page);
  await page.getByTestId('import-file').setInputFiles(csv('okta-signins.csv', `${text.join('\n')}\n`));
  await expect(dialog(page)).toHaveAttribute('data-step', 'map');
  await expect(page.getByTestId('import-encoding')).toHaveText('UTF-8');
  await expect(page.getByTestId('import-delimiter')).toHaveValue(';');
  await expect(page.getByTestId('import-layout-wide')).toBeChecked();
  // The column is named like the metric, so it is matched by name; the zone is the user's call.
  await expect(page.getByTestId('import-match-choice')).toHaveValue('m-sso-login');
  await page.getByTestId('import-zone').selectOption('Europe/Berlin');
  await expect(page.getByTestId('import-count-accepted')).toHaveText('2 readings to import');
  await page.getByTestId('import-to-preview').click();
  const rows = page.getByTestId('import-preview-row');
  await expect(rows.first()).toContainText('SSO login success');
  await expect(rows.first()).toContainText('Wave 2: early regions');
  await expect(rows.first()).toContainText(iso(times[0]!));
  await page.getByTestId('import-confirm').click();
  await expect(dialog(page)).toHaveAttribute('data-step', 'done');

  await expect(scorecard.getByTestId('verdict-call')).toHaveText(/NO-GO/);
  await expect(scorecard.getByTestId('verdict-reasons')).toContainText(
    'NO-GO: stop condition breached. Pause: all 2 readings of SSO login success',
  );
  await expect(verdict(projector)).toHaveText('NO-GO');
  await expect(
    projector.getByTestId('projector-breach').filter({ hasText: 'SSO login success' }),
  ).toContainText('Pause');
  // On disk: two readings at the instants Berlin's clock said, stamped with their import.
  await waitSaved(page, SAMPLE_REV + 1);
  const wb = JSON.parse(await readFile(path, 'utf8'));
  const record = wb.waves.imports.at(-1);
  expect(record).toMatchObject({
    kind: 'readings',
    fileName: 'okta-signins.csv',
    count: 2,
    by: 'Erin Tester',
  });
  const imported = wb.waves.readings.filter((r: { batch: string }) => r.batch === record.id);
  expect(
    imported.map((r: { at: string; value: number; waveId: string }) => [r.at, r.value, r.waveId]),
  ).toEqual([
    [iso(times[0]!), 93.5, 'wave-2'],
    [iso(times[1]!), 92.1, 'wave-2'],
  ]);
});

for (const theme of ['light', 'dark'] as const) {
  test.describe(theme, () => {
    test.use({ colorScheme: theme });

    test(`a CSV with bad rows is refused row by row and the workbook on disk does not change (${theme})`, async ({
      page,
      host,
    }) => {
      await page.goto(`${host.url}#/waves`);
      await expect(page.getByTestId('workbook-name')).toBeVisible();
      const before = await readFile(host.samplePath);
      const now = Date.now();
      const at = (minutesAgo: number) => iso(now - minutesAgo * MIN + 7_123);
      const file = [
        'Series,Time,Value',
        `SSO login success,${at(20)},98.5`,
        `SSO login success,${at(19)},n/a`,
        'SSO login success,yesterday,92',
        `Mystery metric,${at(18)},1`,
        `SSO login success,${at(20)},99`,
        'SSO login success,2020-01-01T10:00:00Z,94',
        `SSO login success,${at(17)},`,
        `SSO login success,${iso(now + 2 * 24 * 60 * MIN)},97`,
      ].join('\n');
      await openImport(page);
      await page.getByTestId('import-file').setInputFiles(csv('okta-export.csv', file));
      await expect(dialog(page)).toHaveAttribute('data-step', 'map');
      await expect(page.getByTestId('import-count-bad')).toContainText('6 bad rows');
      await expect(page.getByTestId('import-count-empty')).toContainText('1 empty or null cell');
      await expectNoViolations(page, `import mapping with a series to match (${theme})`);
      await page.getByTestId('import-to-preview').click();
      const bad = page.getByTestId('import-bad-row');
      await expect(bad).toHaveText([
        "Row 3: Value: 'n/a' is not a number",
        /^Row 4: Time: 'yesterday' is not a time this import can read/,
        "Row 5: series 'Mystery metric' matches no metric: map it to a metric, create one, or leave it out",
        /^Row 6: row 2 already gives SSO login success at .* in Wave 2: early regions$/,
        /^Row 7: 2020-01-01 10:00:00 UTC is before any wave went live \(the first, Wave 1: canary, at /,
        /^Row 9: .* is in the future$/,
      ]);
      await expect(page.getByTestId('import-confirm')).toBeDisabled();
      await expectNoViolations(page, `import preview with bad rows (${theme})`);
      await page.getByTestId('import-cancel').click();
      await expect(dialog(page)).toBeHidden();
      expect((await readFile(host.samplePath)).equals(before)).toBe(true);

      // A file that is not UTF-8 text is refused before any row is read, saying what it is.
      await openImport(page);
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Time;Value\n', 'utf16le')]);
      await page
        .getByTestId('import-file')
        .setInputFiles({ name: 'excel.csv', mimeType: 'text/csv', buffer: utf16 });
      await expect(page.getByTestId('import-refused')).toHaveText(
        'excel.csv is UTF-16 text (it starts with a UTF-16 byte-order mark). Save it from its program as CSV (UTF-8) and import that file.',
      );
      await page.keyboard.press('Escape');
      await expect(dialog(page)).toBeHidden();

      // The host checks the import again whatever a window says: a forged command is refused
      // with its row numbers, and the file still does not change.
      const { readings: existing } = await readings(host);
      const twin = existing.find((r) => r.metricId === 'm-api-5xx')!;
      const forger = await WindowClient.connect(host.url, 'forger');
      try {
        const refused = forger.call('workbook:dispatch-command', {
          type: 'wave.readings-import',
          id: 'imp-forged',
          fileName: 'forged.csv',
          source: '',
          waveId: '',
          metrics: [],
          readings: [
            { row: 2, metricId: 'm-api-5xx', at: twin.at, value: 9 },
            { row: 3, metricId: 'm-nope', at: twin.at, value: 1 },
          ],
        });
        await expect(refused).rejects.toThrow(
          /Nothing was imported: 2 rows of 2 readings cannot be\. Row 2: Sales API 5xx rate already has a reading at .*; Row 3: there is no metric with id 'm-nope'/,
        );
      } finally {
        forger.close();
      }
      expect((await readFile(host.samplePath)).equals(before)).toBe(true);
    });
  });
}

test('the next export of the same dashboard imports in one step; an import can be taken back as a whole', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#/waves`);
  // The sample's own story has one import already (Jun's Grafana latency export).
  const entries = page.getByTestId('import-entry');
  await expect(entries).toHaveCount(1);
  const now = Date.now();
  const export_ = (minutesAgo: number[]) =>
    [
      'Series;Time;Value',
      ...minutesAgo.map((m, k) => `errors_5xx;${iso(now - m * MIN + 3_456)};${0.5 + k / 10}`),
    ].join('\n');

  // The first time: the series is mapped to a metric by hand and the source is named.
  await openImport(page);
  await page.getByTestId('import-file').setInputFiles(csv('sales-api-errors.csv', export_([30, 28])));
  await expect(dialog(page)).toHaveAttribute('data-step', 'map');
  await expect(page.getByTestId('import-layout-long')).toBeChecked();
  await page.getByTestId('import-match-choice').selectOption({ label: 'Sales API 5xx rate' });
  await page.getByTestId('import-source').fill('Grafana: sales-api errors');
  await expect(page.getByTestId('import-count-accepted')).toHaveText('2 readings to import');
  await page.getByTestId('import-to-preview').click();
  await page.getByTestId('import-confirm').click();
  await expect(dialog(page)).toHaveAttribute('data-step', 'done');
  await page.getByTestId('import-close').click();
  await waitSaved(page, SAMPLE_REV + 1);

  // The next export of the same dashboard: choose the file, check the preview, one confirm,
  // from the keyboard.
  await openImport(page);
  await page.getByTestId('import-file').setInputFiles(csv('sales-api-errors (1).csv', export_([26, 24, 22])));
  await expect(dialog(page)).toHaveAttribute('data-step', 'preview');
  await expect(page.getByTestId('import-remembered')).toContainText('Grafana: sales-api errors');
  await expect(page.getByTestId('import-preview-row').first()).toContainText('Sales API 5xx rate');
  await page.getByTestId('import-confirm').focus();
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toHaveAttribute('data-step', 'done');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await waitSaved(page, SAMPLE_REV + 2);

  await expect(entries).toHaveCount(3);
  await expect(entries.first()).toContainText('sales-api-errors (1).csv');
  await expect(entries.first()).toContainText('Grafana: sales-api errors');
  let wb = JSON.parse(await readFile(host.samplePath, 'utf8'));
  // The sample's own imports come first (readings, feedback, usage…); this test's two are the last.
  const before = wb.waves.imports.slice(0, -2).map((i: { id: string }) => i.id);
  const [first, second] = wb.waves.imports.slice(-2);
  const of = (id: string) => wb.waves.readings.filter((r: { batch: string }) => r.batch === id);
  expect([of(first.id).length, of(second.id).length]).toEqual([2, 3]);
  expect(of(second.id).every((r: { metricId: string; source: string }) => r.metricId === 'm-api-5xx')).toBe(
    true,
  );
  expect(of(second.id)[0].source).toBe('Grafana: sales-api errors');

  // Each import is one readable entry in History; so is taking one back.
  await entries.nth(1).getByTestId('import-take-back').click();
  await entries.nth(1).getByTestId('import-take-back-confirm').click();
  await expect(entries).toHaveCount(2);
  await waitSaved(page, SAMPLE_REV + 3);
  wb = JSON.parse(await readFile(host.samplePath, 'utf8'));
  expect(wb.waves.imports.map((i: { id: string }) => i.id)).toEqual([...before, second.id]);
  expect(of(first.id)).toEqual([]);
  expect(of(second.id)).toHaveLength(3);
  await page.getByTestId('nav-history').click();
  const summaries = page.getByTestId('history-summary');
  await expect(summaries.nth(0)).toHaveText(
    /^Took back import .* removed 2 readings; metrics it created stay$/,
  );
  await expect(summaries.nth(1)).toHaveText(
    /^Imported 3 readings into Wave 2: early regions from sales-api-errors \(1\)\.csv \(Grafana: sales-api errors\), import .*: Sales API 5xx rate 3$/,
  );
  await expect(summaries.nth(2)).toContainText('Imported 2 readings into Wave 2: early regions');
  // The audit entry is the record, not 100,000 copies of the readings.
  expect(JSON.stringify(wb.audit.at(-2)).length).toBeLessThan(1500);
});

test('a large file being read can be cancelled, and leaves nothing behind', async ({ page, host }) => {
  const dir = await mkdtemp(join(tmpdir(), 'warroom-import-'));
  try {
    const big = join(dir, 'a-year-of-latency.csv');
    const start = Date.now() - 365 * 24 * 60 * MIN;
    const lines = ['Time,p95 latency'];
    for (let i = 0; i < 1_400_000; i++)
      lines.push(`${iso(start + i * 20_000)},${(120 + (i % 97)).toFixed(1)}`);
    await writeFile(big, `${lines.join('\n')}\n`);
    await page.goto(`${host.url}#/waves`);
    await expect(page.getByTestId('workbook-name')).toBeVisible();
    const before = await readFile(host.samplePath);
    await openImport(page);
    await page.getByTestId('import-file').setInputFiles(big);
    await expect(page.getByTestId('import-progress')).toBeVisible();
    // The page stays responsive while the worker reads: Escape is handled at once.
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    await expect(page.getByTestId('import-entry')).toHaveCount(1);
    expect((await readFile(host.samplePath)).equals(before)).toBe(true);
    const { revision } = await readings(host);
    expect(revision).toBe(SAMPLE_REV);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
