import { join } from 'node:path';
import { expect, test } from '../e2e/fixtures';

// `npm run screenshots`: a runbook run against the clock, the incident timeline, the comms
// composer, and the projector with its timers, on the sample's live 5xx incident.

const OUT = 'docs/screenshots';

for (const theme of ['light', 'dark'] as const) {
  test.describe(theme, () => {
    test.use({ colorScheme: theme, viewport: { width: 1440, height: 1200 }, timezoneId: 'UTC' });

    test('runbook run, timeline and comms', async ({ page, host }) => {
      await page.goto(`${host.url}#/runbooks`);
      const timers = page.getByTestId('live-timers');
      await expect(timers.getByTestId('timer-run-live-s2')).toBeVisible();
      // The sample's clocks are paused; the commander resumes triage.
      await timers.getByTestId('timer-run-live-s2').getByRole('button', { name: 'Resume' }).click();
      await expect(timers.getByTestId('timer-run-live-s2').getByTestId('timer-text')).toContainText('left');
      for (const dismiss of await page.getByTestId('toast-dismiss').all()) await dismiss.click();
      const run = page.getByTestId('run-run-live');
      await run.scrollIntoViewIfNeeded();
      await run.screenshot({ path: join(OUT, `runbook-run-${theme}.png`) });
      // The step editor with its links to stop conditions and waves.
      const steps = page.getByRole('region', { name: 'Steps of Roll back a wave' });
      await steps.getByTestId('step-title').fill('Check sign-ins recover');
      await steps.getByTestId('step-stops').getByRole('checkbox', { name: 'SSO login success' }).check();
      await steps.getByTestId('step-waves').getByRole('checkbox', { name: 'Wave 2: early regions' }).check();
      await steps.scrollIntoViewIfNeeded();
      await steps.screenshot({ path: join(OUT, `runbook-steps-${theme}.png`) });
      // The timeline: the sample's corrected observation shows its first time; a correction that
      // would put "acknowledged" before "detected" is refused in its row, saying why.
      const incident = page.getByTestId('incident-inc-api-5xx');
      // The sample is moved to today, so the refused time is a minute before its "detected".
      const detected = await incident
        .getByTestId('timeline-entry')
        .filter({ hasText: 'detected' })
        .getByTestId('entry-time')
        .textContent();
      await incident.getByRole('button', { name: /^Correct time of acknowledged/ }).click();
      const input = incident.getByTestId('correct-at');
      const early = Date.parse(`${(await input.inputValue()).slice(0, 10)}T${detected}Z`) - 60_000;
      await input.fill(new Date(early).toISOString().slice(0, 19));
      await incident.getByTestId('correct-save').click();
      await expect(incident.getByTestId('correct-error')).toContainText('cannot come before');
      await incident.scrollIntoViewIfNeeded();
      await incident.screenshot({ path: join(OUT, `timeline-${theme}.png`) });
      const composer = page.getByTestId('comms-composer');
      await composer.getByTestId('comms-audience').selectOption('executive');
      await composer.getByTestId('comms-conditions').fill('Sales API 5xx at 2.6% in the UK; Ireland normal');
      await composer.getByTestId('comms-actions').fill('Wave 2 held; deciding between pause and roll back');
      await composer.scrollIntoViewIfNeeded();
      await composer.screenshot({ path: join(OUT, `comms-${theme}.png`) });
    });
  });
}

test.describe('projector', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('the board with its timers', async ({ page, host }) => {
    await page.goto(`${host.url}#/runbooks`);
    const timers = page.getByTestId('live-timers');
    for (const id of ['run-live-s2', 'inc-api-5xx-cus', 'inc-api-5xx-exe']) {
      await timers.getByTestId(`timer-${id}`).getByRole('button', { name: 'Resume' }).click();
      await expect(timers.getByTestId(`timer-${id}`).getByTestId('timer-text')).toContainText('left');
    }
    await page.goto(`${host.url}#/projector`);
    const panel = page.getByTestId('projector-timers');
    await expect(panel).toContainText('next update due in');
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, 'projector-timers.png') });
    await panel.screenshot({ path: join(OUT, 'projector-timers-panel.png') });
  });
});
