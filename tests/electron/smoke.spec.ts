import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

// The one test that needs the real Electron binary: the packaged shell starts, shows the
// sample, and the page gets `window.warroom` and nothing of Node. Everything else about the
// host and renderer is proven in web mode, which runs where Electron cannot be downloaded.

const REPO = resolve(import.meta.dirname, '../..');
const MAIN = join(REPO, 'dist/electron/main.cjs');
const SKIP_REASON =
  'SKIPPED: no Electron binary on this machine (offline install); the same host and renderer are covered by the web-mode e2e tests';

/** Finds the binary without require('electron'), which would try to download it. */
function findElectron(): string | null {
  const pkg = join(REPO, 'node_modules/electron');
  let relativeExe: string | null = null;
  try {
    relativeExe = readFileSync(join(pkg, 'path.txt'), 'utf8').trim() || null;
  } catch {
    // never installed
  }
  const fallback =
    process.platform === 'darwin'
      ? 'Electron.app/Contents/MacOS/Electron'
      : process.platform === 'win32'
        ? 'electron.exe'
        : 'electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const exe = override
    ? join(override, relativeExe ?? fallback)
    : relativeExe && join(pkg, 'dist', relativeExe);
  return exe && existsSync(exe) ? exe : null;
}

test('the Electron shell opens the sample with an isolated, Node-free page', async () => {
  const executablePath = findElectron();
  if (!executablePath) {
    console.log(SKIP_REASON);
    test.skip(true, SKIP_REASON);
    return;
  }
  const sampleName = (
    JSON.parse(readFileSync(join(REPO, 'resources/sample/crm-migration.rollout.json'), 'utf8')) as {
      name: string;
    }
  ).name;
  const dataDir = await mkdtemp(join(tmpdir(), 'warroom-electron-'));
  // Chromium refuses to run as root with its sandbox on (containers, CI); the renderer is
  // still sandboxed by Electron's own process model and contextIsolation.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  // ELECTRON_RUN_AS_NODE (set by some tools) would make the binary act as plain Node.
  const env: Record<string, string> = { WARROOM_DATA_DIR: dataDir };
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE' && key !== 'WARROOM_DATA_DIR') env[key] = value;
  }
  const app = await electron.launch({ executablePath, args: [...rootArgs, MAIN], env });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('workbook-name')).toContainText(sampleName);
    expect(page.url()).toMatch(/^app:\/\/bundle\//);
    const globals = await page.evaluate(() => {
      const scope = globalThis as Record<string, unknown>;
      const warroom = scope.warroom as Record<string, unknown> | undefined;
      return {
        warroom: typeof warroom,
        keys: warroom ? Object.keys(warroom).sort() : [],
        require: typeof scope.require,
        process: typeof scope.process,
        module: typeof scope.module,
      };
    });
    expect(globals).toEqual({
      warroom: 'object',
      keys: ['invoke', 'on', 'openDroppedFile'],
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
    });
    // The one contract over real IPC: the host answers with a listing, ids and no paths asked.
    const folders = await page.evaluate(async () => {
      const warroom = (globalThis as { warroom?: { invoke(m: string, i: unknown): Promise<unknown> } })
        .warroom;
      return warroom?.invoke('files:list-folders', undefined);
    });
    expect(folders).toMatchObject({ ok: true, value: [{ id: 'workbooks' }] });
    // A dropped "file" made by page script has no disk path: refused in the preload.
    const dropped = await page.evaluate(async () => {
      const warroom = (globalThis as { warroom?: { openDroppedFile(f: unknown): Promise<unknown> } }).warroom;
      return warroom?.openDroppedFile({ path: '/etc/passwd' });
    });
    expect(dropped).toMatchObject({ ok: false, error: { code: 'not-available' } });
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
