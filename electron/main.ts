import { join, resolve } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  Notification,
  powerMonitor,
  powerSaveBlocker,
  protocol,
  session,
} from 'electron';
import type { MenuAction } from '../shared/contract';
import { messageOf } from '../shared/domain/format';
import { createShellCapabilities } from './dialogs';
import { findWorkbookArgument } from './file-args';
import { invoke } from './host/dispatch';
import { createHost } from './host/host';
import { osUserName } from './host/paths';
import type { Host } from './host/types';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { readStaticFile, securityHeaders } from './static-files';
import {
  appWindows,
  createAppWindow,
  createProjectorWindow,
  hardenSession,
  isAppWebContents,
  participantUrl,
} from './windows';

// Electron main: app lifecycle and wiring only. Everything that can be tested without the
// Electron binary lives in host/ (the data) and the small modules beside this one.
// Bundled to dist/electron/main.cjs, so __dirname is dist/electron in development and
// app.asar/dist/electron when packaged.

const SAMPLE_FILE = 'crm-migration.rollout.json';
const rendererDir = join(__dirname, '..', 'renderer');
const preloadPath = join(__dirname, 'preload.cjs');
const samplePath = app.isPackaged
  ? join(process.resourcesPath, 'sample', SAMPLE_FILE) // electron-builder extraResources
  : join(__dirname, '..', '..', 'resources', 'sample', SAMPLE_FILE);

// Must happen before 'ready'. `standard` gives app:// real origins and relative URL
// resolution; `secure` lets the page use APIs reserved for secure contexts. No file:// ever.
protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();
// Development and tests point the app at another data folder. Never in a packaged app: an
// environment variable must not be able to redirect a user's workbooks and settings.
if (!app.isPackaged && process.env.WARROOM_DATA_DIR) {
  app.setPath('userData', resolve(process.env.WARROOM_DATA_DIR));
}

let host: Host | null = null;
let projector: BrowserWindow | null = null;
/** Set once the app is quitting: windows closing then must not be remembered as closed. */
let quitting = false;
let pendingFile: string | null = findWorkbookArgument(process.argv, process.cwd());

if (!app.requestSingleInstanceLock({ file: pendingFile })) {
  // Another instance owns the data folder (and its file locks); it got our file argument.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    // additionalData first: on Windows Chromium may rewrite argv before it gets here.
    const sent = (additionalData as { file?: unknown } | null)?.file;
    const file = typeof sent === 'string' ? sent : findWorkbookArgument(argv, workingDirectory);
    showMainWindow();
    if (file) openWorkbook(file);
  });
  // macOS delivers double-clicked files this way, possibly before 'ready'.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openWorkbook(path);
  });
  app.on('web-contents-created', (_event, contents) => {
    // A second line of defence for any web contents, devtools included.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (host && appWindows().length === 0) openWindow();
  });
  start().catch((error: unknown) => {
    dialog.showErrorBox('Rollout War Room could not start', messageOf(error));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  if (process.platform === 'win32') app.setAppUserModelId('com.rolloutwarroom.app');
  hardenSession(session.defaultSession);
  protocol.handle('app', serveBundle);

  const started = createHost({
    dataDir: app.getPath('userData'),
    samplePath,
    suggestedName: osUserName(),
    shell: createShellCapabilities(openProjector, openParticipant),
  });
  await started.start();
  host = started;
  const unregister = registerIpc(started);
  watchRecentFiles(started);
  installQuitHandler(started, unregister);
  watchTimers(started);

  openWindow();
  // A board that was up when the app quit comes back: the room is still looking at it.
  if (started.projectorWindow.wasOpen()) void openProjector();
  if (pendingFile) openWorkbook(pendingFile);
  pendingFile = null;
}

/**
 * A host timer that expires alerts in every window (the event) and here as a system
 * notification, once. After sleep the clock gap is real time, not a jump to undo.
 */
function watchTimers(started: Host): void {
  powerMonitor.on('resume', () => started.noteResume());
  started.on('runbooks:timers-expired', ({ alerts }) => {
    if (!Notification.isSupported() || alerts.length === 0) return;
    const first = alerts[0]!;
    new Notification({
      title: alerts.length === 1 ? `Timer expired: ${first.label}` : `${alerts.length} timers expired`,
      body: alerts.length === 1 ? first.incident : alerts.map((a) => a.label).join(', '),
    }).show();
  });
}

/**
 * Opens the projector window, or brings it forward. The display stays awake while it is open
 * (a board going dark mid-meeting is the failure), and whether it is open is remembered so the
 * next start brings it back. ipc.ts trusts it like the main window: it is one of appWindows().
 */
async function openProjector(): Promise<void> {
  if (projector && !projector.isDestroyed()) {
    projector.show();
    projector.focus();
    return;
  }
  const win = createProjectorWindow(preloadPath);
  projector = win;
  const blocker = powerSaveBlocker.start('prevent-display-sleep');
  win.on('closed', () => {
    if (powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker);
    if (projector === win) projector = null;
    if (!quitting) void host?.projectorWindow.setOpen(false).catch(() => undefined);
  });
  // Remembering is a convenience: a settings file that cannot be written must not stop the board.
  await host?.projectorWindow.setOpen(true).catch(() => undefined);
}

/**
 * A participants' screen for a drill run: an ordinary app window (hardened the same way) on the
 * route that shows only what participants may see; the facilitator drags it to the room's screen.
 */
async function openParticipant(runId: string): Promise<void> {
  createAppWindow({
    preloadPath,
    title: 'Drill room (EXERCISE) — Rollout War Room',
    url: participantUrl(runId),
  });
}

/** Serves dist/renderer under app://bundle with the same CSP as web mode (minus the socket). */
async function serveBundle(request: Request): Promise<Response> {
  const headers = securityHeaders();
  const url = new URL(request.url);
  if (url.host !== 'bundle') return new Response('Not found', { status: 404, headers });
  const pathname = url.pathname === '/' ? '/index.html' : url.pathname;
  const file = await readStaticFile(rendererDir, pathname);
  if (file === null) return new Response('Not found', { status: 404, headers });
  return new Response(new Uint8Array(file.body), {
    status: 200,
    headers: { ...headers, 'Content-Type': file.contentType, 'Cache-Control': 'no-store' },
  });
}

function openWindow(): BrowserWindow {
  return createAppWindow({ preloadPath });
}

function showMainWindow(): void {
  const win = appWindows()[0] ?? (host ? openWindow() : undefined);
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/** Opens a workbook from the OS (argument, second instance, Finder); the host pushes the result. */
function openWorkbook(path: string): void {
  if (!host) {
    pendingFile = path;
    return;
  }
  host.openPath(path).catch((error: unknown) => {
    dialog.showErrorBox('The workbook could not be opened', messageOf(error));
  });
}

function openRecent(fileId: string): void {
  if (!host) return;
  void invoke(host.api, 'workbook:open-file', { fileId }).then((reply) => {
    if (!reply.ok) dialog.showErrorBox('The workbook could not be opened', reply.error.message);
  });
}

/** Rebuilds the menu when the open file changes, so Open Recent stays current. */
function watchRecentFiles(started: Host): void {
  const handlers = {
    send: (action: MenuAction) => {
      // File and history actions belong to an editing window: sent to the projector, they
      // would navigate the board away from the verdict the room is reading.
      const focused = BrowserWindow.getFocusedWindow();
      const editing = (win: BrowserWindow | null): win is BrowserWindow =>
        win !== null && win !== projector && isAppWebContents(win.webContents);
      const target = editing(focused) ? focused : appWindows().find(editing);
      target?.webContents.send('app:menu-action', action);
    },
    openRecent,
    showAbout: () => {
      void dialog.showMessageBox({
        type: 'info',
        title: `About ${app.getName()}`,
        message: `${app.getName()} ${app.getVersion()}`,
        detail: `Plan, drill, gate and review software rollouts offline, from one workbook file.\n\nElectron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
      });
    },
  };
  const refresh = async () => {
    const recent = await started.api['workbook:list-recent'](undefined).catch(() => []);
    Menu.setApplicationMenu(buildMenu({ recent, isDev: !app.isPackaged }, handlers));
  };
  let lastPath: string | null | undefined;
  started.on('session:state-changed', (state) => {
    const path = state.file?.path ?? null;
    if (path === lastPath) return;
    lastPath = path;
    void refresh();
  });
  void refresh();
}

/** Holds the quit until the host has flushed its last write and released the file lock. */
function installQuitHandler(started: Host, unregister: () => void): void {
  let closing = false;
  app.on('will-quit', (event) => {
    event.preventDefault();
    if (closing) return;
    closing = true;
    unregister();
    started
      .close()
      .catch((error: unknown) =>
        dialog.showErrorBox('Rollout War Room could not save on exit', messageOf(error)),
      )
      .finally(() => app.exit(0));
  });
}
