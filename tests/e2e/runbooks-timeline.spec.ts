import { WindowClient } from '../support/window-client';
import { expectNoViolations } from './axe';
import { expect, test } from './fixtures';
import { type Frame, send } from './projector-kit';

// Correcting a time on the incident timeline, on the real host and real Chromium, by keyboard:
// the corrected entry moves to its place in time order with the first time kept beside it; a
// correction that would put a milestone out of order is refused, says why, and changes nothing
// (on screen and in the host's workbook).

test.use({ timezoneId: 'UTC' });

const INC = 'run-tl-inc';
const at = (hhmm: string) => `2026-11-24T${hhmm}:00.000Z`;
const log = (time: string, kind: string, milestone: string, text: string): Frame => [
  'workbook:dispatch-command',
  { type: 'incident.log', incidentId: INC, at: at(time), kind, milestone, text, approximate: false },
];

const setup: Frame[] = [
  [
    'workbook:dispatch-command',
    {
      type: 'item.add',
      collection: 'runbooks.runbooks',
      item: { id: 'rb-tl', name: 'Roll back', purpose: '' },
    },
  ],
  [
    'workbook:dispatch-command',
    {
      type: 'runbook.step-save',
      runbookId: 'rb-tl',
      step: {
        id: 'st-tl',
        phase: 'rollback',
        title: 'Pause the wave',
        ownerRole: 'Release manager',
        timeboxMin: 30,
        checklist: [],
        stopConditionIds: [],
        waveIds: [],
      },
    },
  ],
  [
    'workbook:dispatch-command',
    {
      type: 'run.start',
      runId: 'run-tl',
      runbookId: 'rb-tl',
      mode: 'rehearsal',
      incidentId: '',
      title: 'Timeline drill',
      severity: 'SEV2',
    },
  ],
  log('10:00', 'milestone', 'detected', ''),
  log('10:05', 'milestone', 'acknowledged', ''),
  log('10:10', 'observation', '', 'Error rate 4%'),
  log('10:20', 'milestone', 'mitigated', ''),
];

test('a timeline time corrected by keyboard keeps the original beside it and re-orders; an out-of-order correction is refused', async ({
  page,
  host,
}) => {
  await send(host, setup);
  await page.goto(`${host.url}#/runbooks`);
  const panel = page.getByTestId(`incident-${INC}`);
  const rows = panel.getByTestId('timeline-entry');
  const kinds = rows.locator('td:nth-child(2)');
  await expect(kinds.first()).toHaveText('detected');
  const before = await kinds.allTextContents();
  expect(before.slice(0, 4)).toEqual(['detected', 'acknowledged', 'observation', 'mitigated']);

  // The observation was really at 10:25: Tab-reachable button, Enter, type, Enter.
  const correct = panel.getByRole('button', { name: 'Correct time of observation at 10:10:00' });
  await correct.focus();
  await page.keyboard.press('Enter');
  const input = panel.getByTestId('correct-at');
  await expect(input).toBeFocused();
  await input.fill('2026-11-24T10:25:00');
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('correct-form')).toHaveCount(0);
  await expect(kinds).toHaveText([
    'detected',
    'acknowledged',
    'mitigated',
    'observation',
    ...before.slice(4),
  ]);
  const moved = rows.nth(3);
  await expect(moved.getByTestId('entry-time')).toHaveText('10:25:00');
  await expect(moved.getByTestId('entry-original')).toHaveText('first logged 10:10:00');
  await expect(panel.getByRole('button', { name: 'Correct time of observation at 10:25:00' })).toBeFocused();

  // "Acknowledged" moved after "mitigated": refused with the reason, nothing changed.
  const other = await WindowClient.connect(host.url, 'checker');
  const revision = (await other.call('session:get-state')).workbook!.revision;
  await panel.getByRole('button', { name: 'Correct time of acknowledged at 10:05:00' }).focus();
  await page.keyboard.press('Enter');
  await input.fill('2026-11-24T10:30:00');
  await page.keyboard.press('Enter');
  const error = panel.getByTestId('correct-error');
  await expect(error).toHaveText('"acknowledged" at 10:30 UTC cannot come after "mitigated" at 10:20 UTC');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expectNoViolations(page, 'timeline with a refused time correction');
  await expect(kinds).toHaveText([
    'detected',
    'acknowledged',
    'mitigated',
    'observation',
    ...before.slice(4),
  ]);
  await expect(rows.nth(1).getByTestId('entry-time')).toHaveText('10:05:00');
  await expect(rows.nth(1).getByTestId('entry-original')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(panel.getByTestId('correct-form')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Correct time of acknowledged at 10:05:00' })).toBeFocused();

  // The host's workbook says the same: the refused correction left no trace.
  try {
    const wb = (await other.call('session:get-state')).workbook!;
    const timeline = wb.runbooks.incidents.find((i) => i.id === INC)!.timeline;
    const ack = timeline.find((e) => e.milestone === 'acknowledged')!;
    expect([ack.at, ack.originalAt]).toEqual([at('10:05'), null]);
    const obs = timeline.find((e) => e.kind === 'observation')!;
    expect([obs.at, obs.originalAt]).toEqual([at('10:25'), at('10:10')]);
    expect(wb.revision).toBe(revision);
  } finally {
    other.close();
  }
});
