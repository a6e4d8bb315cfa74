import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoViolations } from './axe';
import { expect, SAMPLE_REV, test, waitSaved } from './fixtures';

// Step 2 in the real app: an SBOM imported for an environment through the screen (read in a
// worker, previewed, imported only when confirmed) flags the versions that now differ; a bad
// SBOM is refused with its reason and where, and the workbook file does not change by a byte;
// readiness names what is missing and the scorecard's baseline check follows it in another
// window. Axe checks the import's states in both themes.

const FIXTURES = 'tests/fixtures/sbom';

async function openArchitecture(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/architecture`);
  await expect(page.getByTestId('readiness')).toBeVisible();
  for (const dismiss of await page.getByTestId('toast-dismiss').all()) await dismiss.click();
}

/** Writes `content` as `name` in a fresh folder, as a file a user would pick. */
async function userFile(name: string, content: string | Buffer): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'sbom-')), name);
  await writeFile(path, content);
  return path;
}

const driftRow = (page: Page, name: string) =>
  page.getByTestId('drift').locator(`[data-testid="drift-row"][data-package="${name}"]`);

test('an SBOM imported for Staging is previewed, changes nothing until confirmed, then its drift is flagged', async ({
  page,
  host,
}) => {
  await openArchitecture(page, host.url);
  // The sample: staging was built with axios 1.7.9, production with 1.7.7.
  await expect(page.getByTestId('drift-row')).toHaveCount(1);
  await expect(driftRow(page, 'axios')).toContainText('1.7.9');
  const before = await readFile(host.samplePath);

  await page.getByTestId('sbom-env').selectOption({ label: 'Staging' });
  await page
    .getByTestId('sbom-file-input')
    .setInputFiles(join(FIXTURES, 'compass-sync-staging-1.4.3.cdx.json'));
  const preview = page.getByTestId('sbom-preview');
  await expect(preview.getByTestId('preview-what')).toContainText(
    '13 components will be imported for Staging (2 nested in others). They replace the 12 components imported from compass-sync-staging.cdx.json',
  );
  await expect(preview.getByTestId('preview-format')).toHaveText('CycloneDX 1.5');
  // What was left out, with where.
  await expect(preview.getByTestId('preview-left-out-item')).toHaveText([
    `components[10].purl 'npm:left-pad@1.3.0' is not a valid package URL (missing required "pkg" scheme component); imported without it`,
    'services 1 service: the inventory lists components, not services',
  ]);
  await expect(preview.getByTestId('preview-drift-row')).toHaveText([
    /axios.*1\.7\.7.*1\.8\.2/,
    /pino.*9\.5\.0.*9\.6\.0/,
  ]);
  // Previewed is not imported: the file and the revision are as they were.
  expect(await readFile(host.samplePath)).toEqual(before);
  await expect(page.getByTestId('revision')).toHaveText(`rev ${SAMPLE_REV}`);

  await preview.getByTestId('sbom-confirm').click();
  await waitSaved(page, SAMPLE_REV + 1);
  await expect(page.getByTestId('sbom-preview')).toHaveCount(0);
  await expect(page.getByTestId('inventory-env-staging').getByTestId('inventory-count')).toHaveText(
    '13 components',
  );
  await expect(page.getByTestId('drift-row')).toHaveCount(2);
  await expect(driftRow(page, 'pino')).toContainText('9.6.0');
  await expect(driftRow(page, 'pino')).toContainText('9.5.0');

  // On disk: the compact inventory, not the SBOM.
  const wb = JSON.parse(await readFile(host.samplePath, 'utf8'));
  const staging = wb.architecture.inventories.find(
    (i: { environmentId: string }) => i.environmentId === 'env-staging',
  );
  expect(staging).toMatchObject({
    fileName: 'compass-sync-staging-1.4.3.cdx.json',
    format: 'CycloneDX',
    specVersion: '1.5',
    subject: 'compass-sync 1.4.3',
    by: 'Erin Tester',
    leftOutCount: 2,
  });
  expect(staging.components).toHaveLength(13);
  expect(staging.components.find((c: { name: string }) => c.name === 'left-pad')).toEqual({
    name: 'left-pad',
    version: '1.3.0',
    license: 'WTFPL',
    type: 'library',
  });
});

test('a bad SBOM is refused with its reason and where, and the workbook file does not change', async ({
  page,
  host,
}) => {
  await openArchitecture(page, host.url);
  const before = await readFile(host.samplePath);
  const good = await readFile(join(FIXTURES, 'compass-sync-staging.cdx.json'), 'utf8');
  const cases: [string, string | Buffer, string, string][] = [
    [
      'compass-sync-staging.cdx.json',
      await readFile(join(FIXTURES, 'duplicate-bom-ref.cdx.json')),
      "bom-ref 'compass-sync@1.4.2|axios@1.7.9' is used twice (first at components[1].bom-ref); every bom-ref must be unique",
      'components[2].bom-ref',
    ],
    [
      'cut-short.cdx.json',
      good.slice(0, 400),
      "The file is not valid JSON: it ends early, where a closing '\"' was expected (a truncated copy?)",
      'line 12, column 35',
    ],
    [
      'future.cdx.json',
      good.replace('"specVersion": "1.6"', '"specVersion": "1.7"'),
      "CycloneDX specVersion '1.7' is not one this app reads (1.2 to 1.6)",
      'specVersion',
    ],
  ];
  for (const [name, content, reason, where] of cases) {
    await page.getByTestId('sbom-file-input').setInputFiles(await userFile(name, content));
    const refused = page.getByTestId('sbom-refused');
    await expect(refused.getByTestId('sbom-refused-reason')).toHaveText(reason);
    await expect(refused.getByTestId('sbom-refused-where')).toHaveText(where);
    await expect(refused).toContainText(`${name} was not imported`);
    await expect(refused).toContainText('Nothing was changed.');
    await expect(page.getByTestId('sbom-preview')).toHaveCount(0);
  }
  await expect(page.getByTestId('revision')).toHaveText(`rev ${SAMPLE_REV}`);
  expect(await readFile(host.samplePath)).toEqual(before);
});

test('markup in an SBOM is shown as text, in the preview and the inventory, never run', async ({
  page,
  host,
}) => {
  await openArchitecture(page, host.url);
  const img = '<img src=x onerror="window.__pwned=1">';
  const script = '<script>window.__pwned=2</script>';
  const hostile = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    metadata: { component: { type: 'application', name: img, version: script } },
    components: [
      { type: 'library', name: img, version: '1.0.0', licenses: [{ expression: script }] },
      { type: 'library', name: 'ok', version: script, licenses: [{ license: { name: img } }] },
    ],
  };
  await page
    .getByTestId('sbom-file-input')
    .setInputFiles(await userFile(`${img}.json`, JSON.stringify(hostile)));
  const preview = page.getByTestId('sbom-preview');
  await expect(preview).toContainText(`${img} ${script}`);
  await expect(preview.getByTestId('preview-license-flags')).toContainText(script);
  await preview.getByTestId('sbom-confirm').click();
  await waitSaved(page, SAMPLE_REV + 1);
  const inventory = page.getByTestId('inventory-env-prod');
  await inventory.getByText('All 2 components').click();
  await expect(inventory).toContainText(img);
  await expect(inventory).toContainText(script);
  expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"], script:not([src])')).toHaveCount(0);
});

test('a large SBOM shows its progress and still previews', async ({ page, host }) => {
  await openArchitecture(page, host.url);
  const components = Array.from({ length: 20_000 }, (_, i) => ({
    type: 'library',
    'bom-ref': `pkg-${i}`,
    name: `package-${i}`,
    version: `1.${i % 50}.0`,
    purl: `pkg:npm/package-${i}@1.${i % 50}.0`,
    licenses: [{ license: { id: 'MIT' } }],
    description: 'x'.repeat(120),
  }));
  const big = JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components });
  expect(big.length).toBeGreaterThan(5_000_000);
  await page.getByTestId('sbom-file-input').setInputFiles(await userFile('big.cdx.json', big));
  await expect(page.getByTestId('sbom-progress')).toContainText('big.cdx.json');
  await expect(page.getByTestId('preview-what')).toContainText('20,000 components will be imported', {
    timeout: 20_000,
  });
  await page.getByTestId('sbom-cancel').click();
  await expect(page.getByTestId('revision')).toHaveText(`rev ${SAMPLE_REV}`);
});

test('readiness names what is missing, and the scorecard baseline check follows it', async ({
  page,
  host,
}) => {
  await openArchitecture(page, host.url);
  const scorecard = await page.context().newPage();
  await scorecard.goto(`${host.url}#/scorecard`);
  const baseline = scorecard.getByTestId('check-go-baseline');
  await expect(baseline.getByTestId('check-status')).toHaveText(/Green/);
  await expect(page.getByTestId('readiness-status')).toHaveText(/Green/);
  await page.bringToFront();

  // A rollback rehearsal that failed: documented, not rehearsed → amber, naming it.
  await page.getByTestId('item-rb-db').getByTestId('edit-item').click();
  await page.getByTestId('field-rehearsal').selectOption('failed');
  await page.getByTestId('save-item').click();
  await waitSaved(page, SAMPLE_REV + 1);
  await expect(page.getByTestId('readiness-rollback-missing')).toHaveText(
    'CRM database: the last rehearsal (2026-10-30) failed.',
  );
  await expect(page.getByTestId('readiness-status')).toHaveText(/Amber/);
  await expect(baseline.getByTestId('check-status')).toHaveText(/Amber/);
  await expect(baseline.getByTestId('check-summary')).toHaveText(
    'Documented, but not rehearsed: rollback path.',
  );

  // The deployment path not written down: red, naming it.
  await page.getByTestId('delivery-edit').click();
  await page.getByTestId('delivery-path').fill('');
  await page.getByTestId('delivery-save').click();
  await waitSaved(page, SAMPLE_REV + 2);
  await expect(page.getByTestId('readiness-deploy-missing')).toHaveText(
    'How a release reaches production is not written down.',
  );
  await expect(page.getByTestId('readiness-status')).toHaveText(/Red/);
  await expect(baseline.getByTestId('check-status')).toHaveText(/Red/);
  await expect(baseline.getByTestId('check-summary')).toHaveText('Not documented yet: deployment path.');
});

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test('axe: the import preview, a refusal, and the delivery and blast-radius forms', async ({
      page,
      host,
    }) => {
      await openArchitecture(page, host.url);
      await page
        .getByTestId('sbom-file-input')
        .setInputFiles(join(FIXTURES, 'compass-sync-staging-1.4.3.cdx.json'));
      await expect(page.getByTestId('sbom-preview')).toBeVisible();
      await page.getByText('What comes in: all 13 components').click();
      await expectNoViolations(page, `${theme} / SBOM preview`);
      await page.getByTestId('sbom-cancel').click();
      await page.getByTestId('sbom-file-input').setInputFiles(join(FIXTURES, 'duplicate-bom-ref.cdx.json'));
      await expect(page.getByTestId('sbom-refused')).toBeVisible();
      await page.getByTestId('delivery-edit').click();
      await page.getByTestId('blast-edit').click();
      await page.getByTestId('blast-cap-input').fill('lots');
      await page.getByTestId('blast-save').click();
      await expect(page.getByTestId('blast-cap-input-error')).toHaveText(
        'The cap must be a percentage from 0 to 100, or empty for none.',
      );
      await expectNoViolations(page, `${theme} / SBOM refused, forms open`);
    });
  });
}
