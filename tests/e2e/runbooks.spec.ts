import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebHost } from '../support/web-host';
import { expect, test } from './fixtures';
import { type Frame, send } from './projector-kit';

// Runbooks against the clock, on the real host and real Chromium: a step's timer expires and
// alerts in the main window and on the projector, once, with one timeline entry; a host restart
// while a timer runs alerts once (as overdue) and a restart after the alert never alerts again.

// The clipboard read in the page; the node tsconfig has no DOM lib on purpose.
declare const navigator: { clipboard: { readText(): Promise<string> } };

const runbookFrames = (timeboxMin: number): Frame[] => [
  [
    'workbook:dispatch-command',
    {
      type: 'item.add',
      collection: 'runbooks.runbooks',
      item: { id: 'rb-e2e', name: 'Roll back wave 2', purpose: '' },
    },
  ],
  [
    'workbook:dispatch-command',
    {
      type: 'runbook.step-save',
      runbookId: 'rb-e2e',
      step: {
        id: 'st-pause',
        phase: 'rollback',
        title: 'Pause wave 2',
        ownerRole: 'Release manager',
        timeboxMin,
        checklist: [],
        stopConditionIds: [],
        waveIds: [],
      },
    },
  ],
];

const startFrames: Frame[] = [
  [
    'workbook:dispatch-command',
    {
      type: 'run.start',
      runId: 'run-e2e',
      runbookId: 'rb-e2e',
      mode: 'rehearsal',
      incidentId: '',
      title: 'Rehearsal e2e',
      severity: 'SEV4',
    },
  ],
  [
    'workbook:dispatch-command',
    { type: 'run.step', runId: 'run-e2e', stepId: 'st-pause', action: 'start', reason: '' },
  ],
];

test('a runbook step runs out of time: one alert in the main window and on the projector, one timeline entry', async ({
  page,
  context,
  host,
}) => {
  await page.goto(`${host.url}#/runbooks`);
  // A runbook and its step, typed in; a zero timebox is refused and says why.
  await page.getByRole('button', { name: 'Add runbook' }).click();
  await page.getByTestId('field-name').fill('Roll back wave 2');
  await page.getByTestId('save-item').click();
  const steps = page.getByRole('region', { name: 'Steps of Roll back wave 2' });
  await steps.getByTestId('step-title').fill('Pause wave 2');
  await steps.getByTestId('step-owner').fill('Release manager');
  await steps.getByTestId('step-timebox').fill('0');
  await steps.getByTestId('step-add').click();
  await expect(steps.getByTestId('step-error')).toHaveText('A timebox must be more than zero minutes');
  await expect(steps.getByTestId('step')).toHaveCount(0);
  await steps.getByTestId('step-timebox').fill('0.05'); // three seconds
  await steps.getByTestId('step-add').click();
  await expect(steps.getByTestId('step')).toHaveCount(1);

  const projector = await context.newPage();
  await projector.goto(`${host.url}#/projector`);
  await expect(projector.getByTestId('projector')).toHaveAttribute('data-state', 'live');

  await steps.getByTestId('run-start').click();
  const run = page.locator('[data-testid^="run-run-"]').filter({ hasText: 'Roll back wave 2' });
  await run.getByTestId('step-start').click();
  await expect(run.getByTestId('timer-text').first()).toContainText(/00:0[0-3] left|overdue/);
  await expect(projector.locator('[data-testid$="-s1"][data-testid^="pj-timer-"]')).toBeVisible();

  await expect(page.getByTestId('toast-error').filter({ hasText: 'Timer expired' })).toContainText(
    'Timer expired: Pause wave 2 (Roll back wave 2)',
  );
  await expect(projector.getByTestId('projector-timer-alert')).toContainText('TIMER EXPIRED — Pause wave 2');
  await expect(projector.locator('[data-testid$="-s1"][data-testid^="pj-timer-"]')).toContainText(
    'overdue by',
  );
  await page
    .getByTestId('incident-pick')
    .selectOption({ label: 'Drill: Rehearsal: Roll back wave 2 (open)' });
  const timeline = page.getByTestId('timeline');
  await expect(timeline.locator('[data-kind="alert"]')).toHaveCount(1);
  await page.waitForTimeout(2500);
  await expect(timeline.locator('[data-kind="alert"]')).toHaveCount(1);
  await expect(page.getByTestId('toast-error').filter({ hasText: 'Timer expired' })).toHaveCount(1);
  await run.getByTestId('step-done').click();
  await expect(run.getByTestId('run-step-status')).toContainText(/done in \d+ s/);
});

test('a host restart: a timer that ran out while it was down alerts once, as overdue; a second restart never again', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const dataDir = await mkdtemp(join(tmpdir(), 'warroom-e2e-timers-'));
  try {
    let host = await startWebHost({ dataDir });
    await send(host, [...runbookFrames(0.08), ...startFrames]); // about five seconds
    await host.stop();
    await page.waitForTimeout(11_000);

    host = await startWebHost({ dataDir });
    await page.goto(`${host.url}#/runbooks`);
    await expect(page.getByTestId('toast-error').filter({ hasText: 'Timer expired' })).toContainText(
      'Timer expired: Pause wave 2',
    );
    const alerts = page.getByTestId('timeline').locator('[data-kind="alert"]');
    await expect(alerts).toHaveCount(1);
    await expect(alerts).toContainText('Timer expired while the app was closed');
    await expect(
      page.getByTestId('live-timers').getByTestId('timer-run-e2e-s1').getByTestId('timer-text'),
    ).toContainText('overdue by');
    await host.stop();

    host = await startWebHost({ dataDir });
    await page.goto('about:blank');
    await page.goto(`${host.url}#/runbooks`);
    await expect(
      page.getByTestId('live-timers').getByTestId('timer-run-e2e-s1').getByTestId('timer-text'),
    ).toContainText('overdue by');
    await page.waitForTimeout(1500);
    await expect(page.getByTestId('toast-error').filter({ hasText: 'Timer expired' })).toHaveCount(0);
    await expect(page.getByTestId('timeline').locator('[data-kind="alert"]')).toHaveCount(1);
    await host.stop();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('a timeline CSV: a milestone out of order and an unknown kind are refused by row, a late row flagged, none re-sorted', async ({
  page,
  host,
}) => {
  await send(host, [...runbookFrames(30), ...startFrames]);
  await page.goto(`${host.url}#/runbooks`);
  const csv = [
    'time,kind,text,author,approx',
    '2026-11-24T11:00:00+01:00,detected,5xx alarm fired,PagerDuty,',
    '2026-11-24T10:12:00Z,mitigated,Flag turned off,Ines,',
    '2026-11-24T10:20:00Z,acknowledged,Ines took command,Ines,',
    '2026-11-24T10:05:00Z,observation,Error rate 4%,Sam,yes',
    '2026-11-24T10:30:00Z,escalate,Paged the DBA,Sam,',
    '2026-11-24T10:40:00Z,resolved,Back to normal,Ines,',
  ].join('\n');
  await page.getByTestId('import-timeline').click();
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'bridge-log.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv}\n`) });
  await page.getByTestId('import-option-incident').selectOption('run-e2e-inc');
  await page.getByTestId('import-to-preview').click();
  const bad = page.getByTestId('import-bad-row');
  await expect(bad).toHaveCount(2);
  await expect(bad.nth(0)).toContainText('4');
  await expect(bad.nth(0)).toContainText(
    "milestone out of order: 'acknowledged' at 10:20 UTC comes after 'mitigated' at 10:12 UTC (row 3)",
  );
  await expect(bad.nth(1)).toContainText("kind 'escalate' is not one of");
  // Nothing is imported while a row is bad; the late observation is flagged, not moved.
  const rows = page.getByTestId('import-preview-row');
  await expect(rows).toHaveCount(6);
  await expect(rows.nth(3)).toContainText('earlier than row 3: kept where it is');
  await expect(rows.nth(3)).toContainText('≈ 2026-11-24 10:05');
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  await page.getByTestId('import-cancel').click();

  // The file fixed: acknowledged before mitigated, the unknown kind named as a decision.
  const fixed = csv
    .replace('10:20:00Z,acknowledged', '10:03:00Z,acknowledged')
    .replace(',escalate,', ',decision,');
  await page.getByTestId('import-timeline').click();
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'bridge-log.csv', mimeType: 'text/csv', buffer: Buffer.from(`${fixed}\n`) });
  await page.getByTestId('import-option-incident').selectOption('run-e2e-inc');
  await page.getByTestId('import-to-preview').click();
  await expect(page.getByTestId('import-bad-row')).toHaveCount(0);
  await expect(rows.nth(2)).toContainText('earlier than row 3: kept where it is');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-dialog')).toHaveAttribute('data-step', 'done');
  await page.getByTestId('import-close').click();
  const kinds = page.getByTestId('timeline').getByTestId('timeline-entry').locator('td:nth-child(2)');
  // Shown in time order (the import's entries are from before the run started today).
  await expect(kinds).toHaveText([
    'detected',
    'acknowledged',
    'observation',
    'mitigated',
    'decision',
    'resolved',
    'action',
    'action',
  ]);
  const figures = page.getByTestId('incident-figures');
  await expect(figures).toContainText('Time to acknowledge3 min');
  await expect(figures).toContainText('Time to mitigate12 min');
  await expect(figures).toContainText('Time to resolve40 min');
});

test('an executive summary filled from the workbook, copied, and marked as sent: logged, cadence restarted', async ({
  page,
  context,
  host,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await send(host, [...runbookFrames(30), ...startFrames]);
  await page.goto(`${host.url}#/runbooks`);
  const composer = page.getByTestId('comms-composer');
  await composer.getByTestId('comms-audience').selectOption('executive');
  await composer.getByTestId('comms-conditions').fill('Quote PDFs time out for big baskets');
  await composer.getByTestId('comms-needs').fill('A DBA on the bridge');
  const preview = composer.getByTestId('comms-preview');
  await expect(preview).toContainText('Rehearsal e2e (SEV4)');
  await expect(preview).toContainText('Conditions: Quote PDFs time out for big baskets');
  await expect(preview).toContainText('Led by Erin Tester');
  // What the workbook cannot fill is marked, never left as a raw placeholder.
  await expect(composer.getByTestId('comms-gap').filter({ hasText: 'wave' })).toHaveText(
    '[wave: not filled]',
  );
  await expect(preview).not.toContainText('{{');
  await composer.getByTestId('comms-impact').fill('Quotes over 40 lines');
  await composer.getByTestId('comms-copy').click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('Needs: A DBA on the bridge');
  expect(copied).toContain('Customer impact: Quotes over 40 lines');
  await composer.getByTestId('comms-sent').click();
  const sent = page.getByTestId('timeline').locator('[data-kind="comms"]');
  await expect(sent).toHaveCount(1);
  await expect(sent).toContainText('Executive summary sent:');
  await expect(sent).toContainText('Needs: A DBA on the bridge');
  // The projector says when the next executive summary is due (SEV4: every 24 h after this one).
  await page.goto(`${host.url}#/projector`);
  await expect(page.getByTestId('pj-timer-run-e2e-inc-exe')).toContainText(
    /Executive summary.*next update due in 2\d:\d\d:\d\d/,
  );
});
