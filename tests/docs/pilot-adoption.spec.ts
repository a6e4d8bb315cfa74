import { join } from 'node:path';
import { expect, SAMPLE_REV, test, waitSaved } from '../e2e/fixtures';
import { send } from '../e2e/projector-kit';

// `npm run screenshots`: the pilot (representativeness, KPIs, feedback, the "you said, we did"
// drafts), and adoption (cohorts against the target, lagging cohorts, friction, trends), and
// the chart past nine cohorts: the lagging ones in colour, the rest thin and grey behind them.

const LAUNCH = Date.UTC(2026, 9, 11);
const day = (n: number) => new Date(LAUNCH + n * 86_400_000).toISOString().slice(0, 10);
/** Twelve teams beside the sample's four: (name, people, share reached by day 30). */
const TEAMS: [string, number, number][] = [
  ['Support EMEA', 50, 0.42],
  ['Support Americas', 44, 0.78],
  ['Team leads', 20, 0.4],
  ['Warehouse, Rotterdam', 40, 0.81],
  ['Payroll', 6, 0.83],
  ['Legal review', 9, 0.74],
  ['Partner desk', 16, 0.86],
  ['Night shift, Leeds', 30, 0.36],
  ['Procurement', 11, 0.79],
  ['Marketing ops', 13, 0.72],
  ['Renewals', 18, 0.88],
  ['Field service', 26, 0.76],
];
const SAMPLE_TEAMS = [
  'Inside sales, Leeds',
  'Field sales, Manchester',
  'Marta Silva’s team',
  'Finance approvers',
];

function manyCohortsCsv(): string {
  const rows = ['cohort,date,active_users'];
  const sizes: [string, number, number][] = [
    ...SAMPLE_TEAMS.map((name, i): [string, number, number] => [name, [14, 10, 12, 8][i]!, 0.7 + i * 0.04]),
    ...TEAMS,
  ];
  for (let n = 0; n < 45; n++) {
    sizes.forEach(([name, size, final], i) => {
      // Each team climbs at its own pace, with a weekly wobble, and levels off at its final share.
      const climb = Math.min(1, (n + 1) / (24 + (i % 5) * 3));
      const wobble = 1 + 0.06 * Math.sin((n + i) / 2);
      rows.push(`"${name}",${day(n)},${Math.min(size, Math.round(size * final * climb * wobble))}`);
    });
  }
  return `${rows.join('\n')}\n`;
}

const OUT = 'docs/screenshots';

for (const theme of ['light', 'dark'] as const) {
  test.describe(theme, () => {
    test.use({ colorScheme: theme, viewport: { width: 1440, height: 2400 } });

    test('pilot and adoption', async ({ page, host }) => {
      await page.goto(`${host.url}#/pilot`);
      await expect(page.getByTestId('kpi-row')).toHaveCount(4);
      for (const dismiss of await page.getByTestId('toast-dismiss').all()) await dismiss.click();
      await page.screenshot({ path: join(OUT, `pilot-${theme}.png`) });
      await page.getByTestId('you-said').screenshot({ path: join(OUT, `pilot-you-said-${theme}.png`) });
      await page.getByTestId('nav-adoption').click();
      await expect(page.getByTestId('adoption-chart')).toBeVisible();
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(OUT, `adoption-${theme}.png`) });
      await page.getByTestId('friction-ranking').scrollIntoViewIfNeeded();
      await page.getByTestId('trends').screenshot({ path: join(OUT, `adoption-trends-${theme}.png`) });
      await page
        .getByTestId('friction-ranking')
        .screenshot({ path: join(OUT, `adoption-friction-${theme}.png`) });
    });

    test('adoption with sixteen cohorts', async ({ page, host }) => {
      await page.goto(`${host.url}#/adoption`);
      const imports = page.getByTestId('usage-import');
      await imports.getByTestId('import-take-back').click();
      await imports.getByTestId('import-take-back-confirm').click();
      await send(
        host,
        TEAMS.map(([name, size], i) => [
          'workbook:dispatch-command',
          {
            type: 'item.add',
            collection: 'adoption.cohorts',
            item: {
              id: `coh-docs-${i}`,
              name,
              dimension: 'function',
              size,
              launchDay: day(0),
              targetPct: 70,
              targetDays: 30,
              owner: '',
              action: '',
              actionOwner: '',
            },
          },
        ]),
      );
      await waitSaved(page, SAMPLE_REV + 1 + TEAMS.length);
      await page.getByTestId('import-usage').click();
      await page.getByTestId('import-file').setInputFiles({
        name: 'compass-usage-all-teams.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(manyCohortsCsv(), 'utf8'),
      });
      await page.getByTestId('import-to-preview').click();
      await page.getByTestId('import-confirm').click();
      await page.getByTestId('import-close').click();
      const chart = page.getByTestId('adoption-chart');
      await expect(chart.getByTestId('chart-legend-context')).toBeVisible();
      for (const dismiss of await page.getByTestId('toast-dismiss').all()) await dismiss.click();
      await page.waitForTimeout(300);
      await chart.screenshot({ path: join(OUT, `adoption-many-cohorts-${theme}.png`) });
    });
  });
}
