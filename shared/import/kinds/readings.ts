import type { ReadingsImportCommand } from '../../areas/waves/import-commands';
import type { Metric, Reading, Wave } from '../../areas/waves/schema';
import { withUnit } from '../../domain/format';
import type { Workbook } from '../../schema/workbook';
import { matcher } from '../match';
import type { ImportKind, MatchChoice } from '../types';
import {
  FUTURE_SKEW_MS,
  ReadingSlots,
  readingIndex,
  utcText,
  type WaveLife,
  waveFor,
  waveLife,
} from './readings-rules';

// Readings exported from a dashboard → the waves area's metrics, each in the wave that was live
// at its time. Series are matched to metrics by the user (or by the same name); a series can
// also become a new metric, or be left out, and either is counted.

export interface ReadingsSlice {
  waves: readonly Wave[];
  metrics: readonly Metric[];
  readings: readonly Reading[];
}

export interface ReadingsContext {
  waves: readonly Wave[];
  lives: WaveLife[];
  metrics: readonly Metric[];
  existing: ReadingSlots<Reading>;
  now: number;
}

export interface ReadingItem {
  row: number;
  metricId: string;
  waveId: string;
  at: number;
  value: number;
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s);

export const readingsKind: ImportKind<ReadingsSlice, ReadingsContext, ReadingItem, ReadingsImportCommand> = {
  id: 'readings',
  noun: 'reading',
  nouns: 'readings',
  fields: [
    {
      key: 'series',
      label: 'Series',
      type: 'text',
      required: true,
      hints: ['series', 'metric', 'name', 'legend'],
    },
    { key: 'time', label: 'Time', type: 'time', required: true, hints: ['time', 'timestamp', 'date'] },
    { key: 'value', label: 'Value', type: 'number', required: true, hints: ['value'], blankMeansNone: true },
  ],
  layouts: ['long', 'wide', 'table'],
  wide: { name: 'series', value: 'value' },
  match: {
    field: 'series',
    noun: 'series',
    target: 'metric',
    options: (ctx) => ctx.metrics,
    canCreate: true,
  },
  options: (ctx) => [
    {
      key: 'wave',
      label: 'Readings go to',
      values: [
        { value: '', label: 'the wave live at each reading’s time' },
        ...ctx.lives.map((l) => ({ value: l.wave.id, label: l.wave.name })),
      ],
    },
  ],
  slice: (wb) => {
    const { waves, metrics, readings } = (wb as Workbook).waves;
    return { waves, metrics, readings };
  },
  context: (slice, now) => ({
    waves: slice.waves,
    lives: slice.waves.map(waveLife).filter((l): l is WaveLife => l !== null),
    metrics: slice.metrics,
    existing: readingIndex(slice.readings),
    now,
  }),
  checker(ctx, mapping) {
    const match = matcher(this.match!, ctx, mapping);
    const metricNames = new Map(ctx.metrics.map((m) => [m.id, m.name]));
    const seen = new ReadingSlots<number>();
    const taken = new Set(ctx.metrics.map((m) => m.name.trim().toLowerCase()));
    const chosenWave = mapping.options.wave ?? '';
    return {
      check(record) {
        const series = String(record.values.series ?? '');
        const { choice } = match(series);
        if (!choice) {
          return {
            ok: false,
            reason: `series '${clip(series)}' matches no metric: map it to a metric, create one, or leave it out`,
          };
        }
        if (choice.to === 'skip') return { ok: 'skip', why: `series '${clip(series)}', by your choice` };
        if (choice.to === 'new' && taken.has(choice.name.trim().toLowerCase())) {
          return {
            ok: false,
            reason: `series '${clip(series)}' would become a new metric named '${choice.name}', but one exists: map the series to it`,
          };
        }
        if (choice.to === 'new' && !choice.name.trim()) {
          return {
            ok: false,
            reason: `series '${clip(series)}' would become a new metric without a name: give it one`,
          };
        }
        const metricName = choice.to === 'new' ? choice.name : (metricNames.get(choice.id) ?? choice.name);
        const at = record.values.time as number;
        const value = record.values.value as number;
        const when = utcText(at);
        if (at > ctx.now + FUTURE_SKEW_MS) return { ok: false, reason: `${when} is in the future` };
        const placed = waveFor(ctx.waves, ctx.lives, at, chosenWave);
        if (!placed.ok) return { ok: false, reason: placed.reason };
        const wave = placed.wave;
        const twin = ctx.existing.get(choice.id, wave.id, at);
        if (twin) {
          return {
            ok: false,
            reason: `${metricName} already has a reading at ${when} in ${wave.name} (${twin.value}, by ${twin.by || 'someone'})`,
          };
        }
        const first = seen.get(choice.id, wave.id, at);
        if (first !== undefined) {
          if (mapping.repeats === 'keep-first')
            return { ok: 'skip', why: 'repeated in the file (the first was kept)' };
          return { ok: false, reason: `row ${first} already gives ${metricName} at ${when} in ${wave.name}` };
        }
        seen.set(choice.id, wave.id, at, record.row);
        return {
          ok: true,
          item: { row: record.row, metricId: choice.id, waveId: wave.id, at, value },
          shown: {
            metric: choice.to === 'new' ? `${metricName} (new)` : metricName,
            wave: wave.name,
            time: new Date(at).toISOString(),
            value: withUnit(
              value,
              choice.to === 'new' ? choice.unit : (ctx.metrics.find((m) => m.id === choice.id)?.unit ?? ''),
            ),
          },
        };
      },
    };
  },
  preview: [
    { key: 'metric', label: 'Metric' },
    { key: 'wave', label: 'Wave' },
    { key: 'time', label: 'Time (UTC)' },
    { key: 'value', label: 'Value' },
  ],
  command(items, mapping, meta) {
    const used = new Set(items.map((i) => i.metricId));
    const created = new Map<string, Extract<MatchChoice, { to: 'new' }>>();
    for (const { choice: c } of mapping.matches) if (c.to === 'new' && used.has(c.id)) created.set(c.id, c);
    const source = mapping.source.trim();
    return {
      type: 'wave.readings-import',
      id: meta.id,
      fileName: meta.fileName,
      source,
      waveId: mapping.options.wave ?? '',
      metrics: [...created.values()].map((c) => ({
        id: c.id,
        name: c.name,
        unit: c.unit,
        kind: 'service' as const,
        source,
        staleAfterMinutes: 60,
        guardrailId: '',
      })),
      readings: items.map((i) => ({
        row: i.row,
        metricId: i.metricId,
        at: new Date(i.at).toISOString(),
        value: i.value,
      })),
    };
  },
  maxItems: 200_000,
};
