import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expectNoViolations } from './axe';
import { expect, SAMPLE_REV, test, waitSaved } from './fixtures';
import { openBoard } from './projector-kit';

// Steps 4 and 7 end to end on the real host: a usage export for six cohorts over sixty days
// through the one import flow, charted against the target with the two lagging cohorts ranked;
// bad usage and feedback rows refused by number with the file unchanged; and pilot feedback
// closed and re-tested turning the scorecard's pilot check green in the main page and on the
// projector.

const file = (name: string, text: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text, 'utf8'),
});

const LAUNCH = Date.UTC(2026, 9, 11);
const day = (n: number) => new Date(LAUNCH + n * 86_400_000).toISOString().slice(0, 10);

/** Final share of each cohort at day 59; every cohort climbs to it over the 30-day target. */
const COHORTS: [name: string, size: number, final: number][] = [
  ['Inside sales, Leeds', 14, 0.86],
  ['Field sales, Manchester', 10, 0.7],
  ['Marta Silva’s team', 12, 0.75],
  ['Finance approvers', 8, 0.75],
  ['Support EMEA', 50, 0.5],
  ['Team leads', 20, 0.5],
];

function usageCsv(): string {
  const rows = ['cohort,date,active_users,first_task'];
  for (let n = 0; n < 60; n++) {
    for (const [name, size, final] of COHORTS) {
      const active = Math.round(size * Math.min(final, (final * (n + 1)) / 30));
      rows.push(`"${name}",${day(n)},${active},${n < 5 ? 1 : 0}`);
    }
  }
  return `${rows.join('\n')}\n`;
}

async function addCohort(page: Page, name: string, size: number) {
  const list = page.getByTestId('collection-adoption-cohorts');
  await list.getByTestId('add-item').click();
  const form = list.getByTestId('item-form');
  await form.getByTestId('field-name').fill(name);
  await form.getByTestId('field-size').fill(String(size));
  await form.getByTestId('field-launchDay').fill(day(0));
  await form.getByTestId('field-targetPct').fill('70');
  await form.getByTestId('field-targetDays').fill('30');
  await form.getByTestId('save-item').click();
  await expect(list.getByTestId('item-form')).toHaveCount(0);
}

async function importCsv(page: Page, kind: 'usage' | 'feedback', name: string, text: string) {
  await page.getByTestId(`import-${kind}`).click();
  await page.getByTestId('import-file').setInputFiles(file(name, text));
  await expect(page.getByTestId('import-dialog')).toHaveAttribute('data-step', 'map');
}

test('a usage export for six cohorts over sixty days: the target, the cohorts, the two lagging ones in order', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#/adoption`);
  // The sample's own usage goes first, so the cohorts hold this export only.
  const imports = page.getByTestId('usage-import');
  await imports.getByTestId('import-take-back').click();
  await imports.getByTestId('import-take-back-confirm').click();
  await expect(page.getByTestId('adoption-chart-empty')).toBeVisible();
  await addCohort(page, 'Support EMEA', 50);
  await addCohort(page, 'Team leads', 20);
  await waitSaved(page, SAMPLE_REV + 3);

  await importCsv(page, 'usage', 'compass-usage-60d.csv', usageCsv());
  await expect(page.getByTestId('import-count-accepted')).toHaveText('360 days of usage to import');
  await page.getByTestId('import-to-preview').click();
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-dialog')).toHaveAttribute('data-step', 'done');
  await page.getByTestId('import-close').click();
  await waitSaved(page, SAMPLE_REV + 4);

  const chart = page.getByTestId('adoption-chart');
  const legend = chart.getByTestId('chart-legend');
  for (const [name] of COHORTS) await expect(legend).toContainText(name);
  await expect(legend).toContainText('Target 70% active within 30 days');
  await expect(chart.locator('canvas')).toBeVisible();

  // Support EMEA is 10 people behind, team leads 4: the larger shortfall first.
  const lagging = page.getByTestId('lagging-cohort');
  await expect(lagging).toHaveCount(2);
  await expect(lagging.nth(0)).toHaveAttribute('data-cohort', 'Support EMEA');
  await expect(lagging.nth(0)).toContainText('about 10 people behind');
  await expect(lagging.nth(1)).toHaveAttribute('data-cohort', 'Team leads');
  await expect(lagging.nth(1)).toContainText('about 4 people behind');
  await expectNoViolations(page, 'adoption, after a usage import');

  const wb = JSON.parse(await readFile(host.samplePath, 'utf8'));
  expect(wb.adoption.usage).toHaveLength(360);
});

test('a usage export with a bad date, a negative count, too many active and an unknown cohort imports nothing', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#/adoption`);
  const before = await readFile(host.samplePath);
  const text = [
    'cohort,date,active_users',
    '"Inside sales, Leeds",2026-12-01,3',
    '"Inside sales, Leeds",2026-13-02,3',
    'Finance approvers,2026-12-01,-2',
    'Finance approvers,2026-12-02,9',
    'Legal,2026-12-01,1',
  ].join('\n');
  await importCsv(page, 'usage', 'bad-usage.csv', text);
  await page.getByTestId('import-to-preview').click();
  const bad = page.getByTestId('import-bad-row');
  await expect(bad).toHaveCount(4);
  await expect(bad.nth(0)).toContainText('3');
  await expect(bad.nth(1)).toContainText('Active users is -2: a count cannot be negative');
  await expect(bad.nth(2)).toContainText('9 active users is more than the 8 people in Finance approvers');
  await expect(bad.nth(3)).toContainText("cohort 'Legal' is not one of this workbook’s cohorts");
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  expect((await readFile(host.samplePath)).equals(before)).toBe(true);
});

test('pilot feedback closed and re-tested turns the pilot check green on the scorecard and the projector', async ({
  page,
  host,
  context,
}) => {
  // Two windows, two imports and three edits, each saved and pushed to both windows.
  test.setTimeout(90_000);
  const projector = await context.newPage();
  await openBoard(projector, host);
  const pilotCheck = projector.getByTestId('projector-check').filter({ hasText: 'Pilot findings' });
  await expect(pilotCheck).toHaveAttribute('data-status', 'green');

  await page.goto(`${host.url}#/pilot`);
  const verdict = page.getByTestId('pilot-evidence');
  await expect(verdict).toHaveAttribute('data-status', 'green');
  await expect(verdict).toContainText('All 6 feedback items are fixed and re-tested');

  // Feedback without a type is refused by row; the good file brings one open item: red.
  await importCsv(page, 'feedback', 'no-type.csv', 'key,summary,category\nPIL-120,Export button hidden,\n');
  await page.getByTestId('import-to-preview').click();
  await expect(page.getByTestId('import-bad-row')).toContainText('2');
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  await page.getByTestId('import-cancel').click();
  await importCsv(
    page,
    'feedback',
    'wave-1.csv',
    'key,summary,category,severity\nPIL-121,Export button hidden on small screens,usability friction,high\n',
  );
  await page.getByTestId('import-to-preview').click();
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-close').click();
  await expect(verdict).toHaveAttribute('data-status', 'red');
  await expect(pilotCheck).toHaveAttribute('data-status', 'red');

  const setStatus = async (title: string, status: 'fixed' | 'retested') => {
    const list = page.getByTestId('collection-pilot-feedback');
    await list.locator('tr', { hasText: title }).getByTestId('edit-item').click();
    await list.getByTestId('item-form').getByTestId('field-status').selectOption(status);
    await list.getByTestId('item-form').getByTestId('save-item').click();
    await expect(list.getByTestId('item-form')).toHaveCount(0);
  };
  await setStatus('Export button hidden', 'fixed');
  await expect(pilotCheck).toHaveAttribute('data-status', 'amber');
  await setStatus('Export button hidden', 'retested');
  await expect(verdict).toHaveAttribute('data-status', 'green');
  await expect(verdict).toContainText('All 7 feedback items are fixed and re-tested');
  await expect(pilotCheck).toHaveAttribute('data-status', 'green');

  await page.getByTestId('nav-scorecard').click();
  await expect(page.getByTestId('check-go-pilot').getByTestId('check-status')).toHaveText(/Green/);
  // The re-tested items now have a "you said, we did" draft for their group.
  await page.getByTestId('nav-pilot').click();
  await expect(
    page.locator('[data-testid="you-said-draft"][data-audience="Finance approvers"]'),
  ).toContainText('2 items');
  await expectNoViolations(page, 'pilot, feedback all re-tested');
});
