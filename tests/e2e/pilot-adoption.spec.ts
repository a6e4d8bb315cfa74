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

// The page's DOM, as far as the twelve-cohort test reads it (this folder is typed for Node).
interface Canvas {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
  };
}
declare function getComputedStyle(el: unknown): { getPropertyValue(name: string): string };

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

function usageCsv(cohorts = COHORTS, days = 60): string {
  const rows = ['cohort,date,active_users,first_task'];
  for (let n = 0; n < days; n++) {
    for (const [name, size, final] of cohorts) {
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

/** Six more cohorts, all climbing well ahead of the target but one. */
const MORE: [name: string, size: number, final: number][] = [
  ['Warehouse, Rotterdam', 40, 0.9],
  ['Payroll', 6, 0.84],
  ['Legal review', 9, 0.78],
  ['Partner desk', 16, 0.82],
  ['Night shift, Leeds', 30, 0.45],
  ['Procurement', 11, 0.8],
];

test('twelve cohorts: the lagging ones keep a coloured line, the rest are drawn grey behind them, the table lists all', async ({
  page,
  host,
}) => {
  // Eight cohorts added by hand, each saved, then one import.
  test.setTimeout(90_000);
  await page.goto(`${host.url}#/adoption`);
  const imports = page.getByTestId('usage-import');
  await imports.getByTestId('import-take-back').click();
  await imports.getByTestId('import-take-back-confirm').click();
  await expect(page.getByTestId('adoption-chart-empty')).toBeVisible();
  const added = [...COHORTS.slice(4), ...MORE];
  for (const [name, size] of added) await addCohort(page, name, size);
  await waitSaved(page, SAMPLE_REV + 1 + added.length);
  const all = [...COHORTS, ...MORE];
  await importCsv(page, 'usage', 'twelve-cohorts.csv', usageCsv(all, 20));
  await page.getByTestId('import-to-preview').click();
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-close').click();

  const chart = page.getByTestId('adoption-chart');
  const legend = chart.getByTestId('chart-legend');
  // Day 19 of 30: the trajectory expects 44%; these three are 12 or more points under it.
  const lagging = ['Support EMEA', 'Team leads', 'Night shift, Leeds'];
  for (const name of lagging) await expect(legend).toContainText(name);
  await expect(legend.getByTestId('chart-legend-context')).toHaveText('9 other cohorts');
  await expect(legend).not.toContainText('Payroll');
  await expect(chart.getByTestId('chart-summary')).toContainText(
    'the 3 lagging most in colour (Support EMEA, Team leads, Night shift, Leeds), the other 9 thin and grey',
  );
  // Every day of every cohort is drawn, and the grey lines are on the canvas.
  await expect(chart).toHaveAttribute('data-points', String(all.length * 20));
  // Pixels in the context colour, counted, and one on a run of them in the middle of the plot
  // (a line, not the edge of a letter) for the mouse to rest on.
  const canvas = chart.locator('canvas');
  const { grey, spot } = await canvas.evaluate((el) => {
    const c = el as unknown as Canvas;
    const hex = getComputedStyle(c).getPropertyValue('--chart-context').trim();
    const want = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
    const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
    const isGrey = (i: number) =>
      data[i + 3]! > 200 &&
      Math.abs(data[i]! - want[0]!) + Math.abs(data[i + 1]! - want[1]!) + Math.abs(data[i + 2]! - want[2]!) <
        24;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) if (isGrey(i)) count++;
    const at = (x: number, y: number) => (y * c.width + x) * 4;
    for (let x = Math.floor(c.width / 2); x < c.width - 40; x++) {
      for (let y = 10; y < c.height - 30; y++) {
        if (isGrey(at(x, y)) && isGrey(at(x + 1, y))) return { grey: count, spot: { x, y, w: c.width } };
      }
    }
    return { grey: count, spot: null };
  });
  expect(grey).toBeGreaterThan(200);
  // The mouse on a grey line names its cohort (one of the nine drawn grey); off the plot, none.
  expect(spot).not.toBeNull();
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const k = box.width / spot!.w;
  await page.mouse.move(box.x + spot!.x * k, box.y + spot!.y * k);
  const greyNames = all.map(([name]) => name).filter((name) => !lagging.includes(name));
  await expect
    .poll(async () => greyNames.includes((await chart.getAttribute('data-hovered')) ?? ''))
    .toBe(true);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height + 60);
  await expect(chart).not.toHaveAttribute('data-hovered');
  await chart.getByTestId('chart-table-toggle').click();
  const heads = chart.getByTestId('chart-table').locator('thead th');
  for (const [name] of all) await expect(heads.filter({ hasText: name })).toHaveCount(1);
  await expectNoViolations(page, 'adoption, twelve cohorts with the table open');

  // With no cohort lagging, every line is context, and the key says so.
  await imports.getByTestId('import-take-back').click();
  await imports.getByTestId('import-take-back-confirm').click();
  const onTrack = all.map(([name, size]): [string, number, number] => [name, size, 0.95]);
  // The same columns as the last usage export: the dialog remembers them and goes to the preview.
  await page.getByTestId('import-usage').click();
  await page.getByTestId('import-file').setInputFiles(file('all-on-track.csv', usageCsv(onTrack, 20)));
  await expect(page.getByTestId('import-dialog')).toHaveAttribute('data-step', 'preview');
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-close').click();
  await expect(legend.getByTestId('chart-legend-context')).toHaveText('12 cohorts, none lagging');
  await expect(chart.getByTestId('chart-summary')).toContainText('none lagging, all drawn thin and grey');
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
