import { WindowClient } from '../support/window-client';
import { expect, test } from './fixtures';
import { send } from './projector-kit';

// A runbook step names the stop conditions and waves it acts on: picked in the add-step form by
// keyboard (Tab, Space), listed with the step, kept by the host, and shown on a run of it. A link
// to something the workbook does not have is refused by the host, naming it.

test('a step linked to a stop condition and a wave by keyboard shows its links on the runbook and on a run', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#/runbooks`);
  const steps = page.getByRole('region', { name: 'Steps of Roll back a wave' });
  await steps.getByTestId('step-title').fill('Check sign-ins recover');
  await steps.getByTestId('step-owner').fill('Identity on-call');
  await steps.getByTestId('step-timebox').fill('10');
  const stop = steps.getByTestId('step-stops').getByRole('checkbox', { name: 'SSO login success' });
  await stop.focus();
  await page.keyboard.press('Space');
  await expect(stop).toBeChecked();
  const wave = steps.getByTestId('step-waves').getByRole('checkbox', { name: 'Wave 1: canary' });
  await wave.focus();
  await page.keyboard.press('Space');
  await steps.getByTestId('step-add').click();
  const added = steps.getByTestId('step').filter({ hasText: 'Check sign-ins recover' });
  await expect(added).toContainText('stop conditions: SSO login success · waves: Wave 1: canary');
  // The form is blank again, links included.
  await expect(stop).not.toBeChecked();

  const other = await WindowClient.connect(host.url, 'checker');
  try {
    const wb = (await other.call('session:get-state')).workbook!;
    const saved = wb.runbooks.runbooks
      .find((b) => b.id === 'rb-rollback')!
      .steps.find((s) => s.title === 'Check sign-ins recover')!;
    expect([saved.stopConditionIds, saved.waveIds]).toEqual([['sc-login'], ['wave-1']]);
    // A link to a stop condition that is not in the workbook: refused, naming it.
    const refused = await other
      .call('workbook:dispatch-command', {
        type: 'runbook.step-save',
        runbookId: 'rb-rollback',
        step: { ...saved, stopConditionIds: ['sc-gone'] },
      })
      .then(
        () => 'accepted',
        (e: Error) => e.message,
      );
    expect(refused).toContain('links to stop condition "sc-gone", which this workbook does not have');
  } finally {
    other.close();
  }

  await send(host, [
    [
      'workbook:dispatch-command',
      {
        type: 'run.start',
        runId: 'run-links',
        runbookId: 'rb-rollback',
        mode: 'rehearsal',
        incidentId: '',
        title: 'Links drill',
        severity: 'SEV3',
      },
    ],
  ]);
  const run = page.getByTestId('run-run-links');
  await expect(run.getByTestId('run-step-st-flag').getByTestId('run-step-links')).toHaveText(
    'acts on wave Wave 2: early regions',
  );
  await expect(run.getByTestId('run-step-st-confirm').getByTestId('run-step-links')).toHaveText(
    'acts on stop condition Sales API 5xx rate',
  );
  await expect(
    run.locator('tr', { hasText: 'Check sign-ins recover' }).getByTestId('run-step-links'),
  ).toHaveText('acts on stop condition SSO login success · wave Wave 1: canary');
  await expect(run.getByTestId('run-step-st-page').getByTestId('run-step-links')).toHaveCount(0);
});
