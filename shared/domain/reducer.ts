import { summarizeIssues, toFieldIssues } from '../schema/issues';
import type { Workbook } from '../schema/workbook';
import { COLLECTIONS, type CollectionInfo, itemKey, listOf } from './collections';
import type { Command } from './commands';
import { DomainError } from './errors';
import { describeValue, humanize } from './format';
import { applyPatches, jsonEqual, type Patch } from './patches';

// Commands in, a Change out: the patches that carry it (to windows, the audit log and redo),
// their inverse (for undo), the items it touched (for edit conflicts) and one sentence saying
// what it did. Pure and synchronous: the host runs it, property tests drive it.

export interface Change {
  wb: Workbook;
  patches: Patch[];
  inverse: Patch[];
  /** Items it touched, as itemKey()s. */
  touched: string[];
  /** The area it changed, or "workbook". */
  area: string;
  summary: string;
}

/** Applies a command. Throws DomainError, leaving `wb` untouched, when it is refused. */
export function applyCommand(wb: Workbook, cmd: Command): Change {
  const planned = plan(wb, cmd);
  return { ...planned, wb: applyPatches(wb, planned.patches) };
}

type Plan = Omit<Change, 'wb'>;

function plan(wb: Workbook, cmd: Command): Plan {
  if (cmd.type === 'workbook.rename') {
    const same = wb.name === cmd.name;
    return {
      patches: same ? [] : [{ op: 'replace', path: ['name'], value: cmd.name }],
      inverse: same ? [] : [{ op: 'replace', path: ['name'], value: wb.name }],
      touched: [],
      area: 'workbook',
      summary: `Renamed the workbook from ${describeValue(wb.name, 80)} to ${describeValue(cmd.name, 80)}`,
    };
  }
  const info = COLLECTIONS[cmd.collection];
  const list = listOf(wb, cmd.collection) as readonly { id: string }[];
  const at = (index: number) => [info.area, info.list, index];
  const name = (item: { id: string }) => `${info.noun} ${describeValue(info.label(item), 60)}`;
  const base = { area: info.area };
  const touched = (id: string) => [itemKey(info.key, id)];
  switch (cmd.type) {
    case 'item.add': {
      const item = parseItem(info, cmd.item);
      if (list.some((x) => x.id === item.id)) {
        throw new DomainError(
          'duplicate-id',
          `A ${info.noun} with id "${item.id}" already exists`,
          'item.id',
        );
      }
      const index = cmd.index ?? list.length;
      if (index > list.length)
        throw new DomainError('out-of-range', `Index ${index} is past the end`, 'index');
      return {
        ...base,
        touched: touched(item.id),
        patches: [{ op: 'add', path: at(index), value: item }],
        inverse: [{ op: 'remove', path: at(index) }],
        summary: `Added ${name(item)}`,
      };
    }
    case 'item.update': {
      const item = parseItem(info, cmd.item);
      if (item.id !== cmd.id) {
        throw new DomainError('invalid-item', 'An update cannot change the id', 'item.id');
      }
      const index = indexOf(list, info, cmd.id);
      const old = list[index] as Record<string, unknown>;
      const { patches, inverse, fields } = fieldDiff(old, item as Record<string, unknown>, at(index));
      const what = fields
        .slice(0, 3)
        .map((k) => `${humanize(k)} ${describeValue(old[k])} → ${describeValue((item as never)[k])}`);
      if (fields.length > 3) what.push(`and ${fields.length - 3} more`);
      return {
        ...base,
        touched: touched(cmd.id),
        patches,
        inverse,
        summary: `Edited ${name(list[index]!)}: ${what.join(', ')}`,
      };
    }
    case 'item.remove': {
      const index = indexOf(list, info, cmd.id);
      const old = list[index]!;
      return {
        ...base,
        touched: touched(cmd.id),
        patches: [{ op: 'remove', path: at(index) }],
        inverse: [{ op: 'add', path: at(index), value: old }],
        summary: `Deleted ${name(old)}`,
      };
    }
    case 'item.move': {
      const from = indexOf(list, info, cmd.id);
      if (cmd.toIndex >= list.length) {
        throw new DomainError('out-of-range', `Position ${cmd.toIndex + 1} is past the end`, 'toIndex');
      }
      const item = list[from]!;
      const moves = from !== cmd.toIndex;
      return {
        ...base,
        touched: touched(cmd.id),
        patches: moves
          ? [
              { op: 'remove', path: at(from) },
              { op: 'add', path: at(cmd.toIndex), value: item },
            ]
          : [],
        inverse: moves
          ? [
              { op: 'remove', path: at(cmd.toIndex) },
              { op: 'add', path: at(from), value: item },
            ]
          : [],
        summary: `Moved ${name(item)} from position ${from + 1} to ${cmd.toIndex + 1}`,
      };
    }
  }
}

/** One patch per field that differs, so a small edit is a small push and a small audit entry. */
function fieldDiff(
  old: Record<string, unknown>,
  next: Record<string, unknown>,
  path: (string | number)[],
): { patches: Patch[]; inverse: Patch[]; fields: string[] } {
  const patches: Patch[] = [];
  const inverse: Patch[] = [];
  const fields: string[] = [];
  for (const key of new Set([...Object.keys(old), ...Object.keys(next)])) {
    const had = Object.hasOwn(old, key);
    const has = Object.hasOwn(next, key);
    if (had && has && jsonEqual(old[key], next[key])) continue;
    fields.push(key);
    const at = [...path, key];
    if (has) patches.push({ op: had ? 'replace' : 'add', path: at, value: next[key] });
    else patches.push({ op: 'remove', path: at });
    if (had) inverse.push({ op: has ? 'replace' : 'add', path: at, value: old[key] });
    else inverse.push({ op: 'remove', path: at });
  }
  return { patches, inverse, fields };
}

function parseItem(info: CollectionInfo, item: unknown): { id: string } {
  const parsed = info.schema.safeParse(item);
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error);
    throw new DomainError('invalid-item', `Invalid ${info.noun}: ${summarizeIssues(issues)}`, 'item', issues);
  }
  return parsed.data;
}

function indexOf(list: readonly { id: string }[], info: CollectionInfo, id: string): number {
  const index = list.findIndex((x) => x.id === id);
  if (index < 0) throw new DomainError('not-found', `No ${info.noun} with id "${id}"`, 'id');
  return index;
}
