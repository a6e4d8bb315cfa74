import { basename, join } from 'node:path';
import { app, BrowserWindow, dialog, type FileFilter } from 'electron';
import { WORKBOOK_SUFFIX } from '../shared/domain/limits';
import type { ShellCapabilities } from './host/types';
import { printToPdf } from './pdf';

// Native open/save dialogs, handed to the host as ShellCapabilities (web mode has none).

const FILTERS: FileFilter[] = [
  // Electron turns this into *.rollout.json on Windows and Linux. macOS only matches the last
  // extension, so the JSON filter keeps workbooks selectable there.
  { name: 'Rollout workbook', extensions: ['rollout.json'] },
  { name: 'JSON', extensions: ['json'] },
];

/** A file name from a workbook name: no path separators or characters Windows refuses. */
function fileNameFor(suggested: string): string {
  const base = basename(suggested.trim() || 'Untitled rollout')
    .replace(/[<>:"/\\|?*\p{Cc}]/gu, '-')
    .slice(0, 120);
  return base.toLowerCase().endsWith(WORKBOOK_SUFFIX) ? base : `${base}${WORKBOOK_SUFFIX}`;
}

/** Native dialogs, plus the projector window, which main owns and passes in. */
export function createShellCapabilities(
  openProjector: () => Promise<void>,
  openParticipant: (runId: string) => Promise<void>,
): ShellCapabilities {
  return {
    openProjector,
    openParticipant,
    printToPdf,
    async chooseOpenPath() {
      const owner = BrowserWindow.getFocusedWindow();
      const options = { properties: ['openFile' as const], filters: FILTERS };
      const result = owner
        ? await dialog.showOpenDialog(owner, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSavePath(suggestedName: string) {
      const owner = BrowserWindow.getFocusedWindow();
      const options = {
        defaultPath: join(app.getPath('documents'), fileNameFor(suggestedName)),
        filters: FILTERS,
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const result = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      // Some dialogs drop the double extension; a workbook should always keep it.
      const path = result.filePath;
      if (path.toLowerCase().endsWith(WORKBOOK_SUFFIX)) return path;
      return `${path.replace(/\.json$/i, '')}${WORKBOOK_SUFFIX}`;
    },
  };
}
