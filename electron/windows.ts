import { BrowserWindow, type Session, type WebContents } from 'electron';

// Every window we open comes from here, hardened the same way; the set of live windows is
// what ipc.ts checks senders against and where host events are delivered.

export const APP_ORIGIN = 'app://bundle';
export const APP_URL = `${APP_ORIGIN}/index.html`;

const windows = new Set<BrowserWindow>();

export function appWindows(): BrowserWindow[] {
  return [...windows].filter((win) => !win.isDestroyed());
}

export function isAppWebContents(contents: WebContents): boolean {
  return appWindows().some((win) => win.webContents === contents);
}

export function isAppUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}

/** Chromium-internal and inline URLs that are not network traffic. */
function isAllowedRequest(url: string): boolean {
  return isAppUrl(url) || url.startsWith('devtools://') || url.startsWith('data:') || url.startsWith('blob:');
}

/**
 * Applied once to the session all windows share: no permission is ever granted (camera,
 * notifications, geolocation...) and no request leaves app:// — the app works offline by
 * design, so any network request would be a bug or an attack.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url) });
  });
  session.on('will-download', (event) => event.preventDefault());
}

export interface WindowOptions {
  preloadPath: string;
  /** The title until the page sets its own (e.g. a projector window). */
  title?: string;
}

export function createAppWindow(options: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 800,
    minHeight: 560,
    title: options.title ?? 'Rollout War Room',
    show: false,
    backgroundColor: '#10151c',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Middle-click would otherwise open links in new windows; we have none to open.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  });
  windows.add(win);
  win.on('closed', () => windows.delete(win));

  const contents = win.webContents;
  // The page may change its own hash route, but never leave the bundle.
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.once('ready-to-show', () => win.show());

  void win.loadURL(APP_URL);
  return win;
}
