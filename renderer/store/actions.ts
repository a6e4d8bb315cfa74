import type {
  Ack,
  FolderEntry,
  HistoryPage,
  MenuAction,
  MethodInput,
  RecentFile,
  SessionState,
} from '../../shared/contract';
import type { Command } from '../../shared/domain/commands';
import { formatBytes } from '../../shared/domain/format';
import type { Identity } from '../../shared/domain/identity';
import { MAX_WORKBOOK_BYTES } from '../../shared/domain/limits';
import type { Packed } from '../../shared/domain/wire-pack';
import { currentRoute, FILES_ROUTE, HISTORY_ROUTE, HOME_ROUTE, navigate } from '../app/routes';
import { type AppBridge, BridgeError, getBridge, toBridgeError } from '../bridge';
import {
  applyChange,
  pushToast,
  requestIdentity,
  setConnection,
  setFileIntent,
  setSave,
  setSession,
  toggleTheme,
  useAppStore,
} from './app-store';

// Every call to the host goes through here, so failures are reported the same way everywhere:
// the host's own message, in a toast, and never a silent no-op.

let bridge: AppBridge | null = null;
const b = (): AppBridge => {
  bridge ??= getBridge();
  return bridge;
};

function report(err: unknown): void {
  pushToast('error', toBridgeError(err).message);
}

let resyncing = false;

async function refreshState(): Promise<void> {
  try {
    setSession(await b().invoke('session:get-state', undefined));
  } catch (err) {
    report(err);
  }
}

/** A missed revision: take a whole snapshot. Pushes arriving meanwhile are older than it. */
async function resync(): Promise<void> {
  if (resyncing) return;
  resyncing = true;
  try {
    await refreshState();
  } finally {
    resyncing = false;
  }
}

/** Connects the store to the host: first state, every push, and a re-read after reconnecting. */
export function startSession(onMenu: (action: MenuAction) => void): () => void {
  const br = b();
  const offs = [
    br.on('session:state-changed', (s) => setSession(s)),
    br.on('workbook:changed', (change) => {
      if (resyncing) return;
      if (applyChange(change) === 'gap') void resync();
    }),
    br.on('workbook:save-status', (s) => setSave(s)),
    br.on('app:menu-action', onMenu),
    br.onConnection((c) => {
      setConnection(c);
      // Pushes sent while we were away are gone; ask for the whole state again.
      if (c === 'open') void resync();
    }),
  ];
  setConnection(br.connection());
  void resync();
  return () => {
    for (const off of offs) off();
  };
}

/**
 * Runs a change that must be signed. The first time, the user is asked who they are; the
 * change goes through once they answer, and is dropped (saying so) if they cancel.
 */
async function signed<T>(call: () => Promise<T>): Promise<T> {
  const ask = async () => {
    if (await requestIdentity('first-edit')) return;
    throw new BridgeError({
      code: 'identity-required',
      message: 'Nothing was changed: every change is signed, so say who you are first.',
      where: '',
      issues: [],
    });
  };
  if (!useAppStore.getState().session?.user) await ask();
  try {
    return await call();
  } catch (err) {
    if (toBridgeError(err).code !== 'identity-required') throw err;
    await ask();
    return call();
  }
}

/** Sends a command; throws the host's error so forms can place its issues next to fields. */
export function dispatch(command: Command): Promise<Ack> {
  return signed(() => b().invoke('workbook:dispatch-command', command));
}

/** `dispatch` for a command packed by a worker (an import's 100,000 records). */
export function dispatchPacked(command: Packed<Command>): Promise<Ack> {
  return signed(() => b().invokePacked('workbook:dispatch-command', command));
}

/** Sends a command and reports any refusal as a toast; resolves to the ack or null. */
export async function run(command: Command): Promise<Ack | null> {
  try {
    return await dispatch(command);
  } catch (err) {
    report(err);
    return null;
  }
}

export async function undo(): Promise<void> {
  try {
    await signed(() => b().invoke('workbook:undo-change', undefined));
  } catch (err) {
    report(err);
  }
}

export async function redo(): Promise<void> {
  try {
    await signed(() => b().invoke('workbook:redo-change', undefined));
  } catch (err) {
    report(err);
  }
}

/** Saves who signs changes; throws the host's error so the dialog can show it inline. */
export function setIdentity(identity: Identity): Promise<Identity> {
  return b().invoke('settings:set-identity', identity);
}

/** Wraps a call that replaces the session (open, create, restore): adopt it or say why not. */
async function replaceSession(call: Promise<SessionState | null>, success?: string): Promise<boolean> {
  try {
    const next = await call;
    if (!next) return false; // a dialog was cancelled
    setSession(next);
    useAppStore.setState({ dismissedProblem: null });
    // The host's own notice (e.g. which backup was restored) says it better than we could.
    if (!next.problem && !next.notice && success) pushToast('success', success);
    if (!next.problem && currentRoute() === FILES_ROUTE) navigate(HOME_ROUTE);
    return !next.problem;
  } catch (err) {
    report(err);
    return false;
  }
}

export const openFile = (fileId: string) => replaceSession(b().invoke('workbook:open-file', { fileId }));
export const openWithDialog = () => replaceSession(b().invoke('dialog:open-workbook', undefined));
export const openSample = () =>
  replaceSession(b().invoke('workbook:open-sample', undefined), 'Opened the sample workbook.');
export const createFile = (name: string) =>
  replaceSession(b().invoke('workbook:create-file', { name }), `Created workbook '${name.trim()}'.`);
export const restoreBackup = (backupId: string) =>
  replaceSession(b().invoke('workbook:restore-backup', { backupId }), 'Backup restored.');

/** Save As into a listed folder. Throws the host's error so the form can offer to replace. */
export async function saveAs(input: MethodInput<'workbook:save-as'>): Promise<void> {
  const next = await b().invoke('workbook:save-as', input);
  setSession(next);
  pushToast('success', `Saved a copy as ${next.file?.path ?? input.fileName} and switched to it.`);
}

export async function saveWithDialog(): Promise<void> {
  try {
    const next = await b().invoke('dialog:save-workbook', undefined);
    if (!next) return;
    setSession(next);
    pushToast('success', `Saved a copy as ${next.file?.path} and switched to it.`);
  } catch (err) {
    report(err);
  }
}

/**
 * A workbook file from this computer (picked or dropped). The desktop shell opens it where it
 * is; web mode sends its content, and the host keeps a checked copy in the workbooks folder.
 */
export async function openLocalFile(file: File): Promise<boolean> {
  const br = b();
  if (br.openDroppedFile) return replaceSession(br.openDroppedFile(file));
  if (file.size > MAX_WORKBOOK_BYTES) {
    report(
      new Error(
        `${file.name} is ${formatBytes(file.size)}; a workbook is at most ${formatBytes(MAX_WORKBOOK_BYTES)}.`,
      ),
    );
    return false;
  }
  const text = await file.text();
  return replaceSession(br.invoke('workbook:upload-copy', { fileName: file.name, text }));
}

export async function listRecent(): Promise<RecentFile[]> {
  try {
    return await b().invoke('workbook:list-recent', undefined);
  } catch (err) {
    report(err);
    return [];
  }
}

export async function listFolders(): Promise<FolderEntry[] | null> {
  try {
    return await b().invoke('files:list-folders', undefined);
  } catch (err) {
    report(err);
    return null;
  }
}

export function historyPage(input: MethodInput<'history:list-entries'>): Promise<HistoryPage> {
  return b().invoke('history:list-entries', input);
}

/** The Electron menu's commands; undo/redo respect a focused text field's own history. */
export function handleMenuAction(action: MenuAction): void {
  switch (action) {
    case 'undo':
    case 'redo': {
      if (isEditable(document.activeElement)) {
        // execCommand is the only way to drive a field's native undo stack from a menu.
        document.execCommand(action);
        return;
      }
      const session = useAppStore.getState().session;
      if (action === 'undo' ? session?.canUndo : session?.canRedo) void (action === 'undo' ? undo() : redo());
      return;
    }
    case 'open':
    case 'save-as':
    case 'new':
      requestFile(action);
      return;
    case 'history':
      navigate(HISTORY_ROUTE);
      return;
    case 'toggle-theme':
      toggleTheme();
      return;
  }
}

/** Shows the Files screen and asks it to start an open, a Save As or a new workbook. */
export function requestFile(kind: 'open' | 'save-as' | 'new'): void {
  if (currentRoute() !== FILES_ROUTE) navigate(FILES_ROUTE);
  setFileIntent(kind);
}

export function isEditable(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement) return true;
  if (el instanceof HTMLInputElement) {
    return !['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'file'].includes(el.type);
  }
  return false;
}
