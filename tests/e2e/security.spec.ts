import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { startWebHost } from '../support/web-host';
import {
  expect,
  openListed,
  SAMPLE_NAME,
  SAMPLE_REV,
  SCREENS,
  test,
  waitSaved,
  workbooksDir,
} from './fixtures';

// Security non-negotiables, seen from the browser: workbook text is inert wherever it comes
// from (the UI, a file on disk, a file name, a parser message), the page runs under a CSP
// with no eval and no inline script, and web mode's token and Origin checks keep other pages
// out. (Electron's own switches are checked by scripts/electronegativity.mjs.)

/** Markup that would run if any of it reached the DOM as HTML or a URL. No commas: the callers field splits on them. */
const XSS = {
  img: '<img src=x onerror="window.__pwned=1">',
  script: '<script>window.__pwned=1</script>',
  js: 'javascript:window.__pwned=1',
  svg: '"><svg onload=window.__pwned=1>',
  // Reaches for a dialog rather than a flag, so the 'dialog' listener has something to catch.
  details: '<details open ontoggle=alert(document.domain)>',
} as const;
const ALL_XSS = Object.values(XSS).join(' ');
/** Fits the 160-character limit on workbook names. */
const XSS_NAME = `${XSS.svg} ${XSS.img} ${XSS.script}`;

// The functions passed to page.evaluate run in the browser. The node tsconfig has no DOM lib, on
// purpose (shared/ and electron/ must not see one), so the few DOM shapes used here are declared
// for this file only. They are types: nothing is emitted, the browser supplies the real objects.
interface PageElement {
  localName: string;
  outerHTML: string;
  textContent: string | null;
  src: string;
  attributes: ArrayLike<{ name: string; value: string }>;
  setAttribute(name: string, value: string): void;
  append(child: PageElement): void;
  click(): void;
  remove(): void;
}
interface PolicyViolation {
  violatedDirective: string;
  blockedURI: string;
  sample: string;
}
interface PageSocket {
  onopen: (() => void) | null;
  onmessage: ((e: { data: unknown }) => void) | null;
  onclose: ((e: { code: number }) => void) | null;
  send(data: string): void;
  close(): void;
}
declare const document: {
  head: PageElement;
  body: PageElement;
  scripts: ArrayLike<PageElement>;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  createElement(tag: string): PageElement;
  addEventListener(
    type: 'securitypolicyviolation',
    listener: (e: PolicyViolation) => void,
    options?: { once: boolean },
  ): void;
};
declare const window: { __pwned?: unknown; __cspViolations?: string[]; __inlineRan?: boolean };
declare const location: { origin: string };
declare const WebSocket: new (url: string) => PageSocket;

/**
 * Before any page script: record every CSP violation. Markup that slipped through React as HTML
 * would be stopped by the CSP, but it would still raise a violation here, so this catches an
 * escaping bug the CSP is hiding, not just one that got as far as running.
 */
async function watchPage(page: Page): Promise<string[]> {
  await page.addInitScript(() => {
    const w = window;
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations?.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}: ${e.sample}`);
    });
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return dialogs;
}

/** Everything that would show that workbook text was treated as markup or code. */
async function expectInert(page: Page, dialogs: string[], where: string): Promise<void> {
  const report = await page.evaluate(() => {
    const w = window;
    const handlers: string[] = [];
    const jsUrls: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        // React attaches listeners by delegation and never writes on* attributes.
        if (/^on/i.test(attr.name)) handlers.push(`<${el.localName} ${attr.name}>`);
        if (/^(href|src|action|formaction|xlink:href|data|srcdoc)$/i.test(attr.name)) {
          if (/^\s*javascript:/i.test(attr.value)) jsUrls.push(`<${el.localName} ${attr.name}>`);
        }
      }
    }
    return {
      pwned: typeof w.__pwned,
      cspViolations: w.__cspViolations ?? ['(violation recorder missing)'],
      injected: Array.from(
        document.querySelectorAll('img[src="x"], svg[onload], details[ontoggle], iframe, object, embed'),
      ).map((el) => el.outerHTML.slice(0, 120)),
      // The only scripts are the app's own bundle, loaded by index.html.
      foreignScripts: Array.from(document.scripts)
        .filter((s) => !s.src.startsWith(`${location.origin}/assets/`))
        .map((s) => s.outerHTML.slice(0, 120)),
      handlers,
      jsUrls,
      jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
    };
  });
  expect(report, `nothing from workbook data ran or became markup (${where})`).toEqual({
    pwned: 'undefined',
    cspViolations: [],
    injected: [],
    foreignScripts: [],
    handlers: [],
    jsUrls: [],
    jsLinks: 0,
  });
  expect(dialogs, `no dialog opened (${where})`).toEqual([]);
}

/** Loads the app and waits for the sample; the first load (host start, cold bundle) gets longer. */
async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('workbook-name')).toHaveText(SAMPLE_NAME, { timeout: 20_000 });
}

/** Walks every screen, checking inertness on each. */
async function visitEveryScreen(page: Page, dialogs: string[]): Promise<void> {
  for (const id of SCREENS) {
    await page.getByTestId(`nav-${id}`).click();
    await expect(page.getByTestId(`section-${id}`)).toBeVisible();
    await expectInert(page, dialogs, `${id} screen`);
  }
}

async function addItem(page: Page, collection: string, fields: Record<string, string>): Promise<void> {
  const list = page.getByTestId(`collection-${collection}`);
  await list.getByTestId('add-item').click();
  const form = list.getByTestId('item-form');
  for (const [key, value] of Object.entries(fields)) await form.getByTestId(`field-${key}`).fill(value);
  await form.getByTestId('save-item').click();
  await expect(form).toHaveCount(0);
}

test.describe('stored XSS is inert', () => {
  test('entered through the UI: items and the workbook name', async ({ page, host }) => {
    test.setTimeout(120_000);
    const dialogs = await watchPage(page);
    await openApp(page, host.url);

    await addItem(page, 'success-stopConditions', {
      metric: XSS.img,
      threshold: '1',
      windowMinutes: '5',
      callers: `${XSS.script}, ${XSS.js}, ${XSS.svg}, ${XSS.details}`,
    });
    await waitSaved(page, SAMPLE_REV + 1);
    await addItem(page, 'success-outcomes', {
      name: XSS.svg,
      target: '1',
      unit: '<b>%</b>',
      deadline: '2027-01-31',
      owner: XSS.details,
    });
    await waitSaved(page, SAMPLE_REV + 2);
    await addItem(page, 'success-noGoAuthorities', { name: XSS.js, role: XSS.img, scope: ALL_XSS });
    await waitSaved(page, SAMPLE_REV + 3);
    await addItem(page, 'success-guardrails', { name: XSS.script, limit: '1', notes: ALL_XSS });
    await waitSaved(page, SAMPLE_REV + 4);
    await addItem(page, 'success-baseline', { area: XSS.details, baseline: XSS.js, expected: ALL_XSS });
    await waitSaved(page, SAMPLE_REV + 5);

    // The text is shown as typed, not interpreted.
    const success = page.getByTestId('section-success');
    for (const text of [...Object.values(XSS), ALL_XSS]) await expect(success).toContainText(text);
    await expectInert(page, dialogs, 'success screen after adding');

    await page.getByTestId('nav-workbook').click();
    await page.getByTestId('rename-workbook').fill(XSS_NAME);
    await page.getByTestId('rename-submit').click();
    await waitSaved(page, SAMPLE_REV + 6);
    await expect(page.getByTestId('workbook-name')).toHaveText(XSS_NAME);
    await expect(page.getByTestId('section-workbook').locator('strong').first()).toHaveText(XSS_NAME);

    await visitEveryScreen(page, dialogs);
    // And again from a cold start, where the data arrives in the first state rather than as edits.
    await page.reload();
    await expect(page.getByTestId('workbook-name')).toHaveText(XSS_NAME);
    await visitEveryScreen(page, dialogs);
    // Editing shows the same text back in the form fields, as values.
    await page.getByTestId('nav-success').click();
    const row = page.getByTestId('collection-success-stopConditions').locator('tr', { hasText: XSS.img });
    await row.getByTestId('edit-item').click();
    await expect(page.getByTestId('field-metric')).toHaveValue(XSS.img);
    await expectInert(page, dialogs, 'edit form');

    const onDisk = JSON.parse(await readFile(host.samplePath, 'utf8'));
    expect(onDisk.name).toBe(XSS_NAME);
  });

  test('written straight into a workbook file and opened from the file browser', async ({ page, host }) => {
    test.setTimeout(90_000);
    const dialogs = await watchPage(page);
    const wb = JSON.parse(await readFile(host.samplePath, 'utf8'));
    wb.id = 'xss-on-disk';
    wb.name = XSS_NAME;
    const s = wb.success;
    Object.assign(s.stopConditions[0], { metric: XSS.img, unit: '<i>%</i>', callers: Object.values(XSS) });
    Object.assign(s.outcomes[0], { name: XSS.svg, owner: XSS.details, unit: '<u>%</u>' });
    Object.assign(s.noGoAuthorities[0], { name: XSS.js, role: XSS.script, scope: ALL_XSS });
    Object.assign(s.guardrails[0], { name: XSS.script, notes: ALL_XSS });
    Object.assign(s.baseline[0], { area: XSS.details, baseline: XSS.js, expected: ALL_XSS });
    Object.assign(wb.drills.scenarios[0], { name: XSS.img, sourceNote: ALL_XSS });
    Object.assign(wb.drills.correctiveActions[0], { text: XSS.svg, owner: XSS.script });
    await writeFile(join(workbooksDir(host), 'xss.rollout.json'), JSON.stringify(wb, null, 2));

    await openApp(page, host.url);
    await page.getByTestId('nav-workbook').click();
    // The file browser shows the workbook's own name, read from the file: attacker text too.
    await expect(page.getByTestId('file-browser')).toContainText(XSS_NAME);
    await expectInert(page, dialogs, 'file browser listing the file');
    await openListed(page, 'xss.rollout.json');
    await expect(page.getByTestId('workbook-name')).toHaveText(XSS_NAME);
    await expect(page.getByTestId('open-problem')).toHaveCount(0);
    // Opening put the name in the recent list too.
    await page.getByTestId('nav-workbook').click();
    await expect(page.getByTestId('recent-files')).toContainText(XSS_NAME);
    await page.getByTestId('nav-success').click();

    const success = page.getByTestId('section-success');
    for (const text of [...Object.values(XSS), ALL_XSS]) await expect(success).toContainText(text);
    await expectInert(page, dialogs, 'success screen of the opened file');
    await visitEveryScreen(page, dialogs);
  });

  test('in a bad file: its folder, its path and the parser message', async ({ page, host }) => {
    test.setTimeout(90_000);
    const dialogs = await watchPage(page);
    // A file name may hold <, >, " and = on this OS; the "/" in </script> makes a folder. That
    // folder is allowed on the command line, so its name is shown in the file browser too.
    const root = await mkdtemp(join(tmpdir(), 'warroom-xss-'));
    const dir = join(root, '<script>window.__pwned=1<');
    await mkdir(dir, { recursive: true });
    const xssHost = await startWebHost({ allow: [dir] });
    await openApp(page, xssHost.url);
    const cases = [
      // Not JSON: the message quotes the character it found.
      { file: join(dir, `script> ${XSS.img}.rollout.json`), body: `${XSS.svg}` },
      // Valid JSON, wrong schema: the message names the unknown key, which is attacker text.
      {
        file: join(dir, `${XSS.svg}.rollout.json`),
        body: JSON.stringify({
          ...JSON.parse(await readFile(host.samplePath, 'utf8')),
          [XSS.img]: XSS.script,
        }),
      },
    ];
    try {
      for (const { file, body } of cases) await writeFile(file, body);
      for (const { file } of cases) {
        await openListed(page, file.split('/').at(-1)!);
        const problem = page.getByTestId('open-problem');
        await expect(problem.getByTestId('problem-path')).toHaveText(file);
        await expectInert(page, dialogs, `problem screen for ${file}`);
      }
      // The wrong-schema message really does carry the key: that is what makes this a test.
      await openListed(page, `${XSS.svg}.rollout.json`);
      await expect(page.getByTestId('problem-detail')).toContainText(XSS.img);
      await expect(page.getByTestId('file-browser')).toContainText('<script>window.__pwned=1<');
      await expectInert(page, dialogs, 'file browser listing the allowed folder');
    } finally {
      await xssHost.stop();
      await rm(root, { recursive: true, force: true });
    }
  });

  // There is no HTML export yet. When exports land (after-action report, comms, CAB pack), each
  // needs this same treatment: export a workbook holding XSS, load the file, expect inertness.
});

function parseCsp(header: string): Record<string, string[]> {
  const directives: Record<string, string[]> = {};
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives[name.toLowerCase()] = sources;
  }
  return directives;
}

test.describe('content security policy', () => {
  test('the index response carries a strict CSP', async ({ page, host }) => {
    const origin = new URL(host.url).origin;
    const wsOrigin = origin.replace(/^http/, 'ws');
    const responses: { url: string; headers: Record<string, string> }[] = [];
    page.on('response', (r) => responses.push({ url: r.url(), headers: r.headers() }));
    const response = await page.goto(host.url);
    await expect(page.getByTestId('workbook-name')).toHaveText(SAMPLE_NAME, { timeout: 20_000 });

    const header = response?.headers()['content-security-policy'] ?? '';
    const csp = parseCsp(header);
    expect(header).not.toMatch(/unsafe-|\*|https?:|blob:/i);
    expect(csp['default-src']).toEqual(["'none'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(["'self'"]);
    expect(csp['connect-src']).toEqual(["'self'", wsOrigin]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    for (const [name, sources] of Object.entries(csp)) {
      for (const source of sources) {
        expect(["'self'", "'none'", 'data:', wsOrigin], `${name} allows only the app`).toContain(source);
      }
    }
    // The build's <meta> policy applies on top of the header; it must not be the weak link.
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta ?? '').not.toMatch(/unsafe-|https?:|blob:/i);

    // Every response the app sends is typed strictly and leaks no referrer (the token is in the URL).
    expect(responses.length).toBeGreaterThan(2);
    for (const r of responses) {
      expect(r.headers['x-content-type-options'], r.url).toBe('nosniff');
      expect(r.headers['referrer-policy'], r.url).toBe('no-referrer');
      expect(r.headers['content-security-policy'], r.url).toBe(header);
    }
  });

  test('eval, new Function and injected inline script are refused in the page', async ({ page, host }) => {
    await openApp(page, host.url);

    // page.evaluate runs under DevTools, which lifts the eval ban for its own call (CDP's
    // allowUnsafeEvalBlockedByCSP); a timer callback runs as ordinary page code, as an attacker's would.
    const evalOutcome = await page.evaluate(
      () =>
        new Promise<{ eval: boolean; newFunction: boolean; violations: string[] }>((resolve) => {
          const violations: string[] = [];
          document.addEventListener('securitypolicyviolation', (e) =>
            violations.push(`${e.violatedDirective} ${e.blockedURI}`),
          );
          const threw = (f: () => unknown) => {
            try {
              f();
              return false;
            } catch {
              return true;
            }
          };
          setTimeout(() => {
            // biome-ignore lint/security/noGlobalEval: proving the CSP forbids exactly this
            const evalThrew = threw(() => eval('1'));
            const functionThrew = threw(() => new Function('return 1')());
            // Violation events are queued as tasks: this one runs after them.
            setTimeout(() => resolve({ eval: evalThrew, newFunction: functionThrew, violations }));
          });
        }),
    );
    expect(evalOutcome).toMatchObject({ eval: true, newFunction: true });
    // One report per attempt from each policy that forbids it (the header's and index.html's <meta>).
    expect(evalOutcome.violations.length).toBeGreaterThanOrEqual(2);
    expect(new Set(evalOutcome.violations)).toEqual(new Set(['script-src eval']));

    // Each vector either runs at once (synchronously) or is refused with a violation event:
    // wait for whichever happens, never for a fixed time.
    const vectors = ['script element', 'inline handler', 'javascript: link'] as const;
    for (const vector of vectors) {
      const outcome = await page.evaluate(
        (kind) =>
          new Promise<{ ran: boolean; directive: string | null }>((resolve) => {
            const w = window;
            w.__inlineRan = false;
            document.addEventListener(
              'securitypolicyviolation',
              (e) => resolve({ ran: w.__inlineRan === true, directive: e.violatedDirective }),
              { once: true },
            );
            setTimeout(() => {
              if (kind === 'script element') {
                const script = document.createElement('script');
                script.textContent = 'window.__inlineRan = true';
                document.head.append(script);
              } else {
                const el = document.createElement(kind === 'inline handler' ? 'div' : 'a');
                if (kind === 'inline handler') el.setAttribute('onclick', 'window.__inlineRan = true');
                else el.setAttribute('href', 'javascript:window.__inlineRan=true');
                document.body.append(el);
                el.click();
                el.remove();
              }
              if (w.__inlineRan) resolve({ ran: true, directive: null });
            });
          }),
        vector,
      );
      expect(outcome.ran, vector).toBe(false);
      expect(outcome.directive, vector).toMatch(/^script-src/);
    }
  });

  test('connect-src keeps the page from reaching another server on this machine', async ({ page, host }) => {
    await openApp(page, host.url);
    const other = await startOtherSite();
    try {
      const outcome = await page.evaluate(
        (target) =>
          new Promise<{ fetched: string; directive: string }>((resolve) => {
            let fetched = 'pending';
            document.addEventListener(
              'securitypolicyviolation',
              (e) => {
                const directive = e.violatedDirective;
                // The event and the rejection race; report once both are in.
                if (fetched !== 'pending') resolve({ fetched, directive });
                else void done.then((f) => resolve({ fetched: f, directive }));
              },
              { once: true },
            );
            const done = fetch(target).then(
              () => 'answered',
              () => 'refused',
            );
            void done.then((f) => {
              fetched = f;
            });
          }),
        other.url,
      );
      expect(outcome).toEqual({ fetched: 'refused', directive: 'connect-src' });
    } finally {
      await other.close();
    }
  });
});

/** A stand-in for any other site: a page on another port of this machine. */
async function startOtherSite(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="en"><title>Another site</title><main><h1>Another site</h1></main>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Opens a socket from `page`, sends one request if it opens, and reports what happened. */
function trySocket(page: Page, url: string) {
  return page.evaluate(
    (target) =>
      new Promise<{ opened: boolean; reply: string | null; closeCode: number | null }>((resolve) => {
        let opened = false;
        const ws = new WebSocket(target);
        ws.onopen = () => {
          opened = true;
          ws.send(JSON.stringify({ id: 1, method: 'session:get-state' }));
        };
        ws.onmessage = (e) => {
          resolve({ opened, reply: String(e.data).slice(0, 400), closeCode: null });
          ws.close();
        };
        ws.onclose = (e) => resolve({ opened, reply: null, closeCode: e.code });
      }),
    url,
  );
}

async function isolatedPage(browser: Browser): Promise<Page> {
  // Its own context, so the other site's traffic is not the app page's (the fixture watches that).
  const context = await browser.newContext();
  return context.newPage();
}

test.describe('web mode access control, from the browser', () => {
  test('a link without a valid token gets the refusal page and no workbook data', async ({ page, host }) => {
    const origin = new URL(host.url).origin;
    for (const path of ['/', '/index.html', '/?token=wrong', '/%69ndex.html', '/INDEX.HTML?token=']) {
      const response = await page.goto(`${origin}${path}`);
      expect(response?.status(), path).toBe(403);
      const body = (await response?.text()) ?? '';
      expect(body, path).not.toContain(SAMPLE_NAME);
      expect(body, path).not.toMatch(/<script/i);
      await expect(page.getByRole('heading', { name: 'This link needs its token' })).toBeVisible();
      await expect(page.getByTestId('workbook-name')).toHaveCount(0);
      expect(await page.content(), path).not.toContain(SAMPLE_NAME);
    }
  });

  test('a page on another origin cannot use the bridge, even holding the token', async ({
    page,
    browser,
    host,
  }) => {
    const url = new URL(host.url);
    const token = url.searchParams.get('token') ?? '';
    const bridge = `ws://127.0.0.1:${url.port}/bridge?token=${encodeURIComponent(token)}`;

    // Control: the app's own page opens the bridge and gets an answer, so refusals below mean something.
    await openApp(page, host.url);
    const own = await trySocket(page, bridge);
    expect(own.opened).toBe(true);
    expect(own.reply).toContain(SAMPLE_NAME);
    // The app's origin without the token is refused too.
    expect(await trySocket(page, bridge.replace(/\?token=.*/, ''))).toMatchObject({ opened: false });

    const other = await startOtherSite();
    const evil = await isolatedPage(browser);
    try {
      await evil.goto(other.url);
      expect(await trySocket(evil, bridge)).toEqual({ opened: false, reply: null, closeCode: 1006 });

      await evil.goto('about:blank');
      expect(await trySocket(evil, bridge)).toEqual({ opened: false, reply: null, closeCode: 1006 });

      // DNS-rebinding shape: our port under another host name. The page itself is refused...
      const rebound = await evil.goto(`http://localhost:${url.port}/?token=${encodeURIComponent(token)}`);
      expect(rebound?.status()).toBe(403);
      expect(await rebound?.text()).not.toContain(SAMPLE_NAME);
      // ...and so is its socket, though the browser would count it as same-origin.
      const reboundBridge = bridge.replace('127.0.0.1', 'localhost');
      expect(await trySocket(evil, reboundBridge)).toEqual({ opened: false, reply: null, closeCode: 1006 });
    } finally {
      await evil.context().close();
      await other.close();
    }
  });
});

test('no request leaves the app, on any screen', async ({ page, host, foreignRequests }) => {
  test.setTimeout(60_000);
  const origin = new URL(host.url).origin;
  const requests: string[] = [];
  const sockets: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('websocket', (ws) => sockets.push(ws.url()));

  await openApp(page, host.url);
  for (const id of SCREENS) {
    await page.getByTestId(`nav-${id}`).click();
    await expect(page.getByTestId(`section-${id}`)).toBeVisible();
  }
  await page.getByTestId('theme-toggle').click();
  await page.getByTestId('nav-success').click();
  await page.getByTestId('collection-success-stopConditions').getByTestId('add-item').click();
  await page.getByTestId('save-item').click();
  await expect(page.getByTestId('error-metric')).toBeVisible();
  const sample = await readFile(host.samplePath);
  await writeFile(join(workbooksDir(host), 'half.rollout.json'), sample.subarray(0, sample.length >> 1));
  await openListed(page, 'half.rollout.json');
  await expect(page.getByTestId('open-problem')).toBeVisible();
  await page.getByTestId('open-problem').getByTestId('open-sample').click();
  await expect(page.getByTestId('toast-success')).toBeVisible();

  // The listener saw the app load (so it works), and everything it saw was the app itself.
  expect(requests.length).toBeGreaterThan(2);
  expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
  expect(sockets.length).toBeGreaterThan(0);
  expect(sockets.filter((u) => !u.startsWith(`${origin.replace(/^http/, 'ws')}/bridge?`))).toEqual([]);
  // The fixture's own record, asserted again at teardown for every test in the suite.
  expect(foreignRequests).toEqual([]);
});
