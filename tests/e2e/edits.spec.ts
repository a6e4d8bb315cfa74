import { readFile } from 'node:fs/promises';
import { startWebHost } from '../support/web-host';
import { expect, SAMPLE_NAME, SAMPLE_REV, test, waitSaved } from './fixtures';

// Who signs a change, and two windows editing the same item.

test('the first edit asks who you are; cancelling changes nothing, answering signs the change', async ({
  page,
}) => {
  const host = await startWebHost({ identity: null });
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('workbook-name')).toHaveText(SAMPLE_NAME);
    await expect(page.getByTestId('identity')).toHaveText('Who is editing?');
    const before = await readFile(host.samplePath);
    const row = page.getByTestId('item-sc-errors');
    await row.getByTestId('edit-item').click();
    await page.getByTestId('field-threshold').fill('2.5');
    await page.getByTestId('save-item').click();
    const dialog = page.getByTestId('identity-dialog');
    await expect(dialog).toBeVisible();
    // Prefilled from the OS user name, which the host passes along.
    await expect(dialog.getByTestId('identity-name')).not.toHaveValue('');
    await dialog.getByTestId('identity-cancel').click();
    await expect(page.getByTestId('form-error')).toContainText('Nothing was changed');
    // The form keeps the typing; the file is as it was.
    await expect(page.getByTestId('field-threshold')).toHaveValue('2.5');
    expect((await readFile(host.samplePath)).equals(before)).toBe(true);

    await page.getByTestId('save-item').click();
    await dialog.getByTestId('identity-name').fill('Dana Reyes');
    await dialog.getByTestId('identity-role').fill('Incident commander');
    await dialog.getByTestId('identity-save').click();
    await waitSaved(page, SAMPLE_REV + 1);
    await expect(row).toContainText('> 2.5%');
    await expect(page.getByTestId('identity')).toContainText('Dana Reyes');
    const wb = JSON.parse(await readFile(host.samplePath, 'utf8'));
    expect(wb.audit.at(-1)).toMatchObject({
      by: 'Dana Reyes',
      role: 'Incident commander',
      rev: SAMPLE_REV + 1,
    });
    // Asked once: the next change goes straight through.
    await page.getByTestId('undo').click();
    await waitSaved(page, SAMPLE_REV + 2);
    await expect(dialog).toBeHidden();
  } finally {
    await host.stop();
  }
});

test('two windows edit the same item: the second is refused with the first one’s name; History shows both', async ({
  page,
  host,
}) => {
  const first = page;
  await first.goto(host.url);
  const second = await page.context().newPage();
  await second.goto(host.url);
  for (const p of [first, second]) await expect(p.getByTestId('revision')).toHaveText(`rev ${SAMPLE_REV}`);

  // Both open the same stop condition; the first window's user becomes Ana and saves first.
  await second.getByTestId('item-sc-errors').getByTestId('edit-item').click();
  await second.getByTestId('field-threshold').fill('4');
  await first.getByTestId('identity').click();
  await first.getByTestId('identity-name').fill('Ana Lima');
  await first.getByTestId('identity-role').fill('On-call SRE');
  await first.getByTestId('identity-save').click();
  await first.getByTestId('item-sc-errors').getByTestId('edit-item').click();
  await first.getByTestId('field-threshold').fill('3');
  await first.getByTestId('save-item').click();
  await waitSaved(first, SAMPLE_REV + 1);
  // The second window heard about it at once, and says so before its user saves.
  await expect(second.getByTestId('revision')).toHaveText(`rev ${SAMPLE_REV + 1}`);
  await expect(second.getByTestId('changed-elsewhere')).toBeVisible();

  await second.getByTestId('save-item').click();
  await expect(second.getByTestId('form-error')).toContainText(
    new RegExp(
      `^Ana Lima \\(On-call SRE\\) changed this stop condition at \\d\\d:\\d\\d:\\d\\d \\(revision ${SAMPLE_REV + 1}\\), after you started editing it\\. Your text is kept`,
    ),
  );
  await expect(second.getByTestId('field-threshold')).toHaveValue('4');
  expect(JSON.parse(await readFile(host.samplePath, 'utf8')).success.stopConditions[0].threshold).toBe(3);

  // Editing a different item from an old revision never conflicts.
  await second.getByTestId('item-sc-login').getByTestId('edit-item').click();
  await second.getByTestId('field-threshold').fill('96');
  await second.getByTestId('save-item').click();
  await waitSaved(second, SAMPLE_REV + 2);

  // Reload the item, apply the change again: it goes through.
  await second.getByTestId('item-sc-errors').getByTestId('edit-item').click();
  await second.getByTestId('field-threshold').fill('4');
  await second.getByTestId('save-item').click();
  await waitSaved(second, SAMPLE_REV + 3);
  await expect(first.getByTestId('item-sc-errors')).toContainText('> 4%');

  await first.getByTestId('nav-history').click();
  const entries = first.getByTestId('history-entry');
  await expect(entries.nth(0)).toContainText("Edited stop condition 'Sales API 5xx rate': threshold 3 → 4");
  await expect(entries.nth(2)).toContainText("Edited stop condition 'Sales API 5xx rate': threshold 2 → 3");
  await expect(entries.nth(2)).toContainText('Ana Lima');
  await first.getByTestId('history-area').selectOption('scorecard');
  await expect(entries.first()).toContainText('Scorecard');
  for (const entry of await entries.all())
    await expect(entry.getByText('Scorecard', { exact: true })).toBeVisible();
});
