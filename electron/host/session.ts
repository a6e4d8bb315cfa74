import type { Ack, OpenProblem, SaveStatus, SessionState } from '../../shared/contract';
import type { Command } from '../../shared/domain/commands';
import { type Doc, execute, openDoc, redo, undo } from '../../shared/domain/history';
import type { CommitMeta } from '../../shared/domain/reducer';
import type { Workbook } from '../../shared/schema/workbook';
import { HostError } from './errors';
import type { Emitter } from './events';
import type { HeldLock } from './file-lock';
import { GroupCommit } from './group-commit';
import type { OpenedWorkbook } from './open-file';

// The one open workbook, its undo history and its writer. Every change is applied in memory at
// once (the reducer is pure and synchronous, so commands are totally ordered), pushed to every
// window, and acknowledged when the group-commit writer has it on disk.

interface Current {
  path: string;
  /** Null when read-only. */
  lock: HeldLock | null;
  readOnlyReason: string | null;
  doc: Doc;
  writer: GroupCommit<Workbook>;
}

const SAVED: SaveStatus = { state: 'saved' };

export class Session {
  private current: Current | null = null;
  private problem: OpenProblem | null = null;
  private notice: string | null = null;
  /** Set while a file is being opened, saved-as or closed: changes are refused meanwhile. */
  private switching = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly events: Emitter,
    private readonly actor: string,
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
    const editable = c !== null && c.lock !== null;
    return {
      file: c ? { path: c.path, readOnly: !editable, readOnlyReason: c.readOnlyReason } : null,
      workbook: c?.doc.wb ?? null,
      canUndo: editable && c.doc.past.length > 0,
      canRedo: editable && c.doc.future.length > 0,
      save: c?.writer.saveStatus ?? SAVED,
      problem: this.problem,
      notice: this.notice,
    };
  }

  dispatch(cmd: Command): Promise<Ack> {
    return this.change((doc, meta) => execute(doc, cmd, meta));
  }

  undo(): Promise<Ack> {
    return this.change(undo);
  }

  redo(): Promise<Ack> {
    return this.change(redo);
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
    const { db, lock, path, readOnlyReason, migrated } = opened;
    const wb = db.data;
    const current: Current = {
      path,
      lock,
      readOnlyReason,
      doc: openDoc(wb),
      writer: new GroupCommit<Workbook>(
        async (snapshot) => {
          db.data = snapshot;
          await db.write();
        },
        (status) => {
          if (this.current !== current) return;
          this.events.emit('workbook:save-status', status);
          this.emitState();
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

  private async change(step: (doc: Doc, meta: CommitMeta) => Doc): Promise<Ack> {
    const c = this.writable();
    // A refused command throws here, before anything is assigned: nothing changes.
    c.doc = step(c.doc, { actor: this.actor, at: this.now().toISOString() });
    const { revision } = c.doc.wb;
    // Submit before pushing the state, so the pushed state already says "saving": a window must
    // never show "Saved" next to a revision that is not on disk yet.
    const written = c.writer.submit(c.doc.wb);
    this.emitState();
    await written;
    return { revision };
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

  private emitState(): void {
    this.events.emit('session:state-changed', this.state());
  }
}
