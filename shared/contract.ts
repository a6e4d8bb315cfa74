import { z } from 'zod';
import { MAX_DECISION_FILE_BYTES } from './areas/cab/decision-file';
import type { SectionDiff } from './areas/cab/diff';
import { DECISIONS, type DecisionKind } from './areas/cab/schema';
import { ReplayShareSchema, type SharedReplay } from './areas/drills/replay';
import type { AuditEntry } from './domain/audit';
import { CommandSchema } from './domain/commands';
import { type Identity, IdentitySchema } from './domain/identity';
import { MAX_WORKBOOK_BYTES } from './domain/limits';
import type { Patch } from './domain/patches';
import { type ProjectorSettings, ProjectorSettingsSchema } from './domain/projector';
import { HeaderSchema, KindIdSchema, MappingSchema, type RememberedMapping } from './import/mapping-schema';
import { entityId } from './schema/fields';
import type { Workbook } from './schema/workbook';

// The one typed API between renderer and host. The preload, the IPC registration, the web
// bridge and the renderer all derive from METHODS/EVENTS below; the host must implement
// `HostApi`, so a method missing on either side is a compile error.
//
// No method takes a file path: the renderer names files by the ids the host gave out (a
// listing, the recent list, a backup list) or by a bare name inside a folder the host chose.

const none = z.undefined({ error: 'This method takes no argument' });
/** Ids are handed out by the host; anything else is not one of them. */
const handle = (what: string) =>
  z
    .string({ error: `A ${what} id is required` })
    .regex(/^[A-Za-z0-9_.-]{1,128}$/, `That is not a ${what} id this app gave out`);

/** The plan's SHA-256 as a window computed it. */
const reviewedHash = z
  .string({ error: 'The hash of the plan you reviewed is required' })
  .regex(/^[0-9a-f]{64}$/, 'That is not the SHA-256 of a plan');
const decisionFileText = z
  .string({ error: 'The decision file content is required' })
  .max(MAX_DECISION_FILE_BYTES, 'That file is too large to be a decision file');

export const METHODS = {
  'session:get-state': none,
  'settings:set-identity': IdentitySchema,
  'workbook:dispatch-command': CommandSchema,
  'workbook:undo-change': none,
  'workbook:redo-change': none,
  'files:list-folders': none,
  'workbook:open-file': z.strictObject({ fileId: handle('file') }),
  'workbook:create-file': z.strictObject({
    name: z.string().trim().min(1, 'Give the workbook a name').max(160, 'At most 160 characters'),
  }),
  'workbook:save-as': z.strictObject({
    folderId: handle('folder'),
    /** A bare file name; the host checks it and adds .rollout.json if missing. */
    fileName: z.string({ error: 'A file name is required' }).max(300, 'That file name is too long'),
    overwrite: z.boolean().optional(),
  }),
  'workbook:upload-copy': z.strictObject({
    fileName: z.string({ error: 'A file name is required' }).max(300, 'That file name is too long'),
    text: z
      .string({ error: 'The file content is required' })
      .max(MAX_WORKBOOK_BYTES, 'The file is too large'),
  }),
  'workbook:open-sample': none,
  'workbook:restore-backup': z.strictObject({ backupId: handle('backup') }),
  'workbook:list-recent': none,
  'dialog:open-workbook': none,
  'dialog:save-workbook': none,
  'projector:set-settings': ProjectorSettingsSchema,
  'projector:open-window': none,
  'history:list-entries': z.strictObject({
    area: z.string().max(60).optional(),
    /** Entries older than this revision; absent for the newest. */
    before: z.number().int().min(1).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  }),
  /** The mapping remembered for an export with this header, so it imports in one step. */
  'imports:find-mapping': z.strictObject({ kind: KindIdSchema, header: HeaderSchema }),
  'imports:remember-mapping': z.strictObject({
    kind: KindIdSchema,
    header: HeaderSchema,
    mapping: MappingSchema,
  }),
  // The CAB's review: what needs the plan's hash or the reviewer's own key happens in the host.
  'cab:reviewer-key': none,
  'cab:record-decision': z.strictObject({
    decision: z.enum(DECISIONS, { error: `Decision must be one of: ${DECISIONS.join(', ')}` }),
    conditions: z.string().max(2000, 'Conditions must be at most 2000 characters'),
    /** Checked by the decision itself, which says "a comment is required" next to the field. */
    comment: z.string().max(2000, 'The comment must be at most 2000 characters'),
    reviewedHash: reviewedHash,
    baseRevision: z.number().int().min(0),
  }),
  'cab:submit-for-review': z.strictObject({
    note: z.string().max(500, 'The note must be at most 500 characters'),
    reviewedHash: reviewedHash,
    baseRevision: z.number().int().min(0),
  }),
  'cab:export-decisions': none,
  'cab:check-decision-file': z.strictObject({ text: decisionFileText }),
  'cab:import-decisions': z.strictObject({ text: decisionFileText }),
  /** Another workbook file the user picked, compared with the open one. */
  'workbook:compare': z.strictObject({
    fileName: z.string({ error: 'A file name is required' }).max(300, 'That file name is too long'),
    text: z
      .string({ error: 'The file content is required' })
      .max(MAX_WORKBOOK_BYTES, 'The file is too large'),
  }),
  /** An exported HTML document printed to PDF (desktop app only). */
  'export:print-pdf': z.strictObject({
    html: z
      .string({ error: 'The page to print is required' })
      .max(20 * 1024 * 1024, 'The page is too large to print'),
  }),
  /** Timer expiries this host raised in the last two minutes, for a window that just connected. */
  'runbooks:recent-alerts': none,
  /** The replay the main window shows, for the projector to follow; null stops sharing. */
  'drills:share-replay': ReplayShareSchema.nullable(),
  'drills:shared-replay': none,
  /** Opens a window showing what the participants of a drill run see (desktop app only). */
  'drills:open-participant-window': z.strictObject({ runId: entityId }),
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
  id: string;
  takenAt: string;
  revision: number;
  bytes: number;
}

export interface OpenProblem {
  kind: ProblemKind;
  /** Where the file is, for people to read; never sent back. */
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
  /** Where the file is, for people to read; never sent back. */
  path: string;
  readOnly: boolean;
  /** Why the file is read-only (another window holds its lock, for example). */
  readOnlyReason: string | null;
}

export interface SessionState {
  file: OpenFile | null;
  /** The content (no audit log: the History view asks for that page by page). */
  workbook: Workbook | null;
  canUndo: boolean;
  canRedo: boolean;
  save: SaveStatus;
  problem: OpenProblem | null;
  /** A one-off piece of news about the open, e.g. "migrated from version 1". */
  notice: string | null;
  /** Who signs changes made here; null until the user has said. */
  user: Identity | null;
  /** A name to offer when asking (the OS user name). */
  suggestedName: string;
  /** True when the shell has native file dialogs (Electron). */
  dialogs: boolean;
  /** The room the projector board is sized for. */
  projector: ProjectorSettings;
}

/** A workbook file the host offers to open, named by an id. */
export interface FileEntry {
  id: string;
  fileName: string;
  /** The workbook's own name when cheaply known, else null. */
  title: string | null;
  bytes: number;
  modifiedAt: string;
  /** True for the file open in this host now. */
  open: boolean;
}

export interface FolderEntry {
  id: string;
  label: string;
  /** Where it is, for people to read. */
  path: string;
  files: FileEntry[];
  /** Why it could not be listed, if it could not. */
  error: string | null;
}

export interface RecentFile {
  id: string;
  name: string;
  path: string;
  openedAt: string;
}

export interface HistoryPage {
  /** Newest first. */
  entries: AuditEntry[];
  /** True when older entries remain (in the workbook or its archive). */
  hasMore: boolean;
}

export interface Ack {
  revision: number;
}

/** This machine's CAB reviewer key, public half only: the secret never leaves the host. */
export interface ReviewerKeyInfo {
  /** SHA-256 of the public key (128 bits), as 8 groups of 4 hex digits, to read out on the phone. */
  fingerprint: string;
  publicKey: string;
  createdAt: string;
}

/** A verified decision file, and what importing it would do (nothing is changed by checking). */
export interface DecisionFileCheck {
  reviewer: { name: string; role: string };
  fingerprint: string;
  workbookName: string;
  exportedAt: string;
  decisions: {
    id: string;
    decision: DecisionKind;
    conditions: string;
    comment: string;
    at: string;
    /** New; new but about a version changed since (to re-review); or already recorded (skipped). */
    status: 'new' | 'stale' | 'duplicate';
  }[];
}

export interface DecisionImport {
  revision: number;
  imported: number;
  stale: number;
  duplicates: number;
  reviewer: string;
  fingerprint: string;
}

export interface WorkbookComparison {
  /** The other file's name as the user picked it, and the workbook inside. */
  fileName: string;
  name: string;
  revision: number;
  savedAt: string;
  /** True when both are copies of one workbook (same id). */
  sameWorkbook: boolean;
  /** From the other file to the open workbook, section by section. */
  sections: SectionDiff[];
}

export interface MethodResults {
  'session:get-state': SessionState;
  'settings:set-identity': Identity;
  'workbook:dispatch-command': Ack;
  'workbook:undo-change': Ack;
  'workbook:redo-change': Ack;
  'files:list-folders': FolderEntry[];
  'workbook:open-file': SessionState;
  'workbook:create-file': SessionState;
  'workbook:save-as': SessionState;
  'workbook:upload-copy': SessionState;
  'workbook:open-sample': SessionState;
  'workbook:restore-backup': SessionState;
  'workbook:list-recent': RecentFile[];
  /** Null when the user cancelled the dialog. */
  'dialog:open-workbook': SessionState | null;
  'dialog:save-workbook': SessionState | null;
  'projector:set-settings': ProjectorSettings;
  /** Opens (or brings forward) the projector window; false where the shell has none (web mode). */
  'projector:open-window': { opened: boolean };
  'history:list-entries': HistoryPage;
  /** Null when no export with this header was imported before. */
  'imports:find-mapping': RememberedMapping | null;
  'imports:remember-mapping': RememberedMapping;
  'cab:reviewer-key': ReviewerKeyInfo;
  'cab:record-decision': Ack;
  'cab:submit-for-review': Ack;
  /** A signed decision file for the user to save and send. */
  'cab:export-decisions': { fileName: string; text: string; count: number };
  'cab:check-decision-file': DecisionFileCheck;
  'cab:import-decisions': DecisionImport;
  'workbook:compare': WorkbookComparison;
  /** The PDF, base64. */
  'export:print-pdf': { base64: string };
  'runbooks:recent-alerts': TimerAlert[];
  'drills:share-replay': SharedReplay | null;
  'drills:shared-replay': SharedReplay | null;
  /** False where the shell opens no windows (web mode: open the link in a browser tab). */
  'drills:open-participant-window': { opened: boolean };
}

export type MenuAction = 'undo' | 'redo' | 'open' | 'save-as' | 'new' | 'toggle-theme' | 'history';

/** One change, as every window receives it: apply `patches` to revision `revision - 1`. */
export interface WorkbookChange {
  revision: number;
  updatedAt: string;
  patches: Patch[];
  canUndo: boolean;
  canRedo: boolean;
  by: Identity;
  summary: string;
}

/** A host timer that just expired (each alerts once; see electron/host/timer-service.ts). */
export interface TimerAlert {
  timerId: string;
  label: string;
  /** The incident it belongs to ("Drill: …" for a drill), or ''. */
  incident: string;
  /** Epoch ms: when it was due, and when the host noticed (later if the app was closed). */
  deadline: number;
  firedAt: number;
}

export interface Events {
  /** The whole session: sent when a file opens or closes and when session facts change, not per edit. */
  'session:state-changed': SessionState;
  'workbook:changed': WorkbookChange;
  'workbook:save-status': SaveStatus;
  'app:menu-action': MenuAction;
  'runbooks:timers-expired': { alerts: TimerAlert[] };
  'drills:replay-changed': SharedReplay | null;
}
export type EventName = keyof Events;
export const EVENT_NAMES = [
  'session:state-changed',
  'workbook:changed',
  'workbook:save-status',
  'app:menu-action',
  'runbooks:timers-expired',
  'drills:replay-changed',
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
  /**
   * Opens a workbook the user dropped on the window. Takes the DOM File itself: the preload
   * asks Electron for its path, so the page never handles (or invents) a path.
   */
  openDroppedFile(file: unknown): Promise<Reply<unknown>>;
}

/** The IPC channel behind openDroppedFile; not a contract method, so web mode has no such door. */
export const OPEN_DROPPED_CHANNEL = 'shell:open-dropped-file';
