import type { Locator, Page } from '@playwright/test';
import { expectNoViolations } from './axe';
import { expect, test } from './fixtures';
import { type DomElement, openBoard, RECOVERED, scanText, send, verdict } from './projector-kit';

// The gate charts, as a room uses them: the sample's breaching gate (Sales API 5xx rate > 2% for
// 15 min, four readings over it in wave 2) is drawn with its breach points, and its table
// alternative says the same in words; a reading typed in updates the one chart in place; the
// projector charts the breaching metric in its own type; and axe finds nothing with every chart
// and table showing, light and dark.

declare function getComputedStyle(el: DomElement): { fontSize: string };

const errorsChart = (page: Page) => page.getByTestId('wave-wave-2').getByTestId('chart-sc-errors');
const figure = (chart: Locator) => chart.getByTestId('time-chart');

async function openWaves(page: Page, url: string): Promise<Locator> {
  await page.goto(`${url}#/waves`);
  const chart = errorsChart(page);
  await expect(figure(chart)).toHaveAttribute('data-marked', '4');
  return chart;
}

/** Opens a chart's table from the keyboard: the toggle is a real button in the tab order. */
async function openTable(page: Page, chart: Locator): Promise<void> {
  const toggle = chart.getByTestId('chart-table-toggle');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(chart.getByTestId('chart-table')).toBeVisible();
}

test("the sample's breaching gate: its chart marks the breach, and its table lists the breach points and the threshold", async ({
  page,
  host,
}) => {
  const chart = await openWaves(page, host.url);
  await expect(chart).toHaveAttribute('data-breaches', '4');
  await expect(figure(chart).getByRole('img', { name: /Sales API 5xx rate in Wave 2/ })).toBeVisible();
  await expect(chart.getByTestId('chart-summary')).toContainText('4 are breach points');
  await expect(chart.getByTestId('chart-legend')).toContainText('Breach');
  await expect(chart.getByTestId('chart-legend')).toContainText('Limit > 2%');
  // No table until asked for.
  await expect(chart.getByTestId('chart-table')).toHaveCount(0);

  await openTable(page, chart);
  const table = chart.getByTestId('chart-table');
  await expect(table.locator('caption')).toContainText('4 marked Breach');
  const marked = table.locator('tbody tr[data-marked]');
  await expect(marked).toHaveCount(4);
  for (const [i, value] of ['2.6%', '3.1%', '3.4%', '3.9%'].entries()) {
    await expect(marked.nth(i).locator('td').first()).toHaveText(value);
    await expect(marked.nth(i)).toContainText('Breach');
  }
  // Every other reading is listed too, unmarked.
  const points = Number(await figure(chart).getAttribute('data-points'));
  await expect(table.locator('tbody tr')).toHaveCount(points);
  const threshold = chart.getByTestId('chart-lines').locator('tr[data-kind="threshold"]');
  await expect(threshold).toContainText('Limit > 2%');
  await expect(threshold.locator('td').last()).toHaveText('2%');
  const events = chart.getByTestId('chart-lines').locator('tr[data-kind="event"]');
  await expect(events.first()).toContainText('Went live');
  // The hold ends in two days, off the chart's span: its row says which day.
  await expect(events.filter({ hasText: 'Hold ends' }).locator('td').last()).toHaveText(
    /^[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d\d:\d\d:\d\d$/,
  );

  // Closed again, the table is gone from the screen; printing brings it back for paper.
  await chart.getByTestId('chart-table-toggle').click();
  await expect(chart.getByTestId('chart-table')).toHaveCount(0);
  await page.emulateMedia({ media: 'print' });
  await expect(chart.getByTestId('chart-table').locator('tbody tr[data-marked]')).toHaveCount(4);
  await page.emulateMedia({ media: 'screen' });
  await expect(chart.getByTestId('chart-table')).toHaveCount(0);
});

test('a reading typed in the Waves screen updates the chart and its table in place', async ({
  page,
  host,
}) => {
  const chart = await openWaves(page, host.url);
  const before = Number(await figure(chart).getAttribute('data-points'));
  await openTable(page, chart);
  // The chart instance is tagged: a chart re-created for the new reading would lose the tag.
  const canvas = figure(chart).locator('canvas');
  await canvas.evaluate((el) => {
    (el as unknown as { $chartjs: Record<string, unknown> }).$chartjs.e2eTag = 'first';
  });

  const form = page.getByTestId('wave-wave-2').getByTestId('reading-form');
  await form.getByTestId('reading-metric').selectOption({ label: 'Sales API 5xx rate' });
  await form.getByTestId('reading-value').fill('4.4');
  await form.getByTestId('reading-submit').click();
  await expect(form.getByTestId('reading-value')).toHaveValue('');

  await expect(figure(chart)).toHaveAttribute('data-points', String(before + 1));
  await expect(figure(chart)).toHaveAttribute('data-marked', '5');
  await expect(chart).toHaveAttribute('data-breaches', '5');
  const marked = chart.getByTestId('chart-table').locator('tbody tr[data-marked]');
  await expect(marked).toHaveCount(5);
  await expect(marked.last().locator('td').first()).toHaveText('4.4%');
  await expect(chart.getByTestId('chart-table').locator('tbody tr')).toHaveCount(before + 1);
  expect(
    await canvas.evaluate((el) => (el as unknown as { $chartjs: Record<string, unknown> }).$chartjs.e2eTag),
  ).toBe('first');
  await expect(figure(chart).locator('canvas')).toHaveCount(1);
});

test("the projector shows the breaching metric's chart, reachable from the keyboard, in the board's type", async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openBoard(page, host);
  const panel = page.getByTestId('projector-breach-chart');
  await expect(panel).toHaveCount(1);
  await expect(panel.getByRole('heading')).toContainText('Sales API 5xx rate');
  await expect(figure(panel)).toHaveAttribute('data-marked', '4');
  await expect(panel.getByRole('img', { name: /Sales API 5xx rate in Wave 2/ })).toBeAttached();

  // Arrows walk the panels (verdict, wave, why, then the chart); Tab reaches its table toggle.
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(panel).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(panel.getByTestId('chart-table-toggle')).toBeFocused();
  await page.keyboard.press('Enter');
  const cell = panel.getByTestId('chart-table').locator('tbody tr[data-marked] td').first();
  await expect(cell).toHaveText('2.6%');
  const px = await cell.evaluate((el) =>
    Number.parseFloat(getComputedStyle(el as unknown as DomElement).fontSize),
  );
  expect(px).toBeGreaterThanOrEqual(48);
  // The board's own scan of every text element, with the chart's key and table showing.
  const found = await page.evaluate(scanText);
  const mine = found.filter((t) => ['Breach', '2.6%', 'Limit > 2%', 'Hide the table'].includes(t.text));
  expect(mine.length, 'the scan sees the chart panel').toBeGreaterThanOrEqual(4);
  expect(found.filter((t) => t.ratio < 7)).toEqual([]);
  expect(found.filter((t) => t.body && t.px < 48)).toEqual([]);

  // The 5xx rate recovers: nothing is breaching, so there is no breach to chart.
  await send(host, RECOVERED);
  await expect(verdict(page)).toHaveText('GO');
  await expect(panel).toHaveCount(0);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing with every chart and its table showing, ${theme}`, async ({ page, host }) => {
    await page.emulateMedia({ colorScheme: theme });
    await openWaves(page, host.url);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    // The promoted wave keeps its charts folded away: open them too.
    await page.getByTestId('wave-wave-1').getByTestId('wave-charts').locator('summary').click();
    await expect(page.getByTestId('wave-wave-1').getByTestId('time-chart').first()).toHaveAttribute(
      'data-draws',
      /\d+/,
    );
    for (const toggle of await page.getByTestId('chart-table-toggle').all()) await toggle.click();
    await expect(page.getByTestId('chart-table')).toHaveCount(await page.getByTestId('time-chart').count());
    await expectNoViolations(page, `${theme} / waves with charts and tables`);

    await openBoard(page, host);
    await page.getByTestId('projector-breach-chart').getByTestId('chart-table-toggle').click();
    await expect(page.getByTestId('projector-breach-chart').getByTestId('chart-table')).toBeVisible();
    await expectNoViolations(page, `${theme} / projector with the breach chart and its table`);
  });
}
