import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Download } from '@playwright/test';
import { expect, SAMPLE_REV, test, waitSaved } from './fixtures';

// The CAB packet through the one export module, opened the way a board member without the app
// opens it: the saved HTML file in Chromium. It holds the decisions and their hashes, shows a
// hostile field as plain text, runs no script, breaks no rule of its own strict CSP (its style
// sheet is allowed by hash and applied), fetches nothing, and prints to a PDF with pages.

const TITLE = '<img src=x onerror=alert(1)>';
const SUMMARY = '</script><script>alert(1)</script> [click me](javascript:alert(1))';

// Shapes of the exported page, as seen from inside it (the node tsconfig has no DOM lib).
declare const document: {
  scripts: { length: number };
  images: { length: number };
  querySelectorAll(s: string): { length: number };
  querySelector(s: string): unknown;
  body: { textContent: string };
  addEventListener(type: string, listener: (e: { violatedDirective: string }) => void): void;
};
declare const window: { __violations: string[] };
declare function getComputedStyle(el: unknown): { fontSize: string; position: string };

test('the packet: decisions and hashes, a hostile field inert, a strict CSP kept, and a PDF', async ({
  page,
  host,
  browser,
}, testInfo) => {
  await page.goto(`${host.url}#/cab`);
  await waitSaved(page, SAMPLE_REV);
  await page.getByTestId('change-title').fill(TITLE);
  await page.getByTestId('change-summary').fill(SUMMARY);
  await page.getByTestId('change-save').click();
  await waitSaved(page, SAMPLE_REV + 1);
  const wb = JSON.parse(await readFile(host.samplePath, 'utf8'));
  const hashes: string[] = wb.cab.decisions.map((d: { reviewedHash: string }) => d.reviewedHash);
  expect(hashes).toHaveLength(2);

  // Web mode has no PDF button: it says how to get one instead.
  await expect(page.getByTestId('packet-pdf')).toHaveCount(0);
  await expect(page.getByTestId('packet')).toContainText('print it to PDF from the browser');

  const save = async (testid: string) => {
    const waiting = page.waitForEvent('download');
    await page.getByTestId(testid).click();
    const download: Download = await waiting;
    return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
  };
  const html = await save('packet-html');
  expect(html.name).toBe('cab-packet-img-src-x-onerror-alert-1.html');
  expect(html.text).not.toMatch(/<script|<img|javascript:alert\(1\)\)"/i);
  const md = await save('packet-md');
  expect(md.text).toContain('# CAB packet: \\<img src=x onerror=alert\\(1\\)\\>');
  expect(md.text).toContain('\\[click me\\]\\(javascript:alert\\(1\\)\\)');
  // Every < of the text is escaped: no raw HTML reaches a Markdown renderer.
  expect(md.text).not.toMatch(/(^|[^\\])<(img|\/?script)/m);

  // Opened from disk in a fresh browser context, as someone without the app would.
  await mkdir(testInfo.outputDir, { recursive: true });
  const file = join(testInfo.outputDir, html.name);
  await writeFile(file, html.text);
  const context = await browser.newContext();
  try {
    const reader = await context.newPage();
    const requests: string[] = [];
    const dialogs: string[] = [];
    reader.on('request', (r) => requests.push(r.url()));
    reader.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await reader.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__violations.push(e.violatedDirective),
      );
    });
    await reader.goto(pathToFileURL(file).href);
    const seen = await reader.evaluate(() => ({
      scripts: document.scripts.length,
      images: document.images.length,
      text: document.body.textContent,
      violations: window.__violations,
      // The style sheet is applied only if the CSP's hash admitted it.
      h1: getComputedStyle(document.querySelector('h1')).fontSize,
      watermark: getComputedStyle(document.querySelector('.watermark')).position,
    }));
    expect(seen).toMatchObject({ scripts: 0, images: 0, violations: [], watermark: 'fixed' });
    expect(Number.parseFloat(seen.h1)).toBeCloseTo(26.67, 1);
    expect(seen.text).toContain(`CAB packet: ${TITLE}`);
    expect(seen.text).toContain(SUMMARY);
    expect(seen.text).toContain('CHANGED SINCE APPROVAL');
    for (const name of ['Grace Liu', 'Priya Raman']) expect(seen.text).toContain(name);
    for (const hash of hashes) expect(seen.text).toContain(hash);
    expect(seen.text).toContain('earlier version: re-review');
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(dialogs).toEqual([]);

    const pdf = await reader.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(2);
  } finally {
    await context.close();
  }
});
