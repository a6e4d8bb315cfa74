import { z } from 'zod';
import { areaCommand } from '../../domain/area-command';
import { DomainError } from '../../domain/errors';
import { appendPatch, type Patch } from '../../domain/patches';
import {
  FUTURE_SKEW_MS,
  isoText,
  ReadingSlots,
  readingIndex,
  utcText,
  waveFor,
  waveLife,
} from '../../import/kinds/readings-rules';
import { entityId, finiteNumber, isoInstant, optionalText } from '../../schema/fields';
import type { Workbook } from '../../schema/workbook';
import type { AreaCommand } from '../types';
import { type Metric, MetricSchema, type Reading } from './schema';

// A confirmed import is one command, checked again here whatever the preview said (the file was
// parsed in a window; the host trusts nothing it did not check), applied whole or not at all.
// Its audit entry is compact: the import record and any metrics it created, with a sentence
// saying what came in. The readings themselves carry the import's id (`batch`), so the file
// holds them once, and the import can be shown, and taken back, as one thing.

/** The most items one import may bring in: its command stays well under the bridge's frame limit. */
export const MAX_IMPORT_ITEMS = 200_000;
const MAX_ISSUES = 100;

const ImportedReadingSchema = z.strictObject({
  /** The file's row it came from, so a refusal can name it. */
  row: z.number().int().min(1).max(100_000_000),
  metricId: entityId,
  at: isoInstant,
  value: finiteNumber('Value'),
});

const ReadingsImportSchema = z.strictObject({
  type: z.literal('wave.readings-import'),
  /** The import's id; each reading's id is derived from it, so it is kept short. */
  id: entityId.max(40, 'An import id is at most 40 characters'),
  fileName: optionalText('File name', 260),
  source: optionalText('Source', 200),
  /** The wave every reading goes to, or '' for the wave live at each reading's time. */
  waveId: z.union([entityId, z.literal('')]),
  /** Metrics the import creates (series the user chose to make metrics of). */
  metrics: z.array(MetricSchema).max(500, 'At most 500 new metrics in one import'),
  readings: z
    .array(ImportedReadingSchema)
    .min(1, 'An import needs at least one reading')
    .max(MAX_IMPORT_ITEMS, `One import takes at most ${MAX_IMPORT_ITEMS.toLocaleString('en-US')} readings`),
});

export type ReadingsImportCommand = z.input<typeof ReadingsImportSchema>;

const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

function refuse(issues: { path: string; message: string }[], total: number, what: string): never {
  const shown = issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`);
  const more = total > 3 ? ` (and ${count(total - 3, 'more row')})` : '';
  throw new DomainError(
    'invalid-item',
    `Nothing was imported: ${count(total, 'row')} of ${what} cannot be. ${shown.join('; ')}${more}.`,
    'readings',
    issues.slice(0, MAX_ISSUES),
  );
}

// Typed explicitly: inferring it would need the workbook type, which the registry derives.
export const importReadings: AreaCommand<typeof ReadingsImportSchema> = areaCommand(
  ReadingsImportSchema,
  (wb, cmd, ctx) => {
    const section = wb.waves;
    if (section.imports.some((i) => i.id === cmd.id)) {
      throw new DomainError('duplicate-id', `An import with id "${cmd.id}" already exists`, 'id');
    }
    const metrics = new Map<string, Metric>(section.metrics.map((m) => [m.id, m]));
    const names = new Set(section.metrics.map((m) => m.name.trim().toLowerCase()));
    for (const m of cmd.metrics) {
      if (metrics.has(m.id))
        throw new DomainError('duplicate-id', `A metric with id "${m.id}" already exists`, 'metrics');
      const name = m.name.trim().toLowerCase();
      if (names.has(name)) {
        throw new DomainError(
          'duplicate-id',
          `A metric named '${m.name}' already exists: map the series to it instead`,
          'metrics',
        );
      }
      names.add(name);
      metrics.set(m.id, m);
    }
    const lives = section.waves.map(waveLife).filter((l) => l !== null);
    const existing = readingIndex(section.readings);
    const ids = new Set(section.readings.map((r) => r.id));
    const seen = new ReadingSlots<number>();
    const now = Date.parse(ctx.at);
    const issues: { path: string; message: string }[] = [];
    const readings: Reading[] = [];
    const perMetric = new Map<string, number>();
    const perWave = new Map<string, number>();
    const waveNames = new Map(section.waves.map((w) => [w.id, w.name]));
    for (let i = 0; i < cmd.readings.length; i++) {
      const r = cmd.readings[i]!;
      const bad = (message: string) => issues.push({ path: `Row ${r.row}`, message });
      const metric = metrics.get(r.metricId);
      if (!metric) {
        bad(`there is no metric with id '${r.metricId}'`);
        continue;
      }
      const at = Date.parse(r.at);
      if (at > now + FUTURE_SKEW_MS) {
        bad(`${utcText(at)} is in the future`);
        continue;
      }
      const placed = waveFor(section.waves, lives, at, cmd.waveId);
      if (!placed.ok) {
        bad(placed.reason);
        continue;
      }
      const twin = existing.get(metric.id, placed.wave.id, at);
      if (twin) {
        bad(
          `${metric.name} already has a reading at ${utcText(at)} in ${placed.wave.name} (${twin.value}, by ${twin.by})`,
        );
        continue;
      }
      const first = seen.get(metric.id, placed.wave.id, at);
      if (first !== undefined) {
        bad(`row ${first} already gives ${metric.name} at ${utcText(at)} in ${placed.wave.name}`);
        continue;
      }
      seen.set(metric.id, placed.wave.id, at, r.row);
      const id = `${cmd.id}-${i.toString(36)}`;
      if (ids.has(id)) {
        throw new DomainError(
          'duplicate-id',
          `A reading with id "${id}" already exists; import again under a new id`,
          'id',
        );
      }
      readings.push({
        id,
        waveId: placed.wave.id,
        metricId: metric.id,
        at: isoText(r.at, at),
        value: r.value,
        source: cmd.source.trim() || metric.source,
        by: ctx.who.name,
        role: ctx.who.role,
        batch: cmd.id,
      });
      perMetric.set(metric.id, (perMetric.get(metric.id) ?? 0) + 1);
      perWave.set(placed.wave.id, (perWave.get(placed.wave.id) ?? 0) + 1);
    }
    if (issues.length > 0) refuse(issues, issues.length, count(cmd.readings.length, 'reading'));

    const record = {
      id: cmd.id,
      kind: 'readings' as const,
      at: ctx.at,
      by: ctx.who.name,
      role: ctx.who.role,
      fileName: cmd.fileName,
      source: cmd.source.trim(),
      count: readings.length,
    };
    const metricAt = (k: number) => ['waves', 'metrics', section.metrics.length + k];
    const importAt = ['waves', 'imports', section.imports.length];
    const newMetrics: Patch[] = cmd.metrics.map((m, k) => ({ op: 'add', path: metricAt(k), value: m }));
    const dropMetrics: Patch[] = cmd.metrics
      .map((_, k): Patch => ({ op: 'remove', path: metricAt(k) }))
      .reverse();
    const patches: Patch[] = [...newMetrics, appendPatch(['waves', 'readings'], readings)];
    patches.push({ op: 'add', path: importAt, value: record });
    // Undo puts back the readings as they were: one patch holding the old (frozen, shared) list.
    const inverse: Patch[] = [
      { op: 'remove', path: importAt },
      { op: 'replace', path: ['waves', 'readings'], value: section.readings },
      ...dropMetrics,
    ];

    const byMetric = [...perMetric]
      .sort((a, b) => b[1] - a[1])
      .map(([id, n]) => `${metrics.get(id)!.name} ${n.toLocaleString('en-US')}`);
    const into = [...perWave.keys()].map((id) => waveNames.get(id) ?? id);
    const created =
      cmd.metrics.length > 0
        ? `; new metric${cmd.metrics.length === 1 ? '' : 's'}: ${cmd.metrics.map((m) => m.name).join(', ')}`
        : '';
    return {
      patches,
      inverse,
      // The log keeps the record and the new metrics; the readings are in the file, stamped.
      logged: { patches: [...newMetrics, patches.at(-1)!], inverse: [inverse[0]!, ...dropMetrics] },
      touched: [`waves.imports/${cmd.id}`, ...cmd.metrics.map((m) => `waves.metrics/${m.id}`)],
      area: 'waves',
      summary:
        `Imported ${count(readings.length, 'reading')} into ${into.join(' and ')} from ${cmd.fileName || 'a file'}` +
        `${record.source ? ` (${record.source})` : ''}, import ${cmd.id}: ${byMetric.slice(0, 4).join(', ')}` +
        `${byMetric.length > 4 ? ` and ${byMetric.length - 4} more metrics` : ''}${created}`,
    };
  },
);

const TakeBackSchema = z.strictObject({
  type: z.literal('wave.import-take-back'),
  importId: entityId,
  baseRevision: z.number({ error: 'baseRevision must be a revision number' }).int().min(0),
});

/**
 * The patches that remove every item of `list` (at `path`) matching `gone`, and their inverse.
 * One remove per item is the smallest push while the items are at the end (an import appends
 * its items, and removals from the end are applied in one step). From the middle of a long list
 * each remove shifts every later item through immer's draft (about 1 µs an item: 4 s to take
 * 100,000 readings out from under 10 others), so past a few thousand shifts the list is replaced
 * whole instead: a bigger push, a cheap change.
 */
function removeWhere<T>(list: readonly T[], path: (string | number)[], gone: (item: T) => boolean) {
  const indices: number[] = [];
  let shifts = 0;
  let after = 0;
  for (let i = list.length - 1; i >= 0; i--) {
    if (gone(list[i]!)) {
      indices.push(i);
      shifts += after;
    } else after++;
  }
  if (indices.length === 0) return { patches: [] as Patch[], inverse: [] as Patch[], count: 0 };
  if (shifts > 5_000) {
    const kept = list.filter((item) => !gone(item));
    return {
      patches: [{ op: 'replace', path, value: kept }] as Patch[],
      inverse: [{ op: 'replace', path, value: list }] as Patch[],
      count: indices.length,
    };
  }
  return {
    patches: indices.map((i): Patch => ({ op: 'remove', path: [...path, i] })),
    inverse: indices.reverse().map((i): Patch => ({ op: 'add', path: [...path, i], value: list[i] })),
    count: indices.length,
  };
}

// Typed explicitly: inferring it would need the workbook type, which the registry derives.
export const takeBackImport: AreaCommand<typeof TakeBackSchema> = areaCommand(
  TakeBackSchema,
  (wb: Workbook, cmd) => {
    const index = wb.waves.imports.findIndex((i) => i.id === cmd.importId);
    if (index < 0) throw new DomainError('not-found', `No import with id "${cmd.importId}"`, 'importId');
    const record = wb.waves.imports[index]!;
    const mine = (item: { batch: string }) => item.batch === record.id;
    const parts = [
      removeWhere(wb.waves.readings, ['waves', 'readings'], mine),
      removeWhere(wb.waves.deployments, ['waves', 'deployments'], mine),
      removeWhere(wb.runbooks.incidents, ['runbooks', 'incidents'], mine),
      removeWhere(wb.pilot.feedback, ['pilot', 'feedback'], mine),
      removeWhere(wb.adoption.usage, ['adoption', 'usage'], mine),
      removeWhere(wb.stakeholders.people, ['stakeholders', 'people'], mine),
    ];
    const at = ['waves', 'imports', index];
    const drop: Patch = { op: 'remove', path: at };
    const restore: Patch = { op: 'add', path: at, value: record };
    const removed = parts.reduce((n, p) => n + p.count, 0);
    return {
      patches: [drop, ...parts.flatMap((p) => p.patches)],
      inverse: [...parts.toReversed().flatMap((p) => p.inverse), restore],
      logged: { patches: [drop], inverse: [restore] },
      touched: [`waves.imports/${record.id}`],
      area: 'waves',
      summary:
        `Took back import ${record.id} (${record.fileName || 'a file'}, by ${record.by} on ${utcText(Date.parse(record.at))}): ` +
        `removed ${count(removed, record.kind === 'readings' ? 'reading' : 'item')}` +
        `${removed === record.count ? '' : ` of the ${record.count.toLocaleString('en-US')} it brought in`}; metrics it created stay`,
    };
  },
);
