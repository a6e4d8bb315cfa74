import type { Ack, MenuAction, RecentFile, SessionState } from '../../shared/contract';
import type { Command } from '../../shared/domain/commands';
import { type AppBridge, getBridge, toBridgeError } from '../bridge';
import {
  pushToast,
  requestFile,
  setConnection,
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

async function refreshState(): Promise<void> {
  try {
    setSession(await b().invoke('session:get-state', undefined));
  } catch (err) {
    report(err);
  }
}

/** Connects the store to the host: first state, every push, and a re-read after reconnecting. */
export function startSession(onMenu: (action: MenuAction) => void): () => void {
  const br = b();
  const offs = [
    br.on('session:state-changed', (s) => setSession(s)),
    br.on('workbook:save-status', (s) => setSave(s)),
    br.on('app:menu-action', onMenu),
    br.onConnection((c) => {
      setConnection(c);
      // Pushes sent while we were away are gone; ask for the whole state again.
      if (c === 'open') void refreshState();
    }),
  ];
  setConnection(br.connection());
  void refreshState();
  return () => {
    for (const off of offs) off();
  };
}

/** Sends a command; throws the host's error so forms can place its issues next to fields. */
export function dispatch(command: Command): Promise<Ack> {
  return b().invoke('workbook:dispatch-command', command);
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
    await b().invoke('workbook:undo-change', undefined);
  } catch (err) {
    report(err);
  }
}

export async function redo(): Promise<void> {
  try {
    await b().invoke('workbook:redo-change', undefined);
  } catch (err) {
    report(err);
  }
}

/** Wraps a call that replaces the session (open, create, restore): adopt it or say why not. */
async function replaceSession(call: Promise<SessionState>, success?: string): Promise<boolean> {
  try {
    const next = await call;
    setSession(next);
    useAppStore.setState({ dismissedProblem: null });
    // The host's own notice (e.g. which backup was restored) says it better than we could.
    if (!next.problem && !next.notice && success) pushToast('success', success);
    if (!next.problem && useAppStore.getState().section === 'workbook')
      useAppStore.setState({ section: 'success' });
    return !next.problem;
  } catch (err) {
    report(err);
    return false;
  }
}

export const openFile = (path: string) => replaceSession(b().invoke('workbook:open-file', { path }));
export const openSample = () =>
  replaceSession(b().invoke('workbook:open-sample', undefined), 'Opened the sample workbook.');
export const createFile = (name: string) =>
  replaceSession(b().invoke('workbook:create-file', { name }), `Created workbook '${name.trim()}'.`);
export const restoreBackup = (backupPath: string) =>
  replaceSession(b().invoke('workbook:restore-backup', { backupPath }), 'Backup restored.');

export async function saveAs(path: string): Promise<boolean> {
  try {
    setSession(await b().invoke('workbook:save-as', { path }));
    pushToast('success', `Saved a copy to ${path} and switched to it.`);
    return true;
  } catch (err) {
    report(err);
    return false;
  }
}

export async function listRecent(): Promise<RecentFile[]> {
  try {
    return await b().invoke('workbook:list-recent', undefined);
  } catch (err) {
    report(err);
    return [];
  }
}

/**
 * Asks the shell for a native file dialog. `unsupported` means this shell has none (web mode),
 * so the caller shows a path field instead; null means the user cancelled.
 */
export async function choosePath(kind: 'open' | 'save'): Promise<string | null | 'unsupported'> {
  try {
    return await b().invoke(
      kind === 'open' ? 'dialog:choose-open-path' : 'dialog:choose-save-path',
      undefined,
    );
  } catch (err) {
    const e = toBridgeError(err);
    if (e.code === 'unsupported') return 'unsupported';
    report(e);
    return null;
  }
}

export function isElectron(): boolean {
  return b().kind === 'electron';
}

/** The Electron menu's commands; undo/redo respect a focused text field's own history. */
export function handleMenuAction(action: MenuAction): void {
  switch (action) {
    case 'undo':
    case 'redo':
      if (isEditable(document.activeElement)) {
        // execCommand is the only way to drive a field's native undo stack from a menu.
        document.execCommand(action);
        return;
      }
      if (
        action === 'undo' ? useAppStore.getState().session?.canUndo : useAppStore.getState().session?.canRedo
      ) {
        void (action === 'undo' ? undo() : redo());
      }
      return;
    case 'open':
    case 'save-as':
    case 'new':
      requestFile(action);
      return;
    case 'toggle-theme':
      toggleTheme();
      return;
  }
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
