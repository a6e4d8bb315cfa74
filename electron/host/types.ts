import type { EventName, Events, HostApi, SessionState } from '../../shared/contract';
import type { Identity } from '../../shared/domain/identity';

/** What only a shell can do (native dialogs). Web mode has none and says so. */
export interface ShellCapabilities {
  chooseOpenPath(): Promise<string | null>;
  chooseSavePath(suggestedName: string): Promise<string | null>;
  /** Opens or brings forward the projector window (full screen on a second display if any). */
  openProjector(): Promise<void>;
  /** Opens a window on a drill run's participants' screen (#/drill-room?run=…). */
  openParticipant(runId: string): Promise<void>;
  /** Prints an exported HTML page to PDF in a hidden, script-free window (desktop only). */
  printToPdf?(html: string): Promise<Uint8Array>;
}

export interface HostOptions {
  /** Per-user folder: settings.json, workbooks/, backups/, quarantine/. */
  dataDir: string;
  /** The bundled sample workbook; copied into dataDir/workbooks on first launch, never edited in place. */
  samplePath: string;
  /** Offered as the name when the app asks who is making changes (the OS user name). */
  suggestedName?: string;
  /**
   * Signs changes while settings hold no identity: for scripts and tests. The apps leave it
   * unset, so the first edit asks the person at the keyboard.
   */
  user?: Identity;
  /** Folders besides dataDir/workbooks whose workbooks may be listed and opened (web mode --allow). */
  allow?: readonly string[];
  shell?: ShellCapabilities;
  /** Injected for tests of time-dependent behaviour; defaults to the real clock. */
  now?: () => Date;
  /** A monotonic clock (ms) for tests of wall-clock jumps; defaults to performance.now(). */
  monotonic?: () => number;
  /**
   * A clock (ms) that counts through sleep and ignores wall-clock changes, for the timers' jump
   * check; defaults to the platform's (Linux: CLOCK_BOOTTIME), null where there is none.
   */
  bootClock?: (() => number) | null;
}

export interface Host {
  api: HostApi;
  /** Push events for every window (main window, projector, web clients). */
  /**
   * A listener that sends the event somewhere slow returns a promise of its delivery: the
   * workbook file is written once pushes have left (see Session), not while they wait behind it.
   */
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => unknown): () => void;
  /** Loads settings, then opens the most recent workbook, or the sample on first launch. */
  start(): Promise<void>;
  /**
   * Opens a file the OS handed over (double-click, file association, command line, a drop on
   * the desktop window). Never wired to a renderer request: pages name files by id.
   */
  openPath(path: string): Promise<SessionState>;
  /** Runs the rules that go by the clock (automatic promotion, timers) now; they also run on their own. */
  tick(): Promise<void>;
  /** The machine woke from sleep (Electron's powerMonitor): the clock gap is real time, not a jump. */
  noteResume(): void;
  /** The desktop shell records whether its projector window is open, to bring it back next time. */
  projectorWindow: { wasOpen(): boolean; setOpen(open: boolean): Promise<void> };
  /** Flushes pending writes and releases the file lock. */
  close(): Promise<void>;
}
