import { create } from 'zustand';
import type { SaveStatus, SessionState, WorkbookChange } from '../../shared/contract';
import { deepFreeze } from '../../shared/domain/bulk-patches';
import { applyPatches } from '../../shared/domain/patches';
import type { ConnectionState } from '../bridge';
import { applyTheme, initialTheme, type Theme } from './theme';

// The renderer holds no workbook truth of its own: `session` is whatever the host last sent,
// kept current by applying each pushed change's patches. Everything else here is view state
// (theme, toasts, prompts) that never reaches the file.

export type ToastTone = 'info' | 'success' | 'error';

export interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
  /** An undo offer is only honest while the workbook is still at the revision it refers to. */
  undoAtRevision?: number;
}

/** What a menu item or shortcut asked the Files screen to do, with a serial to re-trigger it. */
export interface FileIntent {
  kind: 'open' | 'save-as' | 'new';
  serial: number;
}

/** An open request for the "who are you" dialog; settled when the user answers or cancels. */
export interface IdentityRequest {
  reason: 'first-edit' | 'change';
  settle(saved: boolean): void;
}

export interface AppState {
  session: SessionState | null;
  save: SaveStatus;
  connection: ConnectionState;
  theme: Theme;
  toasts: Toast[];
  fileIntent: FileIntent | null;
  /** A problem the user set aside to go back to the workbook that is still open. */
  dismissedProblem: string | null;
  identityRequest: IdentityRequest | null;
}

export const useAppStore = create<AppState>(() => ({
  session: null,
  save: { state: 'saved' },
  connection: 'connecting',
  theme: initialTheme(),
  toasts: [],
  fileIntent: null,
  dismissedProblem: null,
  identityRequest: null,
}));

const set = useAppStore.setState;
const get = useAppStore.getState;

let toastSerial = 0;

export function pushToast(tone: ToastTone, message: string, undoAtRevision?: number): number {
  const id = ++toastSerial;
  const toast: Toast =
    undoAtRevision === undefined ? { id, tone, message } : { id, tone, message, undoAtRevision };
  // Keep the stack short: a war room does not read a wall of notifications.
  set({ toasts: [...get().toasts, toast].slice(-4) });
  return id;
}

export function dismissToast(id: number): void {
  set({ toasts: get().toasts.filter((t) => t.id !== id) });
}

export function setSession(session: SessionState): void {
  const prev = get().session;
  // The host's one-off news (e.g. "migrated from version 1") is worth a toast, once.
  if (session.notice && session.notice !== prev?.notice) pushToast('info', session.notice);
  // Frozen like every state the patches make: nothing in the page can change the host's truth
  // behind its back, and the rules' caches (keyed on frozen lists) hold from the first render of
  // an opened file, not only after its first edit.
  if (session.workbook) deepFreeze(session.workbook);
  set({ session });
  setSave(session.save);
}

/**
 * Applies one pushed change. 'gap' means this window missed a revision (a dropped socket, a
 * slow reconnect): the caller asks the host for a fresh snapshot instead of guessing.
 */
export function applyChange(change: WorkbookChange): 'applied' | 'stale' | 'gap' {
  const session = get().session;
  const wb = session?.workbook;
  if (!session || !wb) return 'gap';
  if (change.revision <= wb.revision) return 'stale';
  if (change.revision !== wb.revision + 1) return 'gap';
  const workbook = {
    ...applyPatches(wb, change.patches),
    revision: change.revision,
    updatedAt: change.updatedAt,
  };
  set({ session: { ...session, workbook, canUndo: change.canUndo, canRedo: change.canRedo } });
  return 'applied';
}

export function setSave(save: SaveStatus): void {
  const prev = get().save;
  // A failed save is the one status change nobody may miss, so it also raises an alert.
  if (save.state === 'error' && (prev.state !== 'error' || prev.message !== save.message)) {
    pushToast('error', `Not saved: ${save.message}`);
  }
  set({ save });
}

export function setConnection(connection: ConnectionState): void {
  set({ connection });
}

export function setFileIntent(kind: FileIntent['kind']): void {
  set({ fileIntent: { kind, serial: (get().fileIntent?.serial ?? 0) + 1 } });
}

export function setTheme(theme: Theme): void {
  applyTheme(theme, true);
  set({ theme });
}

export function toggleTheme(): void {
  setTheme(get().theme === 'dark' ? 'light' : 'dark');
}

/** A stable key for "this particular problem", so dismissing one does not hide the next. */
export function problemKey(session: SessionState | null): string | null {
  const p = session?.problem;
  return p ? `${p.kind}:${p.path}:${p.detail}` : null;
}

export function dismissProblem(): void {
  set({ dismissedProblem: problemKey(get().session) });
}

/** Shows the "who are you" dialog; resolves true once the host has the answer. */
export function requestIdentity(reason: IdentityRequest['reason']): Promise<boolean> {
  get().identityRequest?.settle(false);
  return new Promise((resolve) => {
    set({
      identityRequest: {
        reason,
        settle: (saved) => {
          set({ identityRequest: null });
          resolve(saved);
        },
      },
    });
  });
}
