import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { emptyWorkbook } from '../../shared/schema/workbook';
import { startWebHost, type WebHost } from '../support/web-host';
import { expectNoViolations } from './axe';
import { expect, openListed, SAMPLE_REV, test, waitSaved, workbooksDir } from './fixtures';
import { openBoard, scanText, send } from './projector-kit';

// The CAB end to end, in real Chromium against real hosts: decisions recorded in review mode;
// a change from another window flagged "changed since approval" with its diff on the main page
// and the projector; a reviewer on another machine (another data folder) signing a decision file
// that the owner imports, and a tampered file or one for another workbook refused with nothing
// written. (The packet's HTML and PDF are in cab-packet.spec.ts.)

async function openReview(page: Page, host: WebHost): Promise<void> {
  await page.goto(`${host.url}#/review`);
  await expect(page.getByTestId('review-mode')).toBeVisible();
  // The form is ready once this window has hashed the plan it shows.
  await expect(page.getByTestId('decision-submit')).toBeEnabled();
}

async function decide(page: Page, kind: string, comment: string, conditions = ''): Promise<void> {
  await page.getByTestId(`decision-${kind}`).check();
  if (conditions) await page.getByTestId('decision-conditions').fill(conditions);
  await page.getByTestId('decision-comment').fill(comment);
  await page.getByTestId('decision-submit').click();
}

const rows = (page: Page, reviewer: string) =>
  page.locator(`[data-testid="decision-row"][data-reviewer="${reviewer}"]`);

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const waiting = page.waitForEvent('download');
  await click();
  const download: Download = await waiting;
  return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
}

test('decide in review mode; a change from another window is flagged on every page until re-reviewed', async ({
  page,
  host,
  context,
}) => {
  await openReview(page, host);
  // The sample's two approvals are on the current plan: the quorum is met, with conditions.
  await expect(page.getByTestId('quorum-state')).toHaveAttribute('data-status', 'approved-with-conditions');
  await expect(page.getByTestId('changed-since-approval')).toHaveCount(0);

  // Bad input first: conditions are needed for a conditional approval, a comment for any decision.
  await page.getByTestId('decision-approve-with-conditions').check();
  await page.getByTestId('decision-comment').fill('Looks right.');
  await page.getByTestId('decision-submit').click();
  await expect(page.getByTestId('decision-conditions-error')).toHaveText(
    'Name the conditions of this approval.',
  );
  await page.getByTestId('decision-comment').fill('');
  await page.getByTestId('decision-conditions').fill('Only after the payroll run');
  await page.getByTestId('decision-submit').click();
  await expect(page.getByTestId('decision-comment-error')).toHaveText(
    'Say why: every decision needs a comment.',
  );
  await expect(rows(page, 'Erin Tester')).toHaveCount(0);

  await decide(
    page,
    'approve-with-conditions',
    'Rollback rehearsed; fine by me.',
    'Only after the payroll run',
  );
  const mine = rows(page, 'Erin Tester');
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText('Conditions: Only after the payroll run');
  await expect(mine.getByTestId('decision-plan')).toHaveText('Current plan');
  // On disk once the write lands (a window shows a change as soon as it is applied).
  const lastOnDisk = async () => JSON.parse(await readFile(host.samplePath, 'utf8')).cab.decisions.at(-1);
  await expect
    .poll(lastOnDisk)
    .toMatchObject({ reviewer: 'Erin Tester', comment: 'Rollback rehearsed; fine by me.' });

  // Another window changes a stop condition; a third shows the projector.
  const editor = await context.newPage();
  await editor.goto(host.url);
  const row = editor.getByTestId('item-sc-errors');
  await row.getByTestId('edit-item').click();
  await editor.getByTestId('item-form').getByTestId('field-threshold').fill('2.5');
  await editor.getByTestId('item-form').getByTestId('save-item').click();
  await waitSaved(editor, SAMPLE_REV + 2);
  const projector = await context.newPage();
  await projector.goto(`${host.url}#/projector`);

  for (const view of [page, editor]) {
    const banner = view.getByTestId('changed-since-approval');
    await expect(banner).toContainText('Changed since approval by Grace Liu, Priya Raman and Erin Tester.');
    await expect(banner).toContainText('Success & stop conditions (1 changed)');
    await banner.getByTestId('changed-since-toggle').click();
    const item = banner.getByTestId('diff-item');
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Changed stop condition Sales API 5xx rate');
    await expect(item).toContainText('threshold: 2 → 2.5');
  }
  const onBoard = projector.getByTestId('projector-changed-since-approval');
  await expect(onBoard).toContainText('CHANGED SINCE APPROVAL by Grace Liu, Priya Raman and Erin Tester');
  await expect(onBoard.getByTestId('projector-changed-section')).toHaveText(
    'Success & stop conditions: changed stop condition Sales API 5xx rate (threshold 2 → 2.5)',
  );
  await expect(page.getByTestId('quorum-state')).toHaveAttribute('data-status', 'pending');
  await expect(mine.getByTestId('decision-plan')).toHaveText('Earlier version: re-review');

  // Erin looks again: her approval counts, the others still need to re-review.
  await decide(page, 'approve', 'Threshold 2.5% agreed with Jun.');
  await expect(page.getByTestId('changed-since-approval')).toContainText(
    'Changed since approval by Grace Liu and Priya Raman.',
  );
  await expect(onBoard).toContainText('CHANGED SINCE APPROVAL by Grace Liu and Priya Raman');
  await expectNoViolations(page, 'review mode with the changed-since banner open');
});

test('a reviewer signs a decision file on another machine; the owner imports it, and refuses a forged one', async ({
  page,
  host,
}) => {
  test.setTimeout(60_000);
  // The owner sends the workbook: a copy lands in the reviewer's own app.
  const reviewer = await startWebHost({ identity: { name: 'Noor Haddad', role: 'CAB member' } });
  try {
    await page.goto(`${host.url}#/cab`);
    await waitSaved(page, SAMPLE_REV);
    await copyFile(host.samplePath, join(workbooksDir(reviewer), 'from-amara.rollout.json'));
    const other = await page.context().browser()!.newPage();
    await other.goto(reviewer.url);
    await openListed(other, 'from-amara.rollout.json');
    await openReview(other, reviewer);
    await expect(other.getByTestId('reviewer-fingerprint')).toHaveText(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/);
    const fingerprint = await other.getByTestId('reviewer-fingerprint').textContent();
    await decide(other, 'reject', 'The SSO patch clash must be moved first.');
    await expect(rows(other, 'Noor Haddad')).toHaveCount(1);
    const file = await downloaded(other, () => other.getByTestId('export-decisions').click());
    expect(file.name).toBe('fernhill-outfitters-move-sales-to-compass-crm-noor-haddad.decisions.json');

    // A workbook of the reviewer's own (another id), decided on and exported too.
    const foreign = { ...emptyWorkbook('wb-payroll', 'Payroll pilot', new Date().toISOString()), audit: [] };
    await writeFile(join(workbooksDir(reviewer), 'payroll.rollout.json'), JSON.stringify(foreign));
    await other.getByTestId('leave-review').click();
    await openListed(other, 'payroll.rollout.json');
    await openReview(other, reviewer);
    await decide(other, 'defer', 'Not ours to decide.');
    await expect(rows(other, 'Noor Haddad')).toHaveCount(1);
    const wrongWorkbook = await downloaded(other, () => other.getByTestId('export-decisions').click());
    await other.close();

    // The owner: a tampered copy, then one for another workbook, are refused; nothing is written.
    const before = await readFile(host.samplePath);
    const picker = page.getByTestId('decision-file-input');
    const tampered = JSON.parse(file.text);
    tampered.payload.decisions[0].decision = 'approve';
    await picker.setInputFiles({
      name: file.name,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(tampered)),
    });
    await expect(page.getByTestId('decision-file-error')).toContainText(
      'The signature does not match the decisions in this file: it was changed after Noor Haddad signed it',
    );
    await picker.setInputFiles({
      name: wrongWorkbook.name,
      mimeType: 'application/json',
      buffer: Buffer.from(wrongWorkbook.text),
    });
    await expect(page.getByTestId('decision-file-error')).toContainText(
      "This decision file is for the workbook 'Payroll pilot' (id wb-payroll), not for 'Fernhill Outfitters",
    );
    await expect(page.getByTestId('decision-file-check')).toHaveCount(0);
    expect(await readFile(host.samplePath)).toEqual(before);
    await expect(page.getByTestId('revision')).toHaveText(`rev ${SAMPLE_REV}`);

    // The real one: checked first, showing the key to confirm by phone, then recorded.
    await picker.setInputFiles({
      name: file.name,
      mimeType: 'application/json',
      buffer: Buffer.from(file.text),
    });
    const check = page.getByTestId('decision-file-check');
    await expect(check).toContainText('Signed by Noor Haddad (CAB member)');
    await expect(check.getByTestId('decision-file-fingerprint')).toHaveText(fingerprint!);
    await expect(check.getByTestId('decision-file-entry')).toHaveAttribute('data-status', 'new');
    await expect(page.getByTestId('revision')).toHaveText(`rev ${SAMPLE_REV}`);
    await expectNoViolations(page, 'a checked decision file waiting to be confirmed');
    await check.getByTestId('decision-file-confirm').click();
    await waitSaved(page, SAMPLE_REV + 1);
    const row = rows(page, 'Noor Haddad');
    await expect(row).toHaveAttribute('data-decision', 'reject');
    await expect(row.getByTestId('decision-key')).toHaveText(fingerprint!);
    await expect(page.getByTestId('quorum-state')).toHaveAttribute('data-status', 'rejected');

    // The same file again: skipped, nothing written.
    await picker.setInputFiles({
      name: file.name,
      mimeType: 'application/json',
      buffer: Buffer.from(file.text),
    });
    await expect(page.getByTestId('decision-file-entry')).toHaveAttribute('data-status', 'duplicate');
  } finally {
    await reviewer.stop();
  }
});

test('compare with the copy sent to the board: what changed, section by section', async ({ page, host }) => {
  await page.goto(`${host.url}#/cab`);
  await waitSaved(page, SAMPLE_REV);
  const sent = await readFile(host.samplePath);
  await page.getByTestId('nav-success').click();
  const row = page.getByTestId('item-sc-errors');
  await row.getByTestId('edit-item').click();
  await page.getByTestId('item-form').getByTestId('field-windowMinutes').fill('30');
  await page.getByTestId('item-form').getByTestId('save-item').click();
  await waitSaved(page, SAMPLE_REV + 1);
  await page.getByTestId('nav-cab').click();
  await page
    .getByTestId('compare-file-input')
    .setInputFiles({ name: 'sent-to-cab.rollout.json', mimeType: 'application/json', buffer: sent });
  const diff = page.getByTestId('compare-diff');
  await expect(diff.getByTestId('diff-section')).toHaveCount(1);
  await expect(diff.getByTestId('diff-item')).toContainText('windowMinutes: 15 → 30');
  await page.getByTestId('compare-file-input').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"schemaVersion": 7,'),
  });
  await expect(page.getByTestId('compare-error')).toContainText('notes.json cannot be compared:');
});

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test('review mode, the CAB page with its conflicts, and a changed plan with its diff are axe-clean', async ({
      page,
      host,
    }) => {
      await openReview(page, host);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expectNoViolations(page, `${theme} / review mode`);
      await page.getByTestId('leave-review').click();
      await expect(page.getByTestId('section-cab')).toBeVisible();
      await expect(page.getByTestId('conflict')).toHaveCount(1);
      await page.getByTestId('add-windows').click();
      await expect(page.getByTestId('windows-form')).toBeVisible();
      await expectNoViolations(page, `${theme} / CAB page with a calendar form open`);
      await page.getByTestId('change-title').fill('Sales moves to Compass, phase 1');
      await page.getByTestId('change-save').click();
      await waitSaved(page, SAMPLE_REV + 1);
      await page.getByTestId('changed-since-toggle').click();
      await expect(page.getByTestId('changed-since-diff')).toContainText('change.title');
      await expectNoViolations(page, `${theme} / CAB page, changed since approval, diff open`);
    });
  });
}

test.describe('the projector’s banner at 1920×1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('reads from the back of the room: 7:1 and 48 px, and axe finds nothing', async ({ page, host }) => {
    await openBoard(page, host);
    await send(host, [
      ['workbook:dispatch-command', { type: 'workbook.rename', name: 'Fernhill CRM, phase 1' }],
    ]);
    const banner = page.getByTestId('projector-changed-since-approval');
    await expect(banner).toContainText('CHANGED SINCE APPROVAL by Grace Liu and Priya Raman');
    await expect(banner.getByTestId('projector-changed-section')).toHaveText(
      'Workbook: name Fernhill Outfitters: move sales to Compass CRM → Fernhill CRM, phase 1',
    );
    const found = await page.evaluate(scanText);
    expect(found.filter((t) => t.ratio < 7)).toEqual([]);
    expect(found.filter((t) => t.body && t.px < 48)).toEqual([]);
    await expectNoViolations(page, 'projector with the changed-since-approval banner');
  });
});
