import { BrowserWindow, session as sessions } from 'electron';

// An exported HTML page printed to PDF: in a hidden window of its own, in a private in-memory
// session that can load nothing but that one page, with JavaScript off and the sandbox on. The
// page is served from memory (a data: URL would cap its size at 2 MB), one print at a time.

const PARTITION = 'export-pdf';
export const PAGE_URL = 'app://export/page.html';

let page: string | null = null;
let queue: Promise<unknown> = Promise.resolve();
let ready = false;

function printSession(): Electron.Session {
  const ses = sessions.fromPartition(PARTITION, { cache: false });
  if (ready) return ses;
  ready = true;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: details.url !== PAGE_URL }));
  ses.on('will-download', (event) => event.preventDefault());
  ses.protocol.handle('app', (request) => {
    if (request.url !== PAGE_URL || page === null) return new Response('Not found', { status: 404 });
    return new Response(page, {
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        // On top of the page's own policy: whatever it says, nothing runs and nothing loads.
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; script-src 'none'",
      },
    });
  });
  return ses;
}

async function print(html: string): Promise<Uint8Array> {
  page = html;
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      session: printSession(),
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      // No script runs to open anything, but a middle-click on a link would still try.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    win.webContents.on('will-navigate', (event) => event.preventDefault());
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    await win.loadURL(PAGE_URL);
    return await win.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
    });
  } finally {
    page = null;
    win.destroy();
  }
}

export function printToPdf(html: string): Promise<Uint8Array> {
  const run = queue.then(() => print(html));
  queue = run.catch(() => undefined);
  return run;
}
