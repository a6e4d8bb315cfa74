import { readFile } from 'node:fs/promises';
import { expect, SAMPLE_NAME, SAMPLE_REV, test, waitSaved } from './fixtures';

// The foundation's promise end to end: a change made in the UI is on disk when the header says
// "Saved", survives a reload, and undo takes the file back with it.

async function stopCondition(path: string, id: string) {
  const wb = JSON.parse(await readFile(path, 'utf8'));
  return {
    revision: wb.revision as number,
    item: wb.success.stopConditions.find((s: { id: string }) => s.id === id),
  };
}

test('edit a stop condition: on disk, after reload, and undone on disk', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('workbook-name')).toHaveText(SAMPLE_NAME);
  expect((await stopCondition(host.samplePath, 'sc-errors')).item.threshold).toBe(2);

  const row = page.getByTestId('item-sc-errors');
  await row.getByTestId('edit-item').click();
  const form = page.getByTestId('item-form');
  await form.getByTestId('field-threshold').fill('3.5');
  await form.getByTestId('field-windowMinutes').fill('20');
  await form.getByTestId('save-item').click();
  await waitSaved(page, SAMPLE_REV + 1);
  await expect(row).toContainText('> 3.5%');

  const edited = await stopCondition(host.samplePath, 'sc-errors');
  expect(edited).toMatchObject({ revision: SAMPLE_REV + 1, item: { threshold: 3.5, windowMinutes: 20 } });

  await page.reload();
  await waitSaved(page, SAMPLE_REV + 1);
  await expect(page.getByTestId('item-sc-errors')).toContainText('> 3.5%');

  await page.getByTestId('undo').click();
  await waitSaved(page, SAMPLE_REV + 2);
  await expect(page.getByTestId('item-sc-errors')).toContainText('> 2%');
  const undone = await stopCondition(host.samplePath, 'sc-errors');
  expect(undone).toMatchObject({ revision: SAMPLE_REV + 2, item: { threshold: 2, windowMinutes: 15 } });

  // Keyboard redo outside a text field brings the edit back, on disk too.
  await page.getByTestId('workbook-name').click();
  await page.keyboard.press('Control+Shift+Z');
  await waitSaved(page, SAMPLE_REV + 3);
  expect((await stopCondition(host.samplePath, 'sc-errors')).item.threshold).toBe(3.5);
});

test('a bad field is explained inline and nothing is sent', async ({ page, host }) => {
  await page.goto(host.url);
  const list = page.getByTestId('collection-success-stopConditions');
  await list.getByTestId('add-item').click();
  const form = page.getByTestId('item-form');
  await form.getByTestId('field-metric').fill('Checkout latency p95');
  await form.getByTestId('field-threshold').fill('fast');
  await form.getByTestId('save-item').click();
  await expect(form.getByTestId('error-threshold')).toHaveText('Threshold must be a number');
  await expect(form.getByTestId('error-callers')).toContainText('Name at least one person or role');
  await expect(page.getByTestId('revision')).toHaveText(`rev ${SAMPLE_REV}`);
  expect((await stopCondition(host.samplePath, 'sc-errors')).revision).toBe(SAMPLE_REV);

  await expect(form.getByTestId('error-windowMinutes')).toBeVisible();
  await form.getByTestId('field-threshold').fill('800');
  await form.getByTestId('field-windowMinutes').fill('10');
  await form.getByTestId('field-callers').fill('Incident commander, On-call SRE');
  await form.getByTestId('save-item').click();
  await waitSaved(page, SAMPLE_REV + 1);
  await expect(list).toContainText('Checkout latency p95 > 800');
  const wb = JSON.parse(await readFile(host.samplePath, 'utf8'));
  expect(wb.success.stopConditions.at(-1)).toMatchObject({
    metric: 'Checkout latency p95',
    threshold: 800,
    callers: ['Incident commander', 'On-call SRE'],
  });
});
