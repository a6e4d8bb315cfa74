import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expectNoViolations } from './axe';
import { expect, test } from './fixtures';
import { type Frame, send } from './projector-kit';

// A tabletop drill on the real host and real Chromium: the sample's permissions-outage scenario
// run at 60× with the projector and the participants' screen open. Injects appear in all three
// windows, stamped at their scheduled drill time; the participants' screen never shows an
// expected action (or what is coming); a card is played; an answer is logged against its
// expected action; pause, fire now, resume; a runbook started inside the drill runs out of time
// and alerts; a comms template is marked sent; the drill finishes. At 60× the hour-long scenario
// takes a minute: inj-1 at T+0, inj-2 at 15 s, inj-3 at 30 s, inj-4 at 40 s (wall).

interface Inject {
  id: string;
  title: string;
  expected: { id: string; text: string }[];
}
const scenario: { injects: Inject[] } = JSON.parse(
  readFileSync('resources/scenarios/permissions-outage.scenario.json', 'utf8'),
).scenario;
const EXPECTED = scenario.injects.flatMap((i) => i.expected.map((e) => e.text));
const UPCOMING_TITLES = (fired: string[]) =>
  scenario.injects.filter((i) => !fired.includes(i.id)).map((i) => i.title);

// A runbook whose one step has a three-second timebox, so its timer runs out during the drill.
const shortRunbook: Frame[] = [
  [
    'workbook:dispatch-command',
    {
      type: 'item.add',
      collection: 'runbooks.runbooks',
      item: { id: 'rb-e2e', name: 'Revert the role mapping', purpose: '' },
    },
  ],
  [
    'workbook:dispatch-command',
    {
      type: 'runbook.step-save',
      runbookId: 'rb-e2e',
      step: {
        id: 'st-revert',
        phase: 'rollback',
        title: 'Revert the mapping',
        ownerRole: 'Identity lead',
        timeboxMin: 0.05,
        checklist: [],
        stopConditionIds: [],
        waveIds: [],
      },
    },
  ],
];

/** The participants' screen shows no expected action and no inject that has not fired. */
async function showsOnlyFired(participant: Page, fired: string[]) {
  const text = await participant.getByTestId('participant-page').textContent();
  for (const e of EXPECTED) expect(text, 'the participants must not see an expected action').not.toContain(e);
  for (const t of UPCOMING_TITLES(fired))
    expect(text, 'the participants must not see what is coming').not.toContain(t);
}

test('a drill at 60×: injects on time in three windows, a card, a logged answer, pause/fire now/resume, a runbook timer, finish', async ({
  page,
  context,
  host,
}) => {
  test.setTimeout(120_000);
  await send(host, shortRunbook);
  await page.goto(`${host.url}#/drills`);
  await expect(page.getByTestId('exercise-mark').first()).toHaveText(/EXERCISE/);
  await page.getByTestId('run-facilitator').fill('Dmitri Halloran');
  await page.getByTestId('run-scenario').selectOption('lib-permissions-outage');
  await page.getByTestId('run-this-scenario').click();
  const run = page.getByTestId('drill-run');
  await expect(run).toBeVisible();
  await expect(page.getByTestId('exercise-mark')).toBeVisible();

  const projector = await context.newPage();
  await projector.goto(`${host.url}#/projector`);
  await expect(projector.getByTestId('projector')).toHaveAttribute('data-state', 'live');
  const participant = await context.newPage();
  // Opened from the facilitator's link, as the facilitator would (it names the run).
  const link = await run.getByTestId('open-participant').getAttribute('href');
  await participant.goto(`${host.url}${link}`);
  await expect(participant.getByTestId('drill-state')).toHaveText('not started');

  await run.getByTestId('start-speed').selectOption('60');
  await run.getByTestId('drill-start').click();
  const pages = [page, projector, participant];
  const seen = async (id: string, drillTime?: string) => {
    for (const p of pages) {
      const item = p.getByTestId(`fired-${id}`);
      await expect(item).toBeVisible({ timeout: 25_000 });
      if (drillTime) await expect(item).toContainText(drillTime);
    }
  };
  await seen('inj-1', 'T+00:00');
  await expect(participant.getByTestId('exercise-mark')).toBeVisible();
  await expect(projector.getByTestId('projector-drill').getByTestId('exercise-mark')).toBeVisible();
  // The facilitator sees what is expected; the participants do not.
  await expect(run.getByTestId('upcoming')).toContainText(scenario.injects[1]!.expected[0]!.text);
  await showsOnlyFired(participant, ['inj-1']);

  // An answer to inj-1, logged against its expected action.
  await run.getByTestId('log-who').fill('Jun Park');
  await run.getByTestId('log-kind').selectOption('detected');
  await run.getByTestId('log-expected').selectOption('exp-1a');
  await run.getByTestId('log-text').fill('Paged the identity on-call');
  await run.getByTestId('log-add').click();
  await expect(run.getByTestId('log-table')).toContainText(scenario.injects[0]!.expected[0]!.text);
  await expect(run.getByTestId('log-table')).toContainText('Jun Park');

  // A card written into the hand, then played.
  await run.getByTestId('card-title').fill('The CFO asks whether invoices are affected');
  await run.getByTestId('card-to').fill('Incident commander');
  await run.getByTestId('card-keep').click();
  await run.getByTestId('play-card').click();
  await expect(participant.getByTestId('participant-feed')).toContainText(
    'The CFO asks whether invoices are affected',
  );
  await expect(projector.getByTestId('projector-drill-feed')).toContainText(
    'The CFO asks whether invoices are affected',
  );

  // Pause, fire inj-3 now (it fires now, at the paused time), resume: inj-2 then fires on schedule.
  await page.keyboard.press('Escape');
  await run.getByTestId('drill-pause').click();
  await expect(participant.getByTestId('drill-state')).toContainText('paused');
  await page.waitForTimeout(1500);
  await run.getByTestId('fire-inj-3').click();
  await seen('inj-3');
  await expect(participant.getByTestId('fired-inj-3')).toContainText('fired now');
  await expect(participant.getByTestId('fired-inj-3')).not.toContainText('T+30:00');
  // Resume from the keyboard: Space, with the focus on the page rather than on a button.
  await page.locator('#main').focus();
  await page.keyboard.press('Space');
  await expect(participant.getByTestId('drill-state')).toContainText('running at 60×');
  await seen('inj-2', 'T+15:00');
  await showsOnlyFired(participant, ['inj-1', 'inj-2', 'inj-3']);

  // A runbook inside the drill: a rehearsal on the drill's incident, its step timer runs out.
  await run.getByTestId('drill-runbook').selectOption('rb-e2e');
  await run.getByTestId('drill-runbook-start').click();
  await expect(run.getByTestId('log-table')).toContainText('Started runbook "Revert the role mapping"');
  await run.getByTestId('drill-tools').getByTestId('step-start').click();
  await expect(page.getByTestId('toast-error').filter({ hasText: 'Timer expired' })).toContainText(
    'Timer expired: Revert the mapping',
  );
  await expect(projector.getByTestId('projector-timer-alert')).toContainText('Revert the mapping');
  // A comms template marked sent on the drill's incident, and logged.
  await run.getByTestId('comms-sent').click();
  await expect(run.getByTestId('log-table')).toContainText('sent (comms template)');

  await seen('inj-4', 'T+40:00');
  await showsOnlyFired(participant, ['inj-1', 'inj-2', 'inj-3', 'inj-4']);
  await run.getByTestId('drill-finish').click();
  await expect(participant.getByTestId('drill-state')).toContainText('finished');
  await expect(run.getByTestId('drill-state')).toContainText('finished');
  await showsOnlyFired(participant, ['inj-1', 'inj-2', 'inj-3', 'inj-4']);
});

test('bad input on the run screen: a speed of 61 is refused by the host and changes nothing', async ({
  host,
}) => {
  await send(host, [
    [
      'workbook:dispatch-command',
      { type: 'drills.run-create', runId: 'd-bad', scenarioId: 'lib-permissions-outage', facilitator: 'Fay' },
    ],
    ['workbook:dispatch-command', { type: 'drills.run-start', runId: 'd-bad', speed: 10, severity: 'SEV2' }],
  ]);
  await expect(
    send(host, [
      ['workbook:dispatch-command', { type: 'drills.run-clock', runId: 'd-bad', action: 'speed', speed: 61 }],
    ]),
  ).rejects.toThrow(/between 1× and 60×/);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the facilitator's and participants' screens of a running drill have no axe violations, ${theme}`, async ({
    page,
    context,
    host,
  }) => {
    await page.emulateMedia({ colorScheme: theme });
    await send(host, [
      [
        'workbook:dispatch-command',
        {
          type: 'drills.run-create',
          runId: 'd-axe',
          scenarioId: 'lib-permissions-outage',
          facilitator: 'Fay',
        },
      ],
      ['workbook:dispatch-command', { type: 'drills.run-start', runId: 'd-axe', speed: 1, severity: 'SEV2' }],
      ['workbook:dispatch-command', { type: 'drills.run-question', runId: 'd-axe', index: 0 }],
    ]);
    await page.goto(`${host.url}#/drills`);
    await page.getByTestId('drill-run-d-axe').getByTestId('open-drill-run').click();
    await expect(page.getByTestId('fired-inj-1')).toBeVisible();
    await expectNoViolations(page, `drill run (${theme})`);
    const participant = await context.newPage();
    await participant.emulateMedia({ colorScheme: theme });
    await participant.goto(`${host.url}#/drill-room?run=d-axe`);
    await expect(participant.getByTestId('fired-inj-1')).toBeVisible();
    await expectNoViolations(participant, `participants' screen (${theme})`);
  });
}
