import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebHost } from '../support/web-host';
import { expect, test } from './fixtures';
import { type Frame, send } from './projector-kit';

// Runbooks against the clock, on the real host and real Chromium: a step's timer expires and
// alerts in the main window and on the projector, once, with one timeline entry; a host restart
// while a timer runs alerts once (as overdue) and a restart after the alert never alerts again.

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
  const steps = page.locator('[data-testid^="steps-rb"]');
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

  await page.getByTestId('run-start').click();
  const run = page.locator('[data-testid^="run-run-"]');
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
