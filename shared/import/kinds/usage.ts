import type { UsageImportCommand } from '../../areas/adoption/commands';
import type { Cohort, Usage } from '../../areas/adoption/schema';
import type { Workbook } from '../../schema/workbook';
import { quote } from '../cells';
import type { ImportKind } from '../types';
import { ZoneClock } from '../zones';

// Usage exports from a product-analytics tool or an access log roll-up: one row per cohort and
// day with the people active (and, where the tool says, the people who did their first
// meaningful task). A date is read in the export's zone. Cohorts are named as the workbook names them (or by id); a cohort the
// workbook does not have, a count above its size, a negative or fractional count, a date that is
// not a date, or a cohort's day given twice is a bad row, and nothing is imported while one is.

export interface UsageSlice {
  cohorts: readonly Cohort[];
  usage: readonly Usage[];
}

export interface UsageContext {
  /** Cohort by lower-cased name and by id. */
  cohorts: Map<string, Cohort>;
  /** "cohortId\0day" already in the workbook. */
  known: Set<string>;
}

export interface UsageRow {
  row: number;
  record: Omit<Usage, 'id' | 'batch'>;
}

/** The calendar day an instant falls on in the export's zone (exports write days as midnight). */
export function dayIn(clock: ZoneClock, ms: number): string {
  return new Date(ms + clock.offsetAt(ms)).toISOString().slice(0, 10);
}

function count(value: number, label: string): string | null {
  if (value < 0) return `${label} is ${value}: a count cannot be negative`;
  if (!Number.isInteger(value)) return `${label} is ${value}: a count of people is a whole number`;
  return null;
}

export const usageKind: ImportKind<UsageSlice, UsageContext, UsageRow, UsageImportCommand> = {
  id: 'usage',
  noun: 'day of usage',
  nouns: 'days of usage',
  fields: [
    {
      key: 'cohort',
      label: 'Cohort',
      type: 'text',
      required: true,
      hints: ['cohort', 'team', 'group', 'segment', 'department', 'region'],
    },
    { key: 'day', label: 'Date', type: 'time', required: true, hints: ['date', 'day', 'week', 'period'] },
    {
      key: 'active',
      label: 'Active users',
      type: 'number',
      required: true,
      hints: ['active', 'users', 'wau', 'dau'],
    },
    {
      key: 'firstTask',
      label: 'First meaningful task',
      type: 'number',
      required: false,
      hints: ['first_task', 'activated', 'first', 'value'],
    },
  ],
  layouts: ['table'],
  slice: (wb) => ({ cohorts: (wb as Workbook).adoption.cohorts, usage: (wb as Workbook).adoption.usage }),
  context(slice) {
    const cohorts = new Map<string, Cohort>();
    for (const c of slice.cohorts) {
      cohorts.set(c.id, c);
      cohorts.set(c.name.trim().toLowerCase(), c);
    }
    return { cohorts, known: new Set(slice.usage.map((u) => `${u.cohortId}\u0000${u.day}`)) };
  },
  checker(ctx, mapping) {
    const clock = new ZoneClock(mapping.zone);
    const seen = new Map<string, number>();
    return {
      check(r) {
        const v = r.values;
        const name = String(v.cohort).trim();
        const cohort = ctx.cohorts.get(name) ?? ctx.cohorts.get(name.toLowerCase());
        if (!cohort)
          return { ok: false, reason: `cohort ${quote(name)} is not one of this workbook’s cohorts` };
        const day = dayIn(clock, v.day as number);
        const active = v.active as number;
        const firstTask = v.firstTask === null ? null : (v.firstTask as number);
        const wrong =
          count(active, 'Active users') ?? (firstTask === null ? null : count(firstTask, 'First tasks'));
        if (wrong) return { ok: false, reason: wrong };
        if (active > cohort.size) {
          return {
            ok: false,
            reason: `${active} active users is more than the ${cohort.size} people in ${cohort.name}`,
          };
        }
        if (firstTask !== null && firstTask > cohort.size) {
          return {
            ok: false,
            reason: `${firstTask} first tasks is more than the ${cohort.size} people in ${cohort.name}`,
          };
        }
        const key = `${cohort.id}\u0000${day}`;
        if (ctx.known.has(key))
          return { ok: false, reason: `${cohort.name} on ${day} is already in this workbook` };
        const first = seen.get(key);
        if (first !== undefined)
          return { ok: false, reason: `row ${first} already gives ${cohort.name} on ${day}` };
        seen.set(key, r.row);
        return {
          ok: true,
          item: { row: r.row, record: { cohortId: cohort.id, day, active, firstTask } },
          shown: {
            cohort: cohort.name,
            day,
            active: `${active.toLocaleString('en-US')} (${((active / cohort.size) * 100).toFixed(1)}%)`,
            firstTask: firstTask === null ? '' : firstTask.toLocaleString('en-US'),
          },
        };
      },
    };
  },
  preview: [
    { key: 'cohort', label: 'Cohort' },
    { key: 'day', label: 'Date' },
    { key: 'active', label: 'Active (share)' },
    { key: 'firstTask', label: 'First tasks' },
  ],
  command(items, mapping, meta) {
    return {
      type: 'adoption.usage-import',
      id: meta.id,
      fileName: meta.fileName,
      source: mapping.source.trim(),
      usage: items.map((i) => ({ rows: [i.row], record: i.record })),
    };
  },
  maxItems: 200_000,
};
