import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoViolations } from './axe';
import { expect, openListed, SAMPLE_REV, test, waitSaved, workbooksDir } from './fixtures';
import { openBoard, verdict } from './projector-kit';

// Waves, gates and the scorecard from the main window: readings typed in turn a gate, the
// verdict follows at once with its reason in every window and on the projector, the rules refuse
// an early promotion, and a poll answered here runs in order on the board to a recorded call.

interface Reading {
  metricId: string;
  at: string;
}

/**
 * The sample, as a new user gets it, minus the readings that make its story's breach: wave 2 is
 * live, its error gate has no recent data (HOLD), sign-in has no readings in its window and the
 * champions rota is staffed.
 */
async function quietDrill(page: Page, host: { samplePath: string; url: string; dataDir: string }) {
  await page.goto(host.url);
  await expect(page.getByTestId('workbook-name')).toBeVisible();
  const wb = JSON.parse(await readFile(host.samplePath, 'utf8'));
  const now = Date.now();
  const recent = (r: Reading, minutes: number) => now - Date.parse(r.at) < minutes * 60_000;
  wb.id = 'wb-quiet-drill';
  wb.name = 'Quiet drill';
  wb.waves.readings = wb.waves.readings.filter(
    (r: Reading) =>
      !((r.metricId === 'm-api-5xx' && recent(r, 16)) || (r.metricId === 'm-sso-login' && recent(r, 31))),
  );
  // Champions staffed, so the one amber check left (dashboards without fresh data) holds, not stops.
  const champions = wb.scorecard.assessments.find((a: { id: string }) => a.id === 'as-wave-2-go-champions');
  champions.status = 'green';
  await writeFile(join(workbooksDir(host as never), 'quiet-drill.rollout.json'), JSON.stringify(wb, null, 2));
  await openListed(page, 'quiet-drill.rollout.json');
  await expect(page.getByTestId('workbook-name')).toHaveText('Quiet drill');
}

/** Types a reading read off a dashboard `minutesAgo` minutes back (readings are per minute). */
async function record(page: Page, waveId: string, metric: string, value: string, minutesAgo: number) {
  const form = page.getByTestId(`wave-${waveId}`).getByTestId('reading-form');
  await form.getByTestId('reading-metric').selectOption({ label: metric });
  await form.getByTestId('reading-value').fill(value);
  const at = await page.evaluate((m) => {
    const ms = Date.now() - m * 60_000;
    return new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  }, minutesAgo);
  await form.getByTestId('reading-at').fill(at);
  await form.getByTestId('reading-submit').click();
  await expect(form.getByTestId('reading-value')).toHaveValue('');
}

test('readings typed in breach a stop condition mid-wave, and the verdict turns NO-GO at once, saying why', async ({
  page,
  host,
}) => {
  await quietDrill(page, host);
  const scorecard = await page.context().newPage();
  await scorecard.goto(`${host.url}#/scorecard`);
  await expect(scorecard.getByTestId('verdict-call')).toHaveText(/HOLD/);
  const projector = await page.context().newPage();
  await openBoard(projector, host);
  await expect(verdict(projector)).toHaveText('HOLD');
  // Typing happens in the main window; the others watch (a page in front paints at full speed).
  await page.bringToFront();

  await page.getByTestId('nav-waves').click();
  const wave2 = page.getByTestId('wave-wave-2');
  await expect(wave2.getByTestId('gate-sc-login').getByTestId('gate-status')).toHaveText(/Inconclusive/);
  await record(page, 'wave-2', 'SSO login success', '93.5', 3);
  await record(page, 'wave-2', 'SSO login success', '92.1', 1);
  const acked = Date.now();

  // The gate and the wave's decision on this page...
  await expect(wave2.getByTestId('gate-sc-login').getByTestId('gate-status')).toHaveText(/Hold/);
  await expect(wave2.getByTestId('gate-sc-login').getByTestId('gate-reason')).toContainText(
    'Pause: all 2 readings of SSO login success in the last 30 min are < 97%',
  );
  // ...and the verdict in the other window and on the projector, within a second.
  await expect(scorecard.getByTestId('verdict-call')).toHaveText(/NO-GO/, { timeout: 1000 });
  await expect(verdict(projector)).toHaveText('NO-GO', { timeout: 1000 });
  expect(Date.now() - acked).toBeLessThan(1000);
  const breach = projector.getByTestId('projector-breach').filter({ hasText: 'SSO login success' });
  await expect(breach).toContainText('Pause');
  await expect(breach).toContainText('Incident commander');
  await expect(scorecard.getByTestId('verdict-reasons')).toContainText(
    'NO-GO: stop condition breached. Pause: all 2 readings of SSO login success',
  );
  // Raised once in every window as an alert, naming the action and who may call it.
  await expect(scorecard.getByTestId('toast-error').filter({ hasText: 'SSO login success' })).toContainText(
    'Called by Incident commander',
  );

  // A reading that is not a number is refused where it was typed; nothing is recorded.
  const form = wave2.getByTestId('reading-form');
  await form.getByTestId('reading-value').fill('lots');
  await form.getByTestId('reading-submit').click();
  await expect(form.getByTestId('reading-error-value')).toHaveText('The value must be a number, like 2.4');
  // A time before the wave went live is refused by the host, saying where.
  await form.getByTestId('reading-value').fill('99');
  await form.getByTestId('reading-at').fill('2020-01-01T10:00');
  await form.getByTestId('reading-submit').click();
  await expect(form.getByTestId('reading-error-at')).toContainText(
    'is before Wave 2: early regions went live',
  );
});

test('a promotion before the hold ends is refused; an override must say why, and is kept', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#/waves`);
  const wave2 = page.getByTestId('wave-wave-2');
  const before = await readFile(host.samplePath);
  await wave2.getByTestId('move-promoted').click();
  const panel = wave2.getByTestId('move-panel');
  await expect(panel.getByTestId('move-blockers')).toContainText(/The 72 h hold ends at .* \(in 2 days/);
  await expect(panel.getByTestId('move-blockers')).toContainText('Gate Sales API 5xx rate: Roll back');
  await panel.getByTestId('move-reason').fill('Sales wants it before the quarter closes');
  await panel.getByTestId('move-submit').click();
  await expect(panel.getByTestId('move-error')).toHaveText(
    'The rules refuse this move now; to make it anyway, say why in the override.',
  );
  expect((await readFile(host.samplePath)).equals(before)).toBe(true);
  await expectNoViolations(page, 'waves, a refused promotion');

  // Rolling back needs only a reason; the story records who and why.
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await wave2.getByTestId('move-rolled-back').click();
  await wave2.getByTestId('move-reason').fill('5xx rate over 2% for 15 minutes: rolling back by the book.');
  await wave2.getByTestId('move-submit').click();
  await expect(wave2.getByTestId('wave-state')).toHaveText('Rolled back');
  await waitSaved(page, SAMPLE_REV + 1);
  const wb = JSON.parse(await readFile(host.samplePath, 'utf8'));
  expect(wb.waves.waves[1].moves.at(-1)).toMatchObject({
    from: 'live',
    to: 'rolled-back',
    by: 'Erin Tester',
    reason: '5xx rate over 2% for 15 minutes: rolling back by the book.',
    override: '',
  });
});

test('a poll of three positions answered here shows on the projector in order; the final call keeps the board as it stood', async ({
  page,
  host,
}) => {
  const projector = await page.context().newPage();
  await openBoard(projector, host);
  const board = projector.getByTestId('projector-poll');
  const rows = board.getByTestId('projector-position');
  await page.bringToFront();
  await page.goto(`${host.url}#/scorecard`);
  await page.getByText('A list I write').click();
  await page
    .getByTestId('poll-custom')
    .fill('Flight director — Amara Okafor\nIncident commander — Dmitri Halloran\nSupport lead — Ines Vidal');
  await page.getByTestId('poll-start-submit').click();
  const running = page.getByTestId('poll-running');
  const positions = running.getByTestId('poll-position');
  await expect(positions).toHaveCount(3);
  await expect(positions.nth(0)).toContainText('answering now');
  await expect(rows).toHaveText([
    /TO ANSWER\s*Flight director/,
    /WAITING\s*Incident commander/,
    /WAITING\s*Support lead/,
  ]);
  await running.getByTestId('poll-answer-GO').click();
  await expect(positions.nth(0)).toContainText('GO');
  await expect(rows.nth(1)).toHaveAttribute('data-answer', 'turn');
  await running.getByTestId('poll-reason').fill('The 5xx rate is over its stop condition');
  await running.getByTestId('poll-answer-NO-GO').click();
  await expect(positions.nth(1)).toContainText('NO-GO');
  await running.getByTestId('poll-answer-HOLD').click();
  await expect(positions.nth(2)).toContainText('HOLD');
  await expect(board).toContainText('3 of 3 answered');
  await expect(rows).toHaveText([
    /^GO\s*Flight director/,
    /^NO-GO\s*Incident commander/,
    /^HOLD\s*Support lead/,
  ]);
  await expect(rows.nth(1)).toContainText('The 5xx rate is over its stop condition');
  await expectNoViolations(page, 'scorecard, a poll waiting for its final call');
  await expect(running.getByTestId('poll-call')).toHaveValue('NO-GO');
  await running.getByTestId('poll-close-reason').fill('Roll back wave 2 first.');
  await running.getByTestId('poll-close').click();
  await expect(running).toBeHidden();
  await expect(page.getByTestId('poll-past').first()).toContainText('final call');
  await expect(projector.getByTestId('projector-final-call-tag')).toHaveText('NO-GO');
  await expect(board).toContainText('Roll back wave 2 first.');

  // Started, three answers, closed: five changes, all on disk.
  await waitSaved(page, SAMPLE_REV + 5);
  const poll = JSON.parse(await readFile(host.samplePath, 'utf8')).scorecard.polls.at(-1);
  expect(poll.answers.map((a: { answer: string }) => a.answer)).toEqual(['GO', 'NO-GO', 'HOLD']);
  expect(poll.outcome).toMatchObject({
    kind: 'call',
    call: 'NO-GO',
    reason: 'Roll back wave 2 first.',
    by: 'Erin Tester',
  });
  expect(poll.outcome.snapshot.verdict).toBe('NO-GO');
  expect(poll.outcome.snapshot.reasons[0]).toMatch(
    /^NO-GO: stop condition breached\. Roll back: all 4 readings of Sales API 5xx rate/,
  );

  // Replayed step by step.
  await page.getByTestId('poll-past').first().getByTestId('poll-replay').click();
  await page.getByTestId('poll-replay-next').click();
  await expect(page.getByTestId('poll-replay-steps').locator('li')).toHaveCount(1);
});

test('a check changes only with a reason, and the change is kept with who and why', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#/scorecard`);
  const row = page.getByTestId('check-go-champions');
  await row.getByTestId('check-change').click();
  const form = row.getByTestId('assess-form');
  await form.getByLabel('Green').check();
  await form.getByTestId('assess-submit').click();
  await expect(form.getByTestId('assess-error')).toContainText('a status never changes without a reason');
  await expectNoViolations(page, 'scorecard, a check being changed');
  await form.getByTestId('assess-reason').fill('Leah Brandt now also covers field sales.');
  await form.getByTestId('assess-submit').click();
  await expect(row.getByTestId('check-status')).toHaveText(/Green/);
  await expect(page.getByTestId('assess-history')).toContainText('Leah Brandt now also covers field sales.');
  await expect(page.getByTestId('assess-history')).toContainText('Erin Tester');
});

test('a wave added to the plan starts planned; editing a live wave’s plan keeps its state and story', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#/waves`);
  const plan = page.getByTestId('collection-waves-waves');
  await plan.getByTestId('add-item').click();
  await page.getByTestId('field-name').fill('Wave 4: partners');
  await page.getByTestId('field-audiencePercent').fill('100');
  await page.getByTestId('field-holdHours').fill('24');
  await page.getByTestId('save-item').click();
  // Its card (cards are in plan order) says it has not started.
  await expect(page.locator('[data-testid^="wave-wave-"]').last()).toContainText('Wave 4: partners');
  await plan.getByTestId('item-wave-2').getByTestId('edit-item').click();
  await page.getByTestId('field-holdHours').fill('48');
  await page.getByTestId('save-item').click();
  await waitSaved(page, SAMPLE_REV + 2);
  const wb = JSON.parse(await readFile(host.samplePath, 'utf8'));
  expect(wb.waves.waves.at(-1)).toMatchObject({
    name: 'Wave 4: partners',
    state: 'planned',
    startedAt: null,
    moves: [],
  });
  expect(wb.waves.waves[1]).toMatchObject({ holdHours: 48, state: 'live' });
  expect(wb.waves.waves[1].moves).toHaveLength(1);
});
