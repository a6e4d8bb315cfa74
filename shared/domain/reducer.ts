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

function indexOf(list: readonly { id: string }[], key: CollectionKey, id: string): number {
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
  // Lookups and edits run on the plain (frozen) array and only the new array goes through immer:
  // reading a long list through an immer draft would proxy every element on each command.
  const list: readonly { id: string }[] = COLLECTIONS[key].list(wb);
  switch (cmd.type) {
    case 'item.add': {
      const item = parseItem(key, cmd.item);
      if (list.some((x) => x.id === item.id)) {
        throw new DomainError('duplicate-id', `A ${noun} with id "${item.id}" already exists`, 'item.id');
      }
      const at = cmd.index ?? list.length;
      if (at > list.length) throw new DomainError('out-of-range', `Index ${at} is past the end`, 'index');
      return withList(wb, key, list.toSpliced(at, 0, item));
    }
    case 'item.update': {
      const item = parseItem(key, cmd.item);
      if (item.id !== cmd.id)
        throw new DomainError('invalid-item', 'An update cannot change the id', 'item.id');
      return withList(wb, key, list.with(indexOf(list, key, cmd.id), item));
    }
    case 'item.remove':
      return withList(wb, key, list.toSpliced(indexOf(list, key, cmd.id), 1));
    case 'item.move': {
      const from = indexOf(list, key, cmd.id);
      if (cmd.toIndex >= list.length) {
        throw new DomainError('out-of-range', `Position ${cmd.toIndex + 1} is past the end`, 'toIndex');
      }
      return withList(wb, key, list.toSpliced(from, 1).toSpliced(cmd.toIndex, 0, list[from]!));
    }
  }
}

/** Replaces one collection's array; the key names its place ("success.stopConditions"). */
function withList(wb: Workbook, key: CollectionKey, next: { id: string }[]): Workbook {
  const [section, field] = key.split('.') as [keyof Workbook, string];
  return produce(wb, (d) => {
    (d[section] as Record<string, unknown>)[field] = castDraft(next);
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
