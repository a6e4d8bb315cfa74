import { contextBridge, type IpcRendererEvent, ipcRenderer, webUtils } from 'electron';
import {
  type EventName,
  type Method,
  OPEN_DROPPED_CHANNEL,
  type PreloadApi,
  type Reply,
} from '../shared/contract';

// The sandboxed preload: one CommonJS bundle exposing one narrow object, `window.warroom`.
// The name tables are typed from the contract (a missing or extra name is a compile error)
// but are written out here instead of imported, so the bundle does not drag in zod and the
// workbook schema just to know a dozen strings.

const METHOD_TABLE: Record<Method, true> = {
  'session:get-state': true,
  'settings:set-identity': true,
  'workbook:dispatch-command': true,
  'workbook:undo-change': true,
  'workbook:redo-change': true,
  'files:list-folders': true,
  'workbook:open-file': true,
  'workbook:create-file': true,
  'workbook:save-as': true,
  'workbook:upload-copy': true,
  'workbook:open-sample': true,
  'workbook:restore-backup': true,
  'workbook:list-recent': true,
  'dialog:open-workbook': true,
  'dialog:save-workbook': true,
  'projector:set-settings': true,
  'projector:open-window': true,
  'history:list-entries': true,
  'imports:find-mapping': true,
  'imports:remember-mapping': true,
  'cab:reviewer-key': true,
  'cab:record-decision': true,
  'cab:submit-for-review': true,
  'cab:export-decisions': true,
  'cab:check-decision-file': true,
  'cab:import-decisions': true,
  'workbook:compare': true,
  'export:print-pdf': true,
  'runbooks:recent-alerts': true,
  'drills:share-replay': true,
  'drills:shared-replay': true,
  'drills:open-participant-window': true,
};

const EVENT_TABLE: Record<EventName, true> = {
  'session:state-changed': true,
  'workbook:changed': true,
  'workbook:save-status': true,
  'app:menu-action': true,
  'runbooks:timers-expired': true,
  'drills:replay-changed': true,
};

const has = (table: object, name: unknown): boolean => typeof name === 'string' && Object.hasOwn(table, name);

function failure(code: string, message: string): Reply<never> {
  return { ok: false, error: { code, message, where: '', issues: [] } };
}

async function call(channel: string, input: unknown): Promise<Reply<unknown>> {
  try {
    return (await ipcRenderer.invoke(channel, input)) as Reply<unknown>;
  } catch (error) {
    // e.g. the input held something structured clone cannot copy (a function, a DOM node).
    const message = error instanceof Error ? error.message : String(error);
    return failure('ipc-failed', `The request could not reach the app: ${message}`);
  }
}

const api: PreloadApi = {
  // Unknown names are refused here, before IPC, so the page cannot reach any other channel
  // main might listen on. Failures come back as a Reply, the same shape web mode gives.
  async invoke(method: string, input: unknown): Promise<Reply<unknown>> {
    if (!has(METHOD_TABLE, method)) {
      return failure('unknown-method', `There is no method called "${String(method)}".`);
    }
    return call(method, input);
  },
  on(event: string, listener: (payload: unknown) => void): () => void {
    if (!has(EVENT_TABLE, event)) throw new TypeError(`There is no event called "${String(event)}".`);
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
    // Never hand the IpcRendererEvent to the page: it carries `sender`, i.e. ipcRenderer itself.
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
  async openDroppedFile(file: unknown): Promise<Reply<unknown>> {
    // Only a real dropped or picked File has a path; one built in page script gets "".
    let path = '';
    try {
      path = webUtils.getPathForFile(file as Parameters<typeof webUtils.getPathForFile>[0]);
    } catch {
      path = '';
    }
    if (!path) return failure('not-available', 'Only files from your computer can be dropped here.');
    return call(OPEN_DROPPED_CHANNEL, path);
  },
};

contextBridge.exposeInMainWorld('warroom', Object.freeze(api));
