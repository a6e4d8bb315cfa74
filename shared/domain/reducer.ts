import { castDraft, produce } from 'immer';
import { summarizeIssues, toFieldIssues } from '../schema/issues';
import type { Workbook } from '../schema/workbook';
import { COLLECTIONS, type CollectionKey } from './collections';
import type { Command } from './commands';
import { DomainError } from './errors';

/** Commands the host records itself (undo, redo), which the renderer cannot send. */
export type SystemCommand = { type: `history.${string}` } & Record<string, unknown>;

export interface CommitMeta {
  actor: string;
  /** ISO time of the change; passed in so the reducer stays pure and replayable. */
  at: string;
}

function parseItem(key: CollectionKey, item: unknown) {
  const def = COLLECTIONS[key];
  const parsed = def.schema.safeParse(item);
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error);
    throw new DomainError('invalid-item', `Invalid ${def.noun}: ${summarizeIssues(issues)}`, 'item', issues);
  }
  return parsed.data;
}

function indexOf(list: { id: string }[], key: CollectionKey, id: string): number {
  const index = list.findIndex((x) => x.id === id);
  if (index < 0) throw new DomainError('not-found', `No ${COLLECTIONS[key].noun} with id "${id}"`, 'id');
  return index;
}

/** Applies a command's content change. Throws DomainError and leaves `wb` untouched on refusal. */
export function applyCommand(wb: Workbook, cmd: Command): Workbook {
  if (cmd.type === 'workbook.rename') {
    return produce(wb, (d) => {
      d.name = cmd.name;
    });
  }
  const key = cmd.collection;
  const noun = COLLECTIONS[key].noun;
  return produce(wb, (d) => {
    // Widened on purpose: the item was validated against this collection's own schema.
    const list: { id: string }[] = COLLECTIONS[key].list(d as Workbook);
    switch (cmd.type) {
      case 'item.add': {
        const item = parseItem(key, cmd.item);
        if (list.some((x) => x.id === item.id)) {
          throw new DomainError('duplicate-id', `A ${noun} with id "${item.id}" already exists`, 'item.id');
        }
        const at = cmd.index ?? list.length;
        if (at > list.length) throw new DomainError('out-of-range', `Index ${at} is past the end`, 'index');
        list.splice(at, 0, item);
        return;
      }
      case 'item.update': {
        const item = parseItem(key, cmd.item);
        if (item.id !== cmd.id)
          throw new DomainError('invalid-item', `An update cannot change the id`, 'item.id');
        list[indexOf(list, key, cmd.id)] = item;
        return;
      }
      case 'item.remove':
        list.splice(indexOf(list, key, cmd.id), 1);
        return;
      case 'item.move': {
        const from = indexOf(list, key, cmd.id);
        if (cmd.toIndex >= list.length) {
          throw new DomainError('out-of-range', `Position ${cmd.toIndex + 1} is past the end`, 'toIndex');
        }
        const [moved] = list.splice(from, 1);
        list.splice(cmd.toIndex, 0, moved!);
        return;
      }
    }
  });
}

/** Stamps a content change as the next revision and records it in the audit log. */
export function stamp(
  next: Workbook,
  prev: Workbook,
  command: Command | SystemCommand,
  meta: CommitMeta,
): Workbook {
  return produce(next, (d) => {
    d.revision = prev.revision + 1;
    d.updatedAt = meta.at;
    // Undo/redo restore an older snapshot whose log is shorter: the log itself never rewinds.
    if (next.audit !== prev.audit) d.audit = castDraft([...prev.audit]);
    d.audit.push({ revision: prev.revision + 1, at: meta.at, actor: meta.actor, command: { ...command } });
  });
}
