import { z } from 'zod';
import { CommandSchema } from './domain/commands';
import type { Workbook } from './schema/workbook';

// The one typed API between renderer and host. The preload, the IPC registration, the web
// bridge and the renderer all derive from METHODS/EVENTS below; the host must implement
// `HostApi`, so a method missing on either side is a compile error.

const none = z.undefined({ error: 'This method takes no argument' });
const filePath = z
  .string({ error: 'A file path is required' })
  .min(1, 'A file path is required')
  .max(4096, 'That path is too long')
  .refine((p) => !p.includes('\0'), 'A path cannot contain NUL characters');

export const METHODS = {
  'session:get-state': none,
  'workbook:dispatch-command': CommandSchema,
  'workbook:undo-change': none,
  'workbook:redo-change': none,
  'workbook:open-file': z.strictObject({ path: filePath }),
  'workbook:create-file': z.strictObject({
    name: z.string().trim().min(1, 'Give the workbook a name').max(160),
  }),
  'workbook:save-as': z.strictObject({ path: filePath }),
  'workbook:open-sample': none,
  'workbook:restore-backup': z.strictObject({ backupPath: filePath }),
  'workbook:list-recent': none,
  'dialog:choose-open-path': none,
  'dialog:choose-save-path': none,
} as const satisfies Record<string, z.ZodType>;

export type Method = keyof typeof METHODS;
export type MethodInput<M extends Method> = z.output<(typeof METHODS)[M]>;
export const METHOD_NAMES = Object.keys(METHODS) as Method[];

/** Why a file could not be opened, and what the user can do about it. */
export type ProblemKind =
  | 'not-found'
  | 'unreadable'
  | 'too-large'
  | 'empty'
  | 'nul-bytes'
  | 'bom'
  | 'truncated'
  | 'not-json'
  | 'not-an-object'
  | 'too-deep'
  | 'forbidden-key'
  | 'missing-version'
  | 'future-version'
  | 'migration-failed'
  | 'wrong-schema';

export interface BackupInfo {
  path: string;
  takenAt: string;
  revision: number;
  bytes: number;
}

export interface OpenProblem {
  kind: ProblemKind;
  path: string;
  /** One sentence naming the problem, for a heading. */
  title: string;
  /** What is wrong and where (line/column, byte offset or field path). */
  detail: string;
  /** Copy of the bad bytes kept for support; the original is never modified. */
  quarantinedTo: string | null;
  backups: BackupInfo[];
}

export type SaveStatus = { state: 'saved' } | { state: 'saving' } | { state: 'error'; message: string };

export interface OpenFile {
  path: string;
  readOnly: boolean;
  /** Why the file is read-only (another window holds its lock, for example). */
  readOnlyReason: string | null;
}

export interface SessionState {
  file: OpenFile | null;
  workbook: Workbook | null;
  canUndo: boolean;
  canRedo: boolean;
  save: SaveStatus;
  problem: OpenProblem | null;
  /** A one-off piece of news about the open, e.g. "migrated from version 1". */
  notice: string | null;
}

export interface RecentFile {
  path: string;
  name: string;
  openedAt: string;
}

export interface Ack {
  revision: number;
}

export interface MethodResults {
  'session:get-state': SessionState;
  'workbook:dispatch-command': Ack;
  'workbook:undo-change': Ack;
  'workbook:redo-change': Ack;
  'workbook:open-file': SessionState;
  'workbook:create-file': SessionState;
  'workbook:save-as': SessionState;
  'workbook:open-sample': SessionState;
  'workbook:restore-backup': SessionState;
  'workbook:list-recent': RecentFile[];
  'dialog:choose-open-path': string | null;
  'dialog:choose-save-path': string | null;
}

export type MenuAction = 'undo' | 'redo' | 'open' | 'save-as' | 'new' | 'toggle-theme';

export interface Events {
  'session:state-changed': SessionState;
  'workbook:save-status': SaveStatus;
  'app:menu-action': MenuAction;
}
export type EventName = keyof Events;
export const EVENT_NAMES = [
  'session:state-changed',
  'workbook:save-status',
  'app:menu-action',
] as const satisfies readonly EventName[];

/** An error as it crosses the bridge: a code for programs, a message and place for people. */
export interface ApiError {
  code: string;
  message: string;
  where: string;
  issues: { path: string; message: string }[];
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the host implements: one function per method, typed from the contract. */
export type HostApi = { [M in Method]: (input: MethodInput<M>) => Promise<MethodResults[M]> };

/** What the renderer sees, whichever shell it runs in. */
export interface Bridge {
  invoke<M extends Method>(method: M, input: MethodInput<M>): Promise<MethodResults[M]>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

/** The narrow object the Electron preload exposes as `window.warroom`. */
export interface PreloadApi {
  invoke(method: string, input: unknown): Promise<Reply<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
