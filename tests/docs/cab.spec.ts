import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Download } from '@playwright/test';
import { expect, SAMPLE_REV, test, waitSaved } from '../e2e/fixtures';
import { openBoard, send } from '../e2e/projector-kit';
import { OUT, scrollTo, shot } from './shots';

// README's pictures of the CAB (`npm run screenshots`): the page with the change, its risk and
// calendar; review mode; the board's decisions; a checked decision file; "changed since
// approval" with its diff, on the main page and on the projector; a comparison; the packet.

/** The plan changes after the sample's approvals: a stop condition is tuned in another window. */
async function tuneStop(host: Parameters<typeof send>[0]): Promise<void> {
  const wb = JSON.parse(await readFile(host.samplePath, 'utf8'));
  const stop = wb.success.stopConditions.find((s: { id: string }) => s.id === 'sc-errors');
  await send(host, [
    [
      'workbook:dispatch-command',
      {
        type: 'item.update',
        collection: 'success.stopConditions',
        id: 'sc-errors',
        item: { ...stop, threshold: 2.5 },
        baseRevision: wb.revision,
      },
    ],
  ]);
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(theme, () => {
    test.use({ colorScheme: theme });

    test('the CAB page and review mode', async ({ page, host }) => {
      await page.goto(`${host.url}#/cab`);
      await waitSaved(page, SAMPLE_REV);
      await shot(page, `cab-${theme}`);
      await scrollTo(page, 'calendar');
      await shot(page, `cab-calendar-${theme}`);
      await scrollTo(page, 'decisions');
      await shot(page, `cab-decisions-${theme}`);
      await page.getByTestId('open-review').click();
      await expect(page.getByTestId('decision-submit')).toBeEnabled();
      await shot(page, `cab-review-${theme}`);
    });

    test('changed since approval, main page and compare', async ({ page, host }) => {
      await page.goto(`${host.url}#/cab`);
      await waitSaved(page, SAMPLE_REV);
      const sent = await readFile(host.samplePath);
      await tuneStop(host);
      await page.getByTestId('changed-since-toggle').click();
      await expect(page.getByTestId('changed-since-diff')).toBeVisible();
      await shot(page, `cab-changed-${theme}`);
      await page.getByTestId('changed-since-toggle').click();
      await page
        .getByTestId('compare-file-input')
        .setInputFiles({ name: 'sent-to-cab.rollout.json', mimeType: 'application/json', buffer: sent });
      await expect(page.getByTestId('compare-diff')).toBeVisible();
      await scrollTo(page, 'compare');
      await shot(page, `cab-compare-${theme}`);
    });
  });
}

test.describe('once', () => {
  test('a checked decision file waiting for the owner', async ({ page, host }) => {
    await page.goto(`${host.url}#/review`);
    await expect(page.getByTestId('decision-submit')).toBeEnabled();
    await page.getByTestId('decision-reject').check();
    await page.getByTestId('decision-comment').fill('The SSO patch clash must be moved first.');
    await page.getByTestId('decision-submit').click();
    await expect(page.locator('[data-testid="decision-row"][data-reviewer="Erin Tester"]')).toHaveCount(1);
    const waiting = page.waitForEvent('download');
    await page.getByTestId('export-decisions').click();
    const download: Download = await waiting;
    const text = await readFile((await download.path())!, 'utf8');
    // Played back as if from another reviewer: the owner's view of a file with a new decision.
    await send(host, [['workbook:undo-change', undefined]]);
    await page.goto(`${host.url}#/cab`);
    await page.getByTestId('decision-file-input').setInputFiles({
      name: download.suggestedFilename(),
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await expect(page.getByTestId('decision-file-check')).toBeVisible();
    await scrollTo(page, 'decision-file-check');
    await shot(page, 'cab-import-light');
  });

  test('the projector at 1080p, changed since approval', async ({ page, host }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openBoard(page, host);
    await tuneStop(host);
    await expect(page.getByTestId('projector-changed-since-approval')).toBeVisible();
    await page.screenshot({ path: join(OUT, 'cab-projector-changed.png') });
  });

  test('the CAB packet, opened in a browser', async ({ page, host, browser }, testInfo) => {
    await page.goto(`${host.url}#/cab`);
    await waitSaved(page, SAMPLE_REV);
    const waiting = page.waitForEvent('download');
    await page.getByTestId('packet-html').click();
    const download: Download = await waiting;
    await mkdir(testInfo.outputDir, { recursive: true });
    const file = join(testInfo.outputDir, 'packet.html');
    await writeFile(file, await readFile((await download.path())!));
    const context = await browser.newContext({ viewport: { width: 1000, height: 1400 } });
    const reader = await context.newPage();
    await reader.goto(pathToFileURL(file).href);
    await reader.screenshot({ path: join(OUT, 'cab-packet.png') });
    await context.close();
  });
});
