import type { CommandContext, Plan } from '../areas/types';
import { summarizeIssues, toFieldIssues } from '../schema/issues';
import type { Workbook } from '../schema/workbook';
import { COLLECTIONS, type CollectionInfo, itemKey, listOf } from './collections';
import { AREA_COMMANDS, type Command, type GenericCommand } from './commands';
import { DomainError } from './errors';
import { describeValue, humanize } from './format';
import { applyPatches, jsonEqual, type Patch } from './patches';

// Commands in, a Change out: the patches that carry it (to windows, the audit log and redo),
// their inverse (for undo), the items it touched (for edit conflicts) and one sentence saying
// what it did. Pure and synchronous: the host runs it, property tests drive it. The generic
// item.* commands are planned here; an area's own commands plan themselves.

export interface Change extends Plan {
  wb: Workbook;
}

const AREA_PLANS = new Map(AREA_COMMANDS.map((c) => [c.schema.shape.type.value as string, c]));

/** Applies a command. Throws DomainError, leaving `wb` untouched, when it is refused. */
export function applyCommand(wb: Workbook, cmd: Command, ctx: CommandContext): Change {
  const own = AREA_PLANS.get(cmd.type);
  const planned = own ? own.plan(wb, cmd, ctx) : plan(wb, cmd as GenericCommand);
  return { ...planned, wb: applyPatches(wb, planned.patches) };
}

function plan(wb: Workbook, cmd: GenericCommand): Plan {
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
      // A new item starts its managed fields (a wave's state) from their initial values.
      const item = parseItem(info, keepManaged(info, info.managed?.initial ?? {}, cmd.item));
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
      const index = indexOf(list, info, cmd.id);
      const old = list[index] as Record<string, unknown>;
      const item = parseItem(info, keepManaged(info, old, cmd.item)) as Record<string, unknown>;
      if (item.id !== cmd.id) {
        throw new DomainError('invalid-item', 'An update cannot change the id', 'item.id');
      }
      const { patches, inverse, fields } = fieldDiff(old, item, at(index));
      const what = fields
        .slice(0, 3)
        .map((k) => `${humanize(k)} ${describeValue(old[k])} → ${describeValue(item[k])}`);
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
      const there: Patch[] = [
        { op: 'remove', path: at(from) },
        { op: 'add', path: at(cmd.toIndex), value: item },
      ];
      const back: Patch[] = [
        { op: 'remove', path: at(cmd.toIndex) },
        { op: 'add', path: at(from), value: item },
      ];
      return {
        ...base,
        touched: touched(cmd.id),
        patches: moves ? there : [],
        inverse: moves ? back : [],
        summary: `Moved ${name(item)} from position ${from + 1} to ${cmd.toIndex + 1}`,
      };
    }
  }
}

/**
 * An edit may not touch fields only the area's own commands change (a wave's state): they are
 * taken from the item as it is, and an edit that tries to change them is refused, not ignored.
 * A managed field with no initial value (a pilot KPI's target) is given when the item is added,
 * and from then on changed only by its command.
 */
function keepManaged(info: CollectionInfo, old: Record<string, unknown>, input: unknown): unknown {
  if (!info.managed || typeof input !== 'object' || input === null) return input;
  const out: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const field of info.managed.fields) {
    if (!Object.hasOwn(old, field)) continue;
    if (Object.hasOwn(out, field) && !jsonEqual(out[field], old[field])) {
      throw new DomainError(
        'invalid-item',
        `The ${humanize(field)} of a ${info.noun} is not edited directly; use its own action (for a wave: move it).`,
        `item.${field}`,
        [{ path: field, message: `${humanize(field)} cannot be edited here` }],
      );
    }
    out[field] = old[field];
  }
  return out;
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
