import { expect, test } from '../e2e/fixtures';
import { shot } from './shots';

// README's pictures of a drill in progress (`npm run screenshots`): the sample's permissions-outage
// scenario run at 60×, paused just after the second inject with a card played, an answer logged
// and a question up: the facilitator's screen, the projector and the participants' screen.

for (const theme of ['light', 'dark'] as const) {
  test.describe(theme, () => {
    test.use({ colorScheme: theme });
    test(`a drill in progress, ${theme}`, async ({ page, context, host }) => {
      test.setTimeout(90_000);
      await page.goto(`${host.url}#/drills`);
      await page.getByTestId('run-facilitator').fill('Dmitri Halloran');
      await page.getByTestId('run-this-scenario').click();
      const run = page.getByTestId('drill-run');
      const projector = await context.newPage();
      await projector.goto(`${host.url}#/projector`);
      const participant = await context.newPage();
      // Opened from the facilitator's link, as the facilitator would (it names the run).
      const link = await run.getByTestId('open-participant').getAttribute('href');
      await participant.goto(`${host.url}${link}`);

      await run.getByTestId('start-speed').selectOption('60');
      await run.getByTestId('drill-start').click();
      await expect(run.getByTestId('fired-inj-1')).toBeVisible();
      await run.getByTestId('log-who').fill('Jun Park');
      await run.getByTestId('log-kind').selectOption('detected');
      await run.getByTestId('log-expected').selectOption('exp-1a');
      await run.getByTestId('log-text').fill('Saw the three tickets share one role');
      await run.getByTestId('log-add').click();
      await run.getByTestId('card-title').fill('The CFO asks whether invoicing is affected');
      await run.getByTestId('card-to').fill('Incident commander, Comms lead');
      await run.getByTestId('card-detail').fill('She needs an answer before her 11:00 with the board.');
      await run.getByTestId('card-play-now').click();
      await run.getByTestId('drill-question').selectOption('0');
      await expect(run.getByTestId('fired-inj-2')).toBeVisible({ timeout: 25_000 });
      await run.getByTestId('drill-pause').click();
      await expect(participant.getByTestId('drill-state')).toContainText('paused');
      await expect(participant.getByTestId('fired-inj-2')).toBeVisible();
      await expect(projector.getByTestId('fired-inj-2')).toBeVisible();

      await page.locator('#main').evaluate((m) => {
        m.scrollTop = 0;
      });
      await shot(page, `drill-run-facilitator-${theme}`);
      await projector.getByTestId('projector-drill').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot(projector, `drill-run-projector-${theme}`);
      await shot(participant, `drill-run-participant-${theme}`);
    });
  });
}
