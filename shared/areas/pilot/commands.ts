import { z } from 'zod';
import { areaCommand } from '../../domain/area-command';
import { DomainError } from '../../domain/errors';
import type { Patch } from '../../domain/patches';
import { entityId, optionalText } from '../../schema/fields';
import type { Workbook } from '../../schema/workbook';
import type { AreaCommand } from '../types';
import { appendRecords } from '../waves/import-records';
import { formatValue } from './kpis';
import { type Feedback, FeedbackSchema, KpiReadingSchema, KpiSchema } from './schema';

// The pilot's own commands. A KPI's target and readings are managed fields: the generic editor
// cannot touch them, so a target moved after the pilot started is always recorded with who, when
// and why, and the pass/fail it feeds cannot be quietly rewritten.

const baseRevision = z.number({ error: 'baseRevision must be a revision number' }).int().min(0);

function kpiAt(wb: Workbook, id: string) {
  const index = wb.pilot.kpis.findIndex((k) => k.id === id);
  if (index < 0) throw new DomainError('not-found', `No pilot KPI with id "${id}"`, 'kpiId');
  return { index, kpi: wb.pilot.kpis[index]! };
}

const StartSchema = z.strictObject({ type: z.literal('pilot.start'), baseRevision });

// Typed explicitly: inferring it would need the workbook type, which the registry derives.
export const startPilot: AreaCommand<typeof StartSchema> = areaCommand(StartSchema, (wb, _cmd, ctx) => {
  if (wb.pilot.startedAt) {
    throw new DomainError(
      'invalid-item',
      `The pilot already started on ${wb.pilot.startedAt.slice(0, 10)}`,
      'startedAt',
    );
  }
  const path = ['pilot', 'startedAt'];
  return {
    patches: [{ op: 'replace', path, value: ctx.at }],
    inverse: [{ op: 'replace', path, value: null }],
    touched: ['pilot.startedAt'],
    area: 'pilot',
    summary: `Started the pilot: KPI targets changed from now on are shown as moved`,
  };
});

const TargetSchema = z.strictObject({
  type: z.literal('pilot.kpi-target'),
  baseRevision,
  kpiId: entityId,
  target: KpiSchema.shape.target,
  reason: optionalText('Reason', 500),
});

export const setKpiTarget: AreaCommand<typeof TargetSchema> = areaCommand(TargetSchema, (wb, cmd, ctx) => {
  const { index, kpi } = kpiAt(wb, cmd.kpiId);
  if (kpi.target === cmd.target) {
    throw new DomainError(
      'invalid-item',
      `The target of ${kpi.name} is already ${formatValue(cmd.target, kpi.unit)}`,
      'target',
    );
  }
  const base = ['pilot', 'kpis', index];
  const patches: Patch[] = [{ op: 'replace', path: [...base, 'target'], value: cmd.target }];
  const inverse: Patch[] = [{ op: 'replace', path: [...base, 'target'], value: kpi.target }];
  const started = wb.pilot.startedAt !== null;
  if (started) {
    if (!cmd.reason.trim()) {
      throw new DomainError('invalid-item', 'The pilot has started: say why the target moves', 'reason');
    }
    const at = [...base, 'targetChanges', kpi.targetChanges.length];
    const change = {
      from: kpi.target,
      to: cmd.target,
      at: ctx.at,
      by: ctx.who.name,
      reason: cmd.reason.trim(),
    };
    patches.push({ op: 'add', path: at, value: change });
    inverse.unshift({ op: 'remove', path: at });
  }
  return {
    patches,
    inverse,
    touched: [`pilot.kpis/${kpi.id}`],
    area: 'pilot',
    summary:
      `${started ? 'Moved' : 'Set'} the target of ${kpi.name}: ${formatValue(kpi.target, kpi.unit)} → ${formatValue(cmd.target, kpi.unit)}` +
      (started ? ` after the pilot started (${cmd.reason.trim()})` : ''),
  };
});

const ReadingSchema = KpiReadingSchema.extend({
  type: z.literal('pilot.kpi-reading'),
  baseRevision,
  kpiId: entityId,
});

export const addKpiReading: AreaCommand<typeof ReadingSchema> = areaCommand(ReadingSchema, (wb, cmd) => {
  const { index, kpi } = kpiAt(wb, cmd.kpiId);
  if (kpi.readings.some((r) => r.day === cmd.day)) {
    throw new DomainError('duplicate-id', `${kpi.name} already has a reading for ${cmd.day}`, 'day');
  }
  if (kpi.readings.length >= 1000) {
    throw new DomainError(
      'invalid-item',
      `${kpi.name} already has 1,000 readings, the most a KPI keeps`,
      'day',
    );
  }
  const at = ['pilot', 'kpis', index, 'readings', kpi.readings.length];
  return {
    patches: [{ op: 'add', path: at, value: { day: cmd.day, value: cmd.value } }],
    inverse: [{ op: 'remove', path: at }],
    touched: [`pilot.kpis/${kpi.id}`],
    area: 'pilot',
    summary: `Recorded ${kpi.name}: ${formatValue(cmd.value, kpi.unit)} on ${cmd.day}`,
  };
});

const withRows = <S extends z.ZodObject>(schema: S) =>
  z.strictObject({ rows: z.array(z.number().int().min(1)).min(1).max(10_000), record: schema });

const FeedbackImportSchema = z.strictObject({
  type: z.literal('pilot.feedback-import'),
  id: entityId.max(40, 'An import id is at most 40 characters'),
  fileName: optionalText('File name', 260),
  source: optionalText('Source', 200),
  feedback: z
    .array(withRows(FeedbackSchema.omit({ id: true, batch: true })))
    .min(1, 'An import needs at least one feedback item')
    .max(20_000, 'One import takes at most 20,000 feedback items'),
});

export type FeedbackImportCommand = z.input<typeof FeedbackImportSchema>;

export const importFeedback: AreaCommand<typeof FeedbackImportSchema> = areaCommand(
  FeedbackImportSchema,
  (wb, cmd, ctx) =>
    appendRecords<Omit<Feedback, 'id' | 'batch'>>(
      wb,
      cmd,
      cmd.feedback,
      {
        kind: 'feedback',
        noun: 'feedback item',
        path: ['pilot', 'feedback'],
        existing: wb.pilot.feedback,
        label: (f) => f.title,
      },
      ctx.at,
      ctx.who,
    ),
);
