import type { Ack, HistoryPage, OpenProblem, SaveStatus, SessionState } from '../../shared/contract';
import type { Command } from '../../shared/domain/commands';
import {
  type CommitMeta,
  type Committed,
  type Doc,
  execute,
  openDoc,
  redo,
  undo,
} from '../../shared/domain/history';
import type { Identity } from '../../shared/domain/identity';
import type { ProjectorSettings } from '../../shared/domain/projector';
import type { Workbook, WorkbookFile } from '../../shared/schema/workbook';
import { AuditArchive } from './audit-archive';
import { HostError } from './errors';
import type { Emitter } from './events';
import type { HeldLock } from './file-lock';
import { GroupCommit } from './group-commit';
import type { OpenedWorkbook } from './open-file';
import { archivePathFor } from './paths';
import { RecentAudit } from './recent-audit';
import { SizeGuard } from './size-guard';
import { serializeWorkbook } from './workbook-adapter';

// The one open workbook, its undo history, its audit log and its writer. Every change is
// applied in memory at once (the reducer is pure and synchronous, so commands are totally
// ordered), pushed to every window as patches, and acknowledged when the group-commit writer
// has it on disk. The file holds the recent audit log; older entries go to the archive first.

interface Current {
  path: string;
  /** Null when read-only. */
  lock: HeldLock | null;
  readOnlyReason: string | null;
  doc: Doc;
  audit: RecentAudit;
  archive: AuditArchive;
  writer: GroupCommit<Workbook>;
  size: SizeGuard;
}

/** What the session reports but the host owns: who is signing changes, and the shell's abilities. */
export interface SessionFacts {
  user(): Identity | null;
  suggestedName: string;
  dialogs: boolean;
  projector(): ProjectorSettings;
}

const SAVED: SaveStatus = { state: 'saved' };
/** The longest a write waits for pushes to leave: a window that stopped reading holds nothing up. */
const PUSH_WAIT_MS = 1000;

export class Session {
  private current: Current | null = null;
  private problem: OpenProblem | null = null;
  private notice: string | null = null;
  /** Set while a file is being opened, saved-as or closed: changes are refused meanwhile. */
  private switching = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly events: Emitter,
    private readonly facts: SessionFacts,
    private readonly now: () => Date,
  ) {}

  get path(): string | null {
    return this.current?.path ?? null;
  }

  get workbook(): Workbook | null {
    return this.current?.doc.wb ?? null;
  }

  get problemPath(): string | null {
    return this.problem?.path ?? null;
  }

  get isWritable(): boolean {
    return this.current?.lock != null;
  }

  state(): SessionState {
    const c = this.current;
    return {
      file: c ? { path: c.path, readOnly: c.lock === null, readOnlyReason: c.readOnlyReason } : null,
      workbook: c?.doc.wb ?? null,
      ...this.undoFlags(),
      save: c?.writer.saveStatus ?? SAVED,
      problem: this.problem,
      notice: this.notice,
      user: this.facts.user(),
      suggestedName: this.facts.suggestedName,
      dialogs: this.facts.dialogs,
      projector: this.facts.projector(),
    };
  }

  dispatch(cmd: Command): Promise<Ack> {
    return this.change((doc, meta, c) => execute(doc, cmd, meta, c.audit.entries));
  }

  /** A change the host makes itself (the automatic promotion rule), signed as `who`. */
  dispatchAs(cmd: Command, who: Identity): Promise<Ack> {
    return this.change((doc, meta, c) => execute(doc, cmd, meta, c.audit.entries), who);
  }

  undo(): Promise<Ack> {
    return this.change((doc, meta) => undo(doc, meta));
  }

  redo(): Promise<Ack> {
    return this.change((doc, meta) => redo(doc, meta));
  }

  /** Audit entries newest first: the recent ones from memory, then the archive's. */
  async history(area: string | undefined, before: number | undefined, limit = 100): Promise<HistoryPage> {
    const c = this.current;
    if (!c) throw new HostError('no-workbook', 'No workbook is open, so there is no history to show.');
    const accept = (e: { area: string }) => !area || e.area === area;
    const top = before ?? Number.POSITIVE_INFINITY;
    const entries = c.audit.entries.filter((e) => e.rev < top && accept(e)).reverse();
    if (entries.length <= limit) {
      // A crash between archiving and saving leaves entries in both places: take the file's.
      const oldestKept = c.audit.entries[0]?.rev ?? c.doc.wb.revision + 1;
      const page = await c.archive.page(Math.min(top, oldestKept), limit + 1 - entries.length, accept);
      entries.push(...page.entries);
    }
    return { entries: entries.slice(0, limit), hasMore: entries.length > limit };
  }

  /**
   * Runs opens, saves-as and closes one at a time. Changes arriving meanwhile are refused
   * rather than applied to whichever file happens to be current when they land.
   */
  lifecycle<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      this.switching = true;
      try {
        return await task();
      } finally {
        this.switching = false;
        this.emitState();
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Makes `opened` the current workbook. Call inside lifecycle(), after closeCurrent(). */
  async adopt(opened: OpenedWorkbook, notices: string[]): Promise<void> {
    const { db, adapter, lock, path, readOnlyReason, migrated } = opened;
    const { audit, ...wb } = db.data;
    const current: Current = {
      path,
      lock,
      readOnlyReason,
      doc: openDoc(wb),
      audit: new RecentAudit(audit),
      archive: new AuditArchive(archivePathFor(path)),
      size: new SizeGuard(opened.bytes),
      writer: new GroupCommit<Workbook>(
        async (snapshot) => {
          // Let the push of this change leave first. Writing the file keeps this thread busy
          // for a few hundred ms after a large import, and a push still being sent waited
          // behind it: 7 MB to a window took 380 ms instead of 100 on a two-core machine.
          await this.events.delivered(PUSH_WAIT_MS);
          await this.archiveOld(current);
          db.data = { ...snapshot, audit: current.audit.upTo(snapshot.revision) };
          await db.write();
          current.size.written(snapshot.revision, adapter.bytesWritten);
        },
        (status) => {
          if (this.current === current) this.events.emit('workbook:save-status', status);
        },
        // An upgraded file is not on disk in its new form yet: count it as unsaved until it is.
        // Read-only sessions never write, so for them nothing is ever unsaved.
        migrated && lock ? -1 : wb.revision,
      ),
    };
    this.current = current;
    this.problem = null;
    this.notice = notices.length > 0 ? notices.join(' ') : null;
    this.emitState();
    // The write-back of an upgrade; if it fails, save status says so and it is retried later.
    if (migrated && lock) await current.writer.submit(wb).catch(() => undefined);
  }

  /** Shows why a file could not be opened. Call inside lifecycle(), after closeCurrent(). */
  showProblem(problem: OpenProblem, notices: string[]): void {
    this.problem = problem;
    this.notice = notices.length > 0 ? notices.join(' ') : null;
    this.emitState();
  }

  /** Sets the one-off notice (e.g. a settings problem found at start-up). */
  addNotice(notice: string): void {
    this.notice = this.notice ? `${this.notice} ${notice}` : notice;
    this.emitState();
  }

  /** Tells every window that session facts (who is signing, say) changed. */
  emitState(): void {
    this.events.emit('session:state-changed', this.state());
  }

  /** The file as it stands in memory, for Save As. */
  snapshot(): WorkbookFile | null {
    const c = this.current;
    return c ? { ...c.doc.wb, audit: c.audit.entries.slice() } : null;
  }

  /** The archive of the current workbook, so Save As can carry it along. */
  get archivePath(): string | null {
    return this.current ? this.current.archive.path : null;
  }

  /** Writes pending changes to the current file; throws (keeping them) if that fails. */
  async flush(): Promise<void> {
    await this.current?.writer.flush();
  }

  /**
   * Flushes and releases the current file. If the flush fails the file stays open and the
   * error is thrown, so nothing unsaved is dropped. `discardUnsaved` is for Save As, which has
   * just written the same content elsewhere.
   */
  async closeCurrent(discardUnsaved = false): Promise<void> {
    const c = this.current;
    if (!c) return;
    if (c.lock && !discardUnsaved) await c.writer.flush();
    await c.lock?.release();
    this.current = null;
  }

  private async change(
    step: (doc: Doc, meta: CommitMeta, c: Current) => Committed | null,
    signer?: Identity,
  ): Promise<Ack> {
    const c = this.writable();
    const who = signer ?? this.facts.user();
    if (!who) {
      throw new HostError(
        'identity-required',
        'Say who you are before your first change: every change is signed with a name and a role.',
      );
    }
    // A refused command throws here, before anything is assigned: nothing changes.
    const committed = step(c.doc, { who, at: this.now().toISOString() }, c);
    if (!committed) return { revision: c.doc.wb.revision };
    const { doc, entry, patches } = committed;
    c.size.check(
      doc.wb.revision,
      patches,
      entry,
      () => serializeWorkbook({ ...doc.wb, audit: [...c.audit.entries, entry] }).length,
    );
    c.doc = doc;
    c.audit.push(entry);
    // Submit before pushing, so the save status already says "saving": a window must never
    // show "Saved" next to a revision that is not on disk yet.
    const written = c.writer.submit(doc.wb);
    this.events.emit('workbook:changed', {
      revision: doc.wb.revision,
      updatedAt: doc.wb.updatedAt,
      patches,
      ...this.undoFlags(),
      by: who,
      summary: entry.summary,
    });
    await written;
    return { revision: doc.wb.revision };
  }

  /** Moves the oldest audit entries to the archive when the log has grown past its bound. */
  private async archiveOld(c: Current): Promise<void> {
    const moving = c.audit.overflow();
    if (moving.length === 0) return;
    await c.archive.append(moving);
    c.audit.dropOldest(moving.length);
  }

  private undoFlags(): { canUndo: boolean; canRedo: boolean } {
    const c = this.current;
    const editable = c !== null && c.lock !== null;
    return { canUndo: editable && c.doc.past.length > 0, canRedo: editable && c.doc.future.length > 0 };
  }

  private writable(): Current {
    if (this.switching) {
      throw new HostError(
        'busy',
        'A workbook is being opened or saved; your change was not applied. Try again in a moment.',
      );
    }
    const c = this.current;
    if (!c) throw new HostError('no-workbook', 'No workbook is open, so there is nothing to change.');
    if (!c.lock) {
      throw new HostError(
        'read-only',
        `This workbook is read-only here, so the change was not applied. ${c.readOnlyReason ?? ''}`.trim(),
      );
    }
    return c;
  }
}
