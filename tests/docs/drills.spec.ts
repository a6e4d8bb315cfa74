import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '../e2e/fixtures';
import { scrollTo, shot } from './shots';

// README's pictures of the drills area (`npm run screenshots`): the scenario library with the
// sample's scenario, the scenario editor, and an import preview of a Wheel of Misfortune file.

const REALWORLD = resolve(import.meta.dirname, '../../../shared/realworld/tabletop');

async function wheelFile(): Promise<string> {
  const real = join(REALWORLD, 'wheel-of-misfortune_general_incidents.json');
  if (existsSync(real)) return real;
  const path = join(await mkdtemp(join(tmpdir(), 'wheel-')), 'incidents.json');
  await writeFile(
    path,
    JSON.stringify([{ ID: '1', title: 'Incident 1', scenario: 'The primary refuses writes.' }]),
  );
  return path;
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(theme, () => {
    test.use({ colorScheme: theme });
    test(`drills screens, ${theme}`, async ({ page, host }) => {
      await page.goto(`${host.url}#/drills`);
      await expect(page.getByTestId('scenario-lib-permissions-outage')).toBeVisible();
      await shot(page, `drills-library-${theme}`);

      await page.getByTestId('scenario-lib-permissions-outage').getByTestId('edit-scenario').click();
      await expect(page.getByTestId('scenario-editor')).toBeVisible();
      await scrollTo(page, 'inject-1');
      await shot(page, `drills-editor-${theme}`);
      await page.getByTestId('cancel-scenario').click();

      await page.getByTestId('scenario-file-input').setInputFiles(await wheelFile());
      await expect(page.getByTestId('scenario-preview')).toBeVisible();
      await scrollTo(page, 'scenario-import');
      await shot(page, `drills-import-${theme}`);
    });
  });
}
