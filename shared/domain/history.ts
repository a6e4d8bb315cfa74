import type { Workbook } from '../schema/workbook';
import type { Command } from './commands';
import { DomainError } from './errors';
import { applyCommand, type CommitMeta, stamp } from './reducer';

// Undo/redo is owned by the host but written here, pure, so property tests can drive it.
// Snapshots are whole workbooks; immer's structural sharing keeps them cheap.

export const UNDO_LIMIT = 200;

export interface Doc {
  wb: Workbook;
  past: readonly Workbook[];
  future: readonly Workbook[];
}

export const openDoc = (wb: Workbook): Doc => ({ wb, past: [], future: [] });

export function execute(doc: Doc, cmd: Command, meta: CommitMeta): Doc {
  const next = applyCommand(doc.wb, cmd);
  return {
    wb: stamp(next, doc.wb, cmd, meta),
    past: [...doc.past, doc.wb].slice(-UNDO_LIMIT),
    future: [],
  };
}

export function undo(doc: Doc, meta: CommitMeta): Doc {
  const target = doc.past.at(-1);
  if (!target) throw new DomainError('nothing-to-undo', 'Nothing to undo');
  return {
    wb: stamp(target, doc.wb, { type: 'history.undo', toRevision: target.revision }, meta),
    past: doc.past.slice(0, -1),
    future: [...doc.future, doc.wb],
  };
}

export function redo(doc: Doc, meta: CommitMeta): Doc {
  const target = doc.future.at(-1);
  if (!target) throw new DomainError('nothing-to-redo', 'Nothing to redo');
  return {
    wb: stamp(target, doc.wb, { type: 'history.redo', toRevision: target.revision }, meta),
    past: [...doc.past, doc.wb].slice(-UNDO_LIMIT),
    future: doc.future.slice(0, -1),
  };
}

/** The workbook minus bookkeeping: what undo restores and what equality of "content" means. */
export function contentOf(wb: Workbook): Omit<Workbook, 'revision' | 'updatedAt' | 'audit'> {
  const { revision: _r, updatedAt: _u, audit: _a, ...content } = wb;
  return content;
}
