import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, openListed, SAMPLE_NAME, SAMPLE_REV, test, waitSaved, workbooksDir } from './fixtures';

// Files only through the host, from the browser: the file browser opens, saves as and uploads;
// nothing the page sends can name a file outside the allowed folders.

// The functions passed to page.evaluate run in the browser; the node tsconfig has no DOM lib on
// purpose, so the few browser shapes used here are declared for this file only (types only).
declare class DataTransfer {
  items: { add(file: unknown): void };
}
declare class File {
  constructor(parts: string[], name: string, options: { type: string });
}
declare class DragEvent {
  constructor(type: string, init: { dataTransfer: DataTransfer; bubbles: boolean; cancelable: boolean });
}
declare class WebSocket {
  constructor(url: string);
  addEventListener(type: string, listener: (e: { data: unknown }) => void, options?: { once: boolean }): void;
  send(data: string): void;
  close(): void;
}
declare const window: { dispatchEvent(event: DragEvent): boolean };
declare const location: { host: string };

test('open, save as and upload through the web file browser', async ({ page, host }) => {
  await writeFile(
    join(workbooksDir(host), 'payroll.rollout.json'),
    (await readFile(host.samplePath, 'utf8')).replace(SAMPLE_NAME, 'Payroll cut-over'),
  );
  await page.goto(`${host.url}#/files`);
  const browser = page.getByTestId('file-browser');
  await expect(browser.getByTestId('file-entry')).toHaveCount(2);
  await expect(browser.locator('[data-file="crm-migration.rollout.json"]')).toContainText('Open now');

  // Open: by the entry's button; the app goes to the workbook it opened.
  await openListed(page, 'payroll.rollout.json');
  await expect(page.getByTestId('workbook-name')).toHaveText('Payroll cut-over');
  await expect(page).toHaveURL(/#\/success$/);

  // Save As: a bare name in a listed folder. An existing name asks first.
  await page.getByTestId('nav-workbook').click();
  await page.getByTestId('save-as-name').fill('crm-migration');
  await page.getByTestId('save-as-submit').click();
  await expect(page.getByTestId('save-as-exists')).toContainText('crm-migration.rollout.json already exists');
  const sampleBytes = await readFile(host.samplePath);
  expect((await readFile(host.samplePath)).equals(sampleBytes)).toBe(true);
  await page.getByTestId('save-as-name').fill('payroll copy');
  await page.getByTestId('save-as-submit').click();
  await expect(page.getByTestId('file-path')).toContainText('payroll copy.rollout.json');
  const copy = join(workbooksDir(host), 'payroll copy.rollout.json');
  expect(JSON.parse(await readFile(copy, 'utf8')).name).toBe('Payroll cut-over');
  // The copy is the open workbook now: a change lands there.
  await page.getByTestId('rename-workbook').fill('Payroll cut-over (copy)');
  await page.getByTestId('rename-submit').click();
  await waitSaved(page, SAMPLE_REV + 1);
  expect(JSON.parse(await readFile(copy, 'utf8')).name).toBe('Payroll cut-over (copy)');

  // Upload: a workbook from elsewhere on this computer becomes a checked copy, and opens.
  const outside = join(host.dataDir, 'from-email.rollout.json');
  await writeFile(outside, (await readFile(host.samplePath, 'utf8')).replace(SAMPLE_NAME, 'Sent by the CAB'));
  await page.getByTestId('upload-input').setInputFiles(outside);
  await expect(page.getByTestId('workbook-name')).toHaveText('Sent by the CAB');
  await expect(page.getByTestId('toast-info')).toContainText(
    'Added a copy of from-email.rollout.json to your workbooks as from-email.rollout.json.',
  );
  expect((await readdir(workbooksDir(host))).filter((n) => n.endsWith('.rollout.json')).sort()).toEqual([
    'crm-migration.rollout.json',
    'from-email.rollout.json',
    'payroll copy.rollout.json',
    'payroll.rollout.json',
  ]);
});

test('a workbook dropped on the window opens as a copy; a file that is not one is refused', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.getByTestId('workbook-name')).toHaveText(SAMPLE_NAME);
  const text = (await readFile(host.samplePath, 'utf8')).replace(SAMPLE_NAME, 'Dropped in the war room');
  const drop = (name: string, content: string) =>
    page.evaluate(
      ([n, c]) => {
        const data = new DataTransfer();
        data.items.add(new File([c], n, { type: 'application/json' }));
        for (const type of ['dragenter', 'dragover', 'drop']) {
          window.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
        }
      },
      [name, content] as const,
    );
  await drop('dropped.rollout.json', text);
  await expect(page.getByTestId('workbook-name')).toHaveText('Dropped in the war room');
  expect(JSON.parse(await readFile(join(workbooksDir(host), 'dropped.rollout.json'), 'utf8')).name).toBe(
    'Dropped in the war room',
  );

  const before = await readdir(workbooksDir(host));
  await drop('passwd', 'root:x:0:0:root:/root:/bin/bash\n');
  const refusal = page.getByTestId('toast-error').filter({ hasText: 'passwd was not added' });
  await expect(refusal).toContainText(
    'passwd was not added. The file is not valid JSON: at line 1, column 1',
  );
  await expect(refusal).toContainText('Nothing was saved.');
  expect(await readdir(workbooksDir(host))).toEqual(before);
  await expect(page.getByTestId('workbook-name')).toHaveText('Dropped in the war room');
});

test('the /etc/passwd family is refused, whatever the page sends', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('workbook-name')).toHaveText(SAMPLE_NAME);
  // Uploading a system file through the picker: refused, and nothing is copied.
  await page.goto(`${host.url}#/files`);
  const before = await readdir(host.dataDir, { recursive: true });
  await page.getByTestId('upload-input').setInputFiles('/etc/passwd');
  await expect(page.getByTestId('toast-error').filter({ hasText: 'passwd was not added' })).toBeVisible();

  // A page script speaking to the bridge directly, as a compromised renderer would.
  const token = new URL(host.url).searchParams.get('token')!;
  const replies = await page.evaluate(async (t) => {
    const ws = new WebSocket(`ws://${location.host}/bridge?token=${t}`);
    await new Promise((r) => ws.addEventListener('open', r, { once: true }));
    const frames: [string, unknown][] = [
      ['workbook:open-file', { path: '/etc/passwd' }],
      ['workbook:open-file', { fileId: '/etc/passwd' }],
      ['workbook:open-file', { fileId: '..' }],
      ['workbook:open-file', { fileId: 'AAAAAAAAAAAAAAAAAAAAAAAA' }],
      ['workbook:save-as', { folderId: 'workbooks', fileName: '../../../etc/passwd' }],
      ['workbook:save-as', { folderId: 'workbooks', fileName: '／etc／passwd' }],
      ['workbook:save-as', { folderId: '/etc', fileName: 'passwd' }],
      ['workbook:restore-backup', { backupId: '../../etc/passwd' }],
      ['workbook:upload-copy', { fileName: '/etc/passwd', text: 'root:x:0:0:root:/root:/bin/bash\n' }],
    ];
    const out: { code: string; message: string }[] = [];
    for (const [i, [method, input]] of frames.entries()) {
      const reply = new Promise<{ reply: { ok: boolean; error?: { code: string; message: string } } }>((r) =>
        ws.addEventListener('message', (e) => {
          const m = JSON.parse(String(e.data));
          if (m.id === i + 1) r(m);
        }),
      );
      ws.send(JSON.stringify({ id: i + 1, method, input }));
      const { reply: got } = await reply;
      out.push(got.ok ? { code: 'ok', message: '' } : got.error!);
    }
    ws.close();
    return out;
  }, token);
  expect(replies.map((r) => r.code)).toEqual([
    'invalid-input', // no method takes a path
    'invalid-input', // ids are not paths
    'not-available', // an id-shaped ".." names nothing the host gave out
    'not-available',
    'invalid-name', // Save As takes a bare name
    'invalid-name', // fullwidth slashes are look-alikes
    'invalid-input', // folders are named by id too
    'invalid-input',
    'not-a-workbook', // an upload is checked before anything is written
  ]);
  for (const r of replies) {
    expect(r.message.length).toBeGreaterThan(20);
    expect(r.message).not.toContain('root:x');
  }
  // Nothing was created, copied or locked anywhere the host looks after.
  expect(await readdir(host.dataDir, { recursive: true })).toEqual(before);
  await expect(stat('/etc/passwd.lock')).rejects.toThrow();
  await expect(page.getByTestId('workbook-name')).toHaveText(SAMPLE_NAME);
});
