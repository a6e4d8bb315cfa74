import { BrowserWindow, type Rectangle, type Session, screen, type WebContents } from 'electron';
import { exportDownloads } from './downloads';

// Every window we open comes from here, hardened the same way; the set of live windows is
// what ipc.ts checks senders against and where host events are delivered.

export const APP_ORIGIN = 'app://bundle';
export const APP_URL = `${APP_ORIGIN}/index.html`;
/** The board's hash route (PROJECTOR_ROUTE in renderer/app/routes.ts; main cannot import the renderer). */
export const PROJECTOR_URL = `${APP_URL}#/projector`;
/** A drill run's participants' screen (PARTICIPANT_ROUTE in renderer/features/drills/ParticipantPage.tsx). */
export const participantUrl = (runId: string) => `${APP_URL}#/drill-room?run=${encodeURIComponent(runId)}`;

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
 * design, so any network request would be a bug or an attack. Downloads are exports only.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url) });
  });
  // Only exports a window made itself, each saved where the user says (downloads.ts).
  session.on('will-download', exportDownloads(isAppWebContents, APP_ORIGIN));
}

export interface WindowOptions {
  preloadPath: string;
  /** The title until the page sets its own (e.g. a projector window). */
  title?: string;
  /** What to load: the bundle's start page unless a route is given (always inside the bundle). */
  url?: string;
  /** Where to put the window, e.g. on a second display; the OS decides when absent. */
  bounds?: Rectangle;
  fullscreen?: boolean;
  backgroundColor?: string;
}

export function createAppWindow(options: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: options.bounds?.width ?? 1400,
    height: options.bounds?.height ?? 900,
    ...(options.bounds ? { x: options.bounds.x, y: options.bounds.y } : {}),
    // Only ever set to true: an explicit false hides the full-screen button on macOS.
    ...(options.fullscreen ? { fullscreen: true } : {}),
    minWidth: 800,
    minHeight: 560,
    title: options.title ?? 'Rollout War Room',
    show: false,
    backgroundColor: options.backgroundColor ?? '#10151c',
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

  const url = options.url ?? APP_URL;
  void win.loadURL(isAppUrl(url) ? url : APP_URL);
  return win;
}

/**
 * The projector board in a window of its own, hardened exactly like the main one (same
 * function). With a second display attached (the projector), it opens full screen there; with
 * one display, as a normal window the facilitator can drag.
 */
export function createProjectorWindow(preloadPath: string): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const second = screen.getAllDisplays().find((d) => d.id !== primary.id);
  return createAppWindow({
    preloadPath,
    title: 'Projector — Rollout War Room',
    url: PROJECTOR_URL,
    // The board's own black, so no flash of the app's colour before it paints.
    backgroundColor: '#000000',
    ...(second ? { bounds: second.bounds, fullscreen: true } : {}),
  });
}
