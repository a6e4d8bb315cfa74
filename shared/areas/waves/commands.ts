import { z } from 'zod';
import { areaCommand, draftChange } from '../../domain/area-command';
import { DomainError } from '../../domain/errors';
import { clockTime, withUnit } from '../../domain/format';
import { choice, entityId, finiteNumber, isoInstant, optionalText, requiredText } from '../../schema/fields';
import type { Workbook } from '../../schema/workbook';
import type { AreaCommand } from '../types';
import { blockersFor, STATE_LABEL, TRANSITIONS } from './moves';
import { WAVE_STATES, type Wave } from './schema';

// The waves area's own commands: moving a wave (the rules live in moves.ts) and recording
// readings (checked here: a known metric, a number, inside the wave's life, not a duplicate).

const baseRevision = z.number({ error: 'baseRevision must be a revision number' }).int().min(0);
/** Readings a few minutes ahead are clock skew between machines; further ahead is a mistake. */
const FUTURE_SKEW_MS = 5 * 60_000;

function waveOf(wb: Workbook, id: string): { wave: Wave; index: number } {
  const index = wb.waves.waves.findIndex((w) => w.id === id);
  if (index < 0) throw new DomainError('not-found', `No wave with id "${id}"`, 'waveId');
  return { wave: wb.waves.waves[index]!, index };
}

const MoveWaveSchema = z.strictObject({
  type: z.literal('wave.move'),
  waveId: entityId,
  to: choice('To', WAVE_STATES),
  reason: requiredText('Reason', 500),
  /** Why the promotion rules are set aside; only needed when they would refuse. */
  override: optionalText('Override', 500).optional(),
  baseRevision,
});

// Typed explicitly: inferring it would need the workbook type, which the registry derives.
export const moveWave: AreaCommand<typeof MoveWaveSchema> = areaCommand(MoveWaveSchema, (wb, cmd, ctx) => {
  const { wave, index } = waveOf(wb, cmd.waveId);
  const now = Date.parse(ctx.at);
  const blockers = blockersFor(wb, wave, cmd.to, now);
  const verb = STATE_LABEL[cmd.to].toLowerCase();
  if (!TRANSITIONS[wave.state].includes(cmd.to)) {
    throw new DomainError('not-allowed', `${wave.name}: ${blockers[0]}`, 'to');
  }
  const override = cmd.override?.trim() ?? '';
  if (blockers.length > 0 && !override) {
    throw new DomainError(
      'not-allowed',
      `${wave.name} cannot be ${verb} now. ${blockers.join(' ')} To do it anyway, sign an override saying why.`,
      'override',
    );
  }
  const change = draftChange(wb, (d) => {
    const w = d.waves.waves[index]!;
    w.state = cmd.to;
    if (wave.state === 'planned' && cmd.to === 'live') w.startedAt = ctx.at;
    if (cmd.to === 'planned') w.startedAt = null;
    w.moves.push({
      at: ctx.at,
      by: ctx.who.name,
      role: ctx.who.role,
      from: wave.state,
      to: cmd.to,
      reason: cmd.reason,
      override: blockers.length > 0 ? override : '',
    });
  });
  const overridden = blockers.length > 0 ? ` (override: ${override})` : '';
  return {
    ...change,
    touched: [`waves.waves/${wave.id}`],
    area: 'waves',
    summary: `Moved ${wave.name} from ${STATE_LABEL[wave.state].toLowerCase()} to ${verb}: ${cmd.reason}${overridden}`,
  };
});

const AddReadingSchema = z.strictObject({
  type: z.literal('wave.reading-add'),
  id: entityId,
  waveId: entityId,
  metricId: entityId,
  at: isoInstant,
  value: finiteNumber('Value'),
  source: optionalText('Source', 200),
});

// Typed explicitly: inferring it would need the workbook type, which the registry derives.
export const addReading: AreaCommand<typeof AddReadingSchema> = areaCommand(
  AddReadingSchema,
  (wb, cmd, ctx) => {
    const { wave } = waveOf(wb, cmd.waveId);
    const metric = wb.waves.metrics.find((m) => m.id === cmd.metricId);
    if (!metric) throw new DomainError('not-found', `No metric with id "${cmd.metricId}"`, 'metricId');
    const at = Date.parse(cmd.at);
    const when = `${clockTime(cmd.at)} on ${cmd.at.slice(0, 10)}`;
    if (!wave.startedAt) {
      throw new DomainError(
        'not-allowed',
        `${wave.name} has not gone live, so it has no readings yet.`,
        'at',
      );
    }
    if (at < Date.parse(wave.startedAt)) {
      throw new DomainError(
        'not-allowed',
        `A reading at ${when} is before ${wave.name} went live (${clockTime(wave.startedAt)} on ${wave.startedAt.slice(0, 10)}).`,
        'at',
      );
    }
    const ended =
      wave.state === 'promoted' || wave.state === 'rolled-back' ? wave.moves.at(-1)?.at : undefined;
    if (ended && at > Date.parse(ended)) {
      throw new DomainError(
        'not-allowed',
        `A reading at ${when} is after ${wave.name} was ${STATE_LABEL[wave.state].toLowerCase()}.`,
        'at',
      );
    }
    if (at > Date.parse(ctx.at) + FUTURE_SKEW_MS) {
      throw new DomainError('not-allowed', `A reading at ${when} is in the future.`, 'at');
    }
    if (wb.waves.readings.some((r) => r.id === cmd.id)) {
      throw new DomainError('duplicate-id', `A reading with id "${cmd.id}" already exists`, 'id');
    }
    const twin = wb.waves.readings.find(
      (r) => r.waveId === wave.id && r.metricId === metric.id && Date.parse(r.at) === at,
    );
    if (twin) {
      throw new DomainError(
        'duplicate-id',
        `${metric.name} already has a reading at ${when} in ${wave.name} (${withUnit(twin.value, metric.unit)}, by ${twin.by}).`,
        'at',
      );
    }
    const { type: _type, ...fields } = cmd;
    // A reading without its own source came from the metric's usual one: say which.
    const reading = {
      ...fields,
      source: cmd.source.trim() || metric.source,
      by: ctx.who.name,
      role: ctx.who.role,
      batch: '',
    };
    const at_ = ['waves', 'readings', wb.waves.readings.length];
    return {
      patches: [{ op: 'add', path: at_, value: reading }],
      inverse: [{ op: 'remove', path: at_ }],
      touched: [`waves.readings/${cmd.id}`],
      area: 'waves',
      // No clock time in the sentence: it is kept in the file and may be read in another zone;
      // the reading's own time is in the change itself.
      summary: `Recorded ${metric.name} = ${withUnit(cmd.value, metric.unit)} for ${wave.name}`,
    };
  },
);

const RemoveReadingSchema = z.strictObject({
  type: z.literal('wave.reading-remove'),
  id: entityId,
  baseRevision,
});

// Typed explicitly: inferring it would need the workbook type, which the registry derives.
export const removeReading: AreaCommand<typeof RemoveReadingSchema> = areaCommand(
  RemoveReadingSchema,
  (wb, cmd) => {
    const index = wb.waves.readings.findIndex((r) => r.id === cmd.id);
    if (index < 0) throw new DomainError('not-found', `No reading with id "${cmd.id}"`, 'id');
    const reading = wb.waves.readings[index]!;
    const metric = wb.waves.metrics.find((m) => m.id === reading.metricId);
    // Written by hand: a draft's splice would rewrite every later reading as its own patch.
    const path = ['waves', 'readings', index];
    return {
      patches: [{ op: 'remove', path }],
      inverse: [{ op: 'add', path, value: reading }],
      touched: [`waves.readings/${cmd.id}`],
      area: 'waves',
      summary: `Deleted a reading of ${metric?.name ?? reading.metricId} (${withUnit(reading.value, metric?.unit ?? '')})`,
    };
  },
);
