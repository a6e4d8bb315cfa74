import { type IpcMainInvokeEvent, ipcMain } from 'electron';
import {
  EVENT_NAMES,
  type EventName,
  METHOD_NAMES,
  OPEN_DROPPED_CHANNEL,
  type Reply,
} from '../shared/contract';
import { invoke, toApiError } from './host/dispatch';
import type { Host } from './host/types';
import { appWindows, isAppUrl, isAppWebContents } from './windows';

// IPC is the Electron twin of the web bridge in web.ts: same method names, same dispatch,
// same Reply shape. Validation of the input itself happens in dispatch.ts, once, for both.

const FORBIDDEN: Reply<never> = {
  ok: false,
  error: {
    code: 'forbidden',
    message: 'This request did not come from a Rollout War Room window.',
    where: '',
    issues: [],
  },
};

/**
 * Only the top frame of one of our windows, showing our bundle, may call the host. That rules
 * out devtools extensions, any frame that somehow navigated elsewhere, and any future iframe.
 */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url) && isAppWebContents(event.sender);
}

/** Registers one handler per contract method; returns a function that removes them all. */
export function registerIpc(host: Host): () => void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(name, async (event, input: unknown): Promise<Reply<unknown>> => {
      if (!isTrustedSender(event)) return FORBIDDEN;
      return invoke(host.api, name, input);
    });
  }
  // A workbook dropped on a window: the preload resolved the dropped File to its path, which a
  // page cannot invent. It is the user's own choice, like a file picked in a dialog.
  ipcMain.handle(OPEN_DROPPED_CHANNEL, async (event, path: unknown): Promise<Reply<unknown>> => {
    if (!isTrustedSender(event)) return FORBIDDEN;
    if (typeof path !== 'string' || path === '') {
      return {
        ok: false,
        error: {
          code: 'not-available',
          message: 'Only files from your computer can be dropped here.',
          where: '',
          issues: [],
        },
      };
    }
    try {
      return { ok: true, value: await host.openPath(path) };
    } catch (error) {
      return { ok: false, error: toApiError(OPEN_DROPPED_CHANNEL, error) };
    }
  });
  const unsubscribes = EVENT_NAMES.map((name) =>
    host.on(name, (payload: unknown) => sendToWindows(name, payload)),
  );
  return () => {
    ipcMain.removeHandler(OPEN_DROPPED_CHANNEL);
    for (const name of METHOD_NAMES) ipcMain.removeHandler(name);
    for (const off of unsubscribes) off();
  };
}

/** Push events go to every window (main, projector): each draws from the same state. */
export function sendToWindows(event: EventName, payload: unknown): void {
  for (const win of appWindows()) {
    if (!win.webContents.isDestroyed()) win.webContents.send(event, payload);
  }
}
