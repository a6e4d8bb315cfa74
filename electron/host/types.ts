import type { EventName, Events, HostApi } from '../../shared/contract';

/** What only a shell can do (native dialogs). Web mode has none and says so. */
export interface ShellCapabilities {
  chooseOpenPath(): Promise<string | null>;
  chooseSavePath(suggestedName: string): Promise<string | null>;
}

export interface HostOptions {
  /** Per-user folder: settings.json (recent files), workbooks/, backups/, quarantine/. */
  dataDir: string;
  /** The bundled sample workbook; copied into dataDir/workbooks on first launch, never edited in place. */
  samplePath: string;
  /** Who the audit log names for changes made through this host. */
  actor: string;
  shell?: ShellCapabilities;
  /** Injected for tests of time-dependent behaviour; defaults to the real clock. */
  now?: () => Date;
}

export interface Host {
  api: HostApi;
  /** Push events for every window (main window, projector, web clients). */
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /** Opens the most recent workbook, or the sample on first launch. */
  start(): Promise<void>;
  /** Flushes pending writes and releases the file lock. */
  close(): Promise<void>;
}
