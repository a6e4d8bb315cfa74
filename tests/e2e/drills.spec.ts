import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expectNoViolations } from './axe';
import { expect, SAMPLE_REV, test, waitSaved } from './fixtures';

// The scenario library end to end, on the real host: the sample's scenario, one added from the
// built-in library, a copy edited (a past-the-end inject refused with where, nothing sent; then
// saved, on disk), files imported through the picker (a refused one changes nothing), and a
// corrective action through the generic editor.

const REALWORLD = resolve(import.meta.dirname, '../../../shared/realworld/tabletop');
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

async function userFile(name: string, content: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'scenario-')), name);
  await writeFile(path, content);
  return path;
}

async function drills(path: string) {
  const wb = JSON.parse(await readFile(path, 'utf8'));
  return { revision: wb.revision as number, ...wb.drills };
}

test('add from the library, copy, edit with a refusal then a save, all on disk', async ({ page, host }) => {
  await page.goto(`${host.url}#/drills`);
  const sample = page.getByTestId('scenario-lib-permissions-outage');
  await expect(sample).toContainText('Permissions outage after wave 2');
  await expect(sample.getByTestId('scenario-inject-count')).toHaveText('4 (last at T+40:00)');

  await page.getByTestId('library-scenario').selectOption('lib-failed-rollback');
  await page.getByTestId('add-library-scenario').click();
  await waitSaved(page, SAMPLE_REV + 1);
  await expect(page.getByTestId('scenario-lib-failed-rollback')).toContainText(
    'The rollback does not roll back',
  );

  await sample.getByTestId('copy-scenario').click();
  await waitSaved(page, SAMPLE_REV + 2);
  const editor = page.getByTestId('scenario-editor');
  await expect(editor.getByTestId('scenario-name')).toHaveValue('Permissions outage after wave 2 (copy)');
  await editor.getByTestId('scenario-name').fill('Permissions outage, night shift');
  await editor.getByTestId('add-inject').click();
  await editor.getByTestId('inject-4-at').fill('70');
  await editor.getByTestId('inject-4-title').fill(HOSTILE);
  await editor.getByTestId('inject-4-recipients').fill('Incident commander, Night desk');
  await editor.getByTestId('save-scenario').click();
  await expect(editor.getByTestId('scenario-errors')).toContainText(
    `Inject 5: Inject 5 ("${HOSTILE}") is at T+4200s, after the scenario ends at T+3600s`,
  );
  await expect(page.getByTestId('revision')).toHaveText(`rev ${SAMPLE_REV + 2}`);

  await editor.getByTestId('inject-4-at').fill('50');
  await editor.getByTestId('save-scenario').click();
  await waitSaved(page, SAMPLE_REV + 3);
  const onDisk = await drills(host.samplePath);
  const copy = onDisk.scenarios.find((s: { name: string }) => s.name === 'Permissions outage, night shift');
  expect(copy.source).toBe('authored');
  expect(copy.injects).toHaveLength(5);
  expect(copy.injects[4]).toMatchObject({
    offsetSec: 3000,
    title: HOSTILE,
    recipients: ['Incident commander', 'Night desk'],
  });
  // The original is untouched, and the hostile title never became markup.
  expect(
    onDisk.scenarios.find((s: { id: string }) => s.id === 'lib-permissions-outage').injects,
  ).toHaveLength(4);
  expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // Saved as a file and imported back: the same scenario, under a suffixed id.
  const waiting = page.waitForEvent('download');
  await page.getByTestId(`scenario-${copy.id}`).getByTestId('save-scenario-file').click();
  const download = await waiting;
  expect(download.suggestedFilename()).toBe('permissions-outage-night-shift.scenario.json');
  const saved = join(await mkdtemp(join(tmpdir(), 'scenario-')), download.suggestedFilename());
  await download.saveAs(saved);
  await page.getByTestId('scenario-file-input').setInputFiles(saved);
  await expect(page.getByTestId('scenario-preview-item')).toHaveText([
    `Permissions outage, night shift — 5 injects, 3 objectives, 3 questions`,
  ]);
  await page.getByTestId('scenario-import-confirm').click();
  await waitSaved(page, SAMPLE_REV + 4);
  const reimported = (await drills(host.samplePath)).scenarios.at(-1);
  expect(reimported).toEqual({ ...copy, id: `${copy.id}-2` });
});

test('import scenario files: a refusal says why and changes nothing; an import previews, then lands', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#/drills`);
  const input = page.getByTestId('scenario-file-input');
  await input.setInputFiles(
    await userFile(
      'future.json',
      JSON.stringify({ export_version: 3, scenario_information: { scenario_name: 'x' } }),
    ),
  );
  await expect(page.getByTestId('scenario-refused-reason')).toHaveText(
    'future.json: OpenAEV export_version 3 is unknown (this app reads version 1 and unversioned exercise exports)',
  );
  await input.setInputFiles(await userFile('broken.json', '{"ID": "1",'));
  await expect(page.getByTestId('scenario-refused-reason')).toContainText(
    'broken.json: The file is not JSON',
  );
  await expect(page.getByTestId('revision')).toHaveText(`rev ${SAMPLE_REV}`);
  expect((await drills(host.samplePath)).revision).toBe(SAMPLE_REV);

  const wheel = [
    { ID: '1', title: 'Database primary refuses writes', scenario: 'Writes fail on the primary.' },
    {
      ID: '2',
      title: 'Load balancer down',
      scenario: 'Health checks fail everywhere.',
      inkstory: 'incidents/lb.json',
    },
  ];
  await input.setInputFiles(await userFile('wheel.json', JSON.stringify(wheel)));
  const preview = page.getByTestId('scenario-preview');
  await expect(preview.getByTestId('scenario-preview-item')).toHaveText([
    'Database primary refuses writes — 1 inject, 0 objectives, 0 questions',
    'Load balancer down — 1 inject, 0 objectives, 0 questions',
  ]);
  await expect(preview.getByTestId('scenario-left-out')).toContainText('its Ink story (incidents/lb.json)');
  await page.getByTestId('scenario-import-confirm').click();
  await waitSaved(page, SAMPLE_REV + 1);
  const after = await drills(host.samplePath);
  expect(after.scenarios.map((s: { id: string }) => s.id)).toEqual([
    'lib-permissions-outage',
    'wom-1',
    'wom-2',
  ]);

  if (existsSync(REALWORLD)) {
    await input.setInputFiles(join(REALWORLD, 'openbas_scenario_export_v1.json'));
    await expect(preview.getByTestId('scenario-preview-item')).toHaveText([
      'test export — 1 inject, 0 objectives, 0 questions',
    ]);
    await page.getByTestId('scenario-import-confirm').click();
    await waitSaved(page, SAMPLE_REV + 2);
    await expect(page.getByTestId('scenario-8c745b27-b865-498b-ad3b-cb84f9941693')).toContainText('OpenAEV');
  }
});

test('a corrective action: due before start is refused inline, then saved with its element', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#/drills`);
  const list = page.getByTestId('collection-drills-correctiveActions');
  await expect(list.getByTestId('item-ca-role-mapping-rehearsal')).toContainText('in progress');
  await list.getByTestId('add-item').click();
  const form = page.getByTestId('item-form');
  await form.getByTestId('field-text').fill('Name a deputy who may call the rollback at night');
  await form.getByTestId('field-element').selectOption('organisation');
  await form.getByTestId('field-owner').fill('Dmitri Halloran');
  await form.getByTestId('field-start').fill('2026-12-10');
  await form.getByTestId('field-due').fill('2026-12-01');
  await form.getByTestId('save-item').click();
  await expect(form.getByTestId('error-due')).toHaveText('Due must be on or after the start');
  await expect(page.getByTestId('revision')).toHaveText(`rev ${SAMPLE_REV}`);
  await form.getByTestId('field-due').fill('2026-12-20');
  await form.getByTestId('save-item').click();
  await waitSaved(page, SAMPLE_REV + 1);
  const saved = (await drills(host.samplePath)).correctiveActions.at(-1);
  expect(saved).toMatchObject({
    element: 'organisation',
    owner: 'Dmitri Halloran',
    due: '2026-12-20',
    status: 'open',
  });
});

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });
    test('the scenario editor and an import preview have no axe violations', async ({ page, host }) => {
      await page.goto(`${host.url}#/drills`);
      await page.getByTestId('scenario-lib-permissions-outage').getByTestId('edit-scenario').click();
      await expect(page.getByTestId('scenario-editor')).toBeVisible();
      await page
        .getByTestId('scenario-file-input')
        .setInputFiles(
          await userFile(
            'w.json',
            JSON.stringify([{ ID: '1', title: 'Disk full', scenario: 'The log volume is full.' }]),
          ),
        );
      await expect(page.getByTestId('scenario-preview')).toBeVisible();
      await expectNoViolations(page, `${theme} / scenario editor and import preview`);
    });
  });
}
