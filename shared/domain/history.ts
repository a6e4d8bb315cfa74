import type { CommandContext } from '../areas/types';
import type { Workbook } from '../schema/workbook';
import { type AuditEntry, auditEntry } from './audit';
import { COLLECTIONS, type CollectionKey } from './collections';
import type { Command } from './commands';
import { DomainError } from './errors';
import { clockTime } from './format';
import { applyPatches, type Patch } from './patches';
import { applyCommand } from './reducer';

// Undo/redo and edit conflicts, owned by the host but written here, pure, so property tests can
// drive them. History keeps each change's patches and inverse patches (not workbook copies), so
// it costs memory in proportion to what changed and undo pushes as little as the edit did.

export const UNDO_LIMIT = 200;

export interface Step {
  patches: Patch[];
  inverse: Patch[];
  touched: string[];
  area: string;
  summary: string;
  /** The compact form the audit log keeps, when the change has one (see Plan.logged). */
  logged?: { patches: Patch[]; inverse: Patch[] };
}

export interface Doc {
  wb: Workbook;
  past: readonly Step[];
  future: readonly Step[];
}

/** Who and when: passed in so this stays pure and replayable. */
export type CommitMeta = CommandContext;

/** A change made: the new document, its audit entry, and the patches every window applies. */
export interface Committed {
  doc: Doc;
  entry: AuditEntry;
  patches: Patch[];
}

export const openDoc = (wb: Workbook): Doc => ({ wb, past: [], future: [] });

/**
 * Runs a command. `recent` is the audit log still in memory, newest last: a command that says
 * which revision it was made against is refused when someone changed the same item since.
 * Returns null when the command changes nothing (saving an unchanged form): no revision.
 */
export function execute(
  doc: Doc,
  cmd: Command,
  meta: CommitMeta,
  recent: readonly AuditEntry[],
): Committed | null {
  const change = applyCommand(doc.wb, cmd, meta);
  if ('baseRevision' in cmd && typeof cmd.baseRevision === 'number') {
    checkBase(doc.wb, cmd.baseRevision, change.touched, recent);
  }
  if (change.patches.length === 0) return null;
  const step: Step = {
    patches: change.patches,
    inverse: change.inverse,
    touched: change.touched,
    area: change.area,
    summary: change.summary,
    ...(change.logged ? { logged: change.logged } : {}),
  };
  return commit(doc, change.wb, step, step.patches, cmd.type, step.summary, meta, {
    past: [...doc.past, step].slice(-UNDO_LIMIT),
    future: [],
  });
}

export function undo(doc: Doc, meta: CommitMeta): Committed {
  const step = doc.past.at(-1);
  if (!step) throw new DomainError('nothing-to-undo', 'Nothing to undo');
  const wb = applyPatches(doc.wb, step.inverse);
  return commit(doc, wb, step, step.inverse, 'history.undo', `Undid: ${step.summary}`, meta, {
    past: doc.past.slice(0, -1),
    future: [...doc.future, step],
  });
}

export function redo(doc: Doc, meta: CommitMeta): Committed {
  const step = doc.future.at(-1);
  if (!step) throw new DomainError('nothing-to-redo', 'Nothing to redo');
  const wb = applyPatches(doc.wb, step.patches);
  return commit(doc, wb, step, step.patches, 'history.redo', `Redid: ${step.summary}`, meta, {
    past: [...doc.past, step].slice(-UNDO_LIMIT),
    future: doc.future.slice(0, -1),
  });
}

function commit(
  doc: Doc,
  content: Workbook,
  step: Step,
  patches: Patch[],
  type: string,
  summary: string,
  meta: CommitMeta,
  stacks: Pick<Doc, 'past' | 'future'>,
): Committed {
  const rev = doc.wb.revision + 1;
  // The log's compact form runs the same way as the patches pushed (forward, or undone).
  const logged = step.logged
    ? patches === step.inverse
      ? step.logged.inverse
      : step.logged.patches
    : patches;
  const wb = { ...content, revision: rev, updatedAt: meta.at };
  const entry = auditEntry({
    rev,
    at: meta.at,
    who: meta.who,
    type,
    area: step.area,
    summary,
    items: step.touched,
    changes: logged,
  });
  return { doc: { wb, ...stacks }, entry, patches };
}

/**
 * Refuses a change to an item someone changed after `base`, the revision the change was made
 * against, naming who and when. Only changes to the same item count: two windows editing
 * different items never clash.
 */
function checkBase(
  wb: Workbook,
  base: number,
  touched: readonly string[],
  recent: readonly AuditEntry[],
): void {
  if (base > wb.revision) {
    throw new DomainError(
      'conflict',
      `This edit says it was made at revision ${base}, but the workbook is only at ` +
        `revision ${wb.revision}. Reload the item and make the change again.`,
      'baseRevision',
    );
  }
  if (base === wb.revision || touched.length === 0) return;
  const oldest = recent[0]?.rev ?? wb.revision + 1;
  for (let i = recent.length - 1; i >= 0; i--) {
    const entry = recent[i]!;
    if (entry.rev <= base) return;
    const key = touched.find((k) => entry.items.includes(k));
    if (!key) continue;
    throw new DomainError(
      'conflict',
      `${entry.by}${entry.role ? ` (${entry.role})` : ''} changed this ${nounOf(key)} at ${clockTime(entry.at)} ` +
        `(revision ${entry.rev}), after you started editing it. Your text is kept: reload the item ` +
        'to see their change, then apply yours again.',
      'baseRevision',
    );
  }
  // Changes between base and the oldest entry in memory have moved to the archive.
  if (oldest > base + 1) {
    throw new DomainError(
      'conflict',
      `This edit was started ${wb.revision - base} changes ago, too long to be sure ` +
        'nobody changed the same item since. Reload the item, then apply your change again.',
      'baseRevision',
    );
  }
}

/** "success.stopConditions/sc-1" → "stop condition"; other keys name an "item". */
function nounOf(key: string): string {
  const collection = key.split('/')[0] as CollectionKey;
  return Object.hasOwn(COLLECTIONS, collection) ? COLLECTIONS[collection].noun : 'item';
}
