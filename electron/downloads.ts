import { basename, join } from 'node:path';
import { app, BrowserWindow, type DownloadItem, dialog, type Event, type WebContents } from 'electron';

// Saving an export. A window never names a path: it hands the file over as a download of a
// Blob it made (the same code works in a browser, where the browser saves it). Here each such
// download asks the user where to save it with the native dialog; any other download (a link to
// the outside, a page that is not ours) is refused, as every download was before exports.

/** A name fit for a save dialog: no folders, no characters Windows refuses, never empty. */
export function safeFileName(name: string): string {
  const base = basename(name.replace(/\\/g, '/'))
    .replace(/[<>:"/\\|?*\p{Cc}]/gu, '-')
    .replace(/^\.+/, '')
    .slice(0, 120);
  return base || 'export';
}

/** Only a Blob made by one of our own windows is an export the user asked for. */
export function isExportDownload(url: string, fromAppWindow: boolean, appOrigin: string): boolean {
  return fromAppWindow && url.startsWith(`blob:${appOrigin}/`);
}

export function exportDownloads(isAppWebContents: (contents: WebContents) => boolean, appOrigin: string) {
  return (event: Event, item: DownloadItem, contents: WebContents): void => {
    if (!isExportDownload(item.getURL(), isAppWebContents(contents), appOrigin)) {
      event.preventDefault();
      return;
    }
    const options = {
      title: 'Save export',
      defaultPath: join(app.getPath('documents'), safeFileName(item.getFilename())),
      properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
    };
    // Asked here, synchronously: Electron's own dialog for downloads is easy to bypass by mistake
    // (it silently saves to Downloads in some set-ups); a cancelled dialog cancels the download.
    const owner = BrowserWindow.fromWebContents(contents);
    const path = owner ? dialog.showSaveDialogSync(owner, options) : dialog.showSaveDialogSync(options);
    if (path) item.setSavePath(path);
    else item.cancel();
  };
}
