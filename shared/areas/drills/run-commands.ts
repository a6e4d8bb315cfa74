import { z } from 'zod';
import { areaCommand } from '../../domain/area-command';
import { DomainError } from '../../domain/errors';
import { choice, entityId, requiredText } from '../../schema/fields';
import { entry } from '../runbooks/helpers';
import { SEVERITIES } from '../runbooks/schema';
import { applyTimer } from '../runbooks/timers';
import type { AreaCommand } from '../types';
import {
  dueInjects,
  fireNow,
  formatDrillTime,
  jumpToNext,
  MAX_SPEED,
  MIN_SPEED,
  pauseClock,
  resumeClock,
  setSpeed,
  startClock,
} from './clock';
import { clockRule, drillIncidentId, injectTitle, liveRun, runAt, runPlan } from './run-helpers';
import { InjectCardSchema } from './run-schema';

// A drill run's life: created from a scenario (a copy of it), started (which opens the drill's
// incident in the runbooks area, marked drill: true, so its figures never mix with real ones),
// the clock paused, resumed, sped up, jumped; injects fired on schedule (by the host's drill
// service), "now", or by jumping; finished. The reducer's "now" is the change's time (ctx.at),
// which the host stamps, so a window's clock never decides when something happened.

const runId = entityId.max(40, 'A drill run id is at most 40 characters');

const CreateSchema = z.strictObject({
  type: z.literal('drills.run-create'),
  runId,
  scenarioId: entityId,
  facilitator: requiredText('Facilitator', 120),
  /** The hand of unscheduled cards the facilitator starts with (more can be written later). */
  cards: z.array(InjectCardSchema).max(100, 'At most 100 cards in a hand').optional(),
});

export const createRun: AreaCommand<typeof CreateSchema> = areaCommand(CreateSchema, (wb, cmd) => {
  const scenario = wb.drills.scenarios.find((s) => s.id === cmd.scenarioId);
  if (!scenario) throw new DomainError('not-found', `No scenario with id "${cmd.scenarioId}"`, 'scenarioId');
  if (wb.drills.runs.some((r) => r.id === cmd.runId))
    throw new DomainError('duplicate-id', `A drill run with id "${cmd.runId}" exists`, 'runId');
  const cards = cmd.cards ?? [];
  const injectIds = new Set(scenario.injects.map((i) => i.id));
  const clash = cards.find((c) => injectIds.has(c.id));
  if (clash)
    throw new DomainError('duplicate-id', `Card "${clash.title}" has an inject's id "${clash.id}"`, 'cards');
  return runPlan(
    wb,
    cmd.runId,
    `Prepared a drill of '${scenario.name}' (facilitator ${cmd.facilitator})`,
    (d) => {
      d.drills.runs.push({
        id: cmd.runId,
        scenario,
        incidentId: '',
        facilitator: cmd.facilitator.trim(),
        clock: null,
        endedAt: null,
        fired: [],
        cards,
        questionIndex: -1,
        log: [],
        scores: [],
        strengths: [],
        improvements: [],
        questionnaire: [],
        reportFinal: false,
      });
    },
  );
});

const speed = z
  .number({ error: 'Speed must be a number' })
  .min(MIN_SPEED, `Speed must be between ${MIN_SPEED}× and ${MAX_SPEED}×`)
  .max(MAX_SPEED, `Speed must be between ${MIN_SPEED}× and ${MAX_SPEED}×`);

const StartSchema = z.strictObject({
  type: z.literal('drills.run-start'),
  runId,
  speed,
  severity: choice('Severity', SEVERITIES),
});

export const startDrill: AreaCommand<typeof StartSchema> = areaCommand(StartSchema, (wb, cmd, ctx) => {
  const { index, run } = runAt(wb, cmd.runId);
  if (run.clock !== null || run.endedAt !== null)
    throw new DomainError('not-allowed', `The drill "${run.scenario.name}" has already started`, 'runId');
  const incidentId = drillIncidentId(run.id);
  if (wb.runbooks.incidents.some((i) => i.id === incidentId))
    throw new DomainError('duplicate-id', `An incident with id "${incidentId}" exists`, 'runId');
  const now = Date.parse(ctx.at);
  const clock = startClock(now, cmd.speed);
  const title = `Drill: ${run.scenario.name}`;
  return runPlan(
    wb,
    run.id,
    `Started the drill '${run.scenario.name}' at ${cmd.speed}×`,
    (d) => {
      d.runbooks.incidents.push({
        id: incidentId,
        ref: '',
        title,
        severity: cmd.severity,
        drill: true,
        openedAt: ctx.at,
        resolvedAt: null,
        waveId: '',
        deploymentIds: [],
        changeRefs: [],
        batch: '',
        roles: [{ role: 'commander', person: run.facilitator, at: ctx.at, by: ctx.who.name }],
        timeline: [
          entry(
            { timeline: [] },
            {
              at: ctx.at,
              kind: 'action',
              text: `EXERCISE started: ${run.scenario.name} (facilitator ${run.facilitator})`,
              author: ctx.who.name,
            },
          ),
        ],
      });
      const target = d.drills.runs[index]!;
      target.incidentId = incidentId;
      target.clock = clock;
    },
    [`runbooks.incidents/${incidentId}`],
  );
});

const ClockSchema = z.strictObject({
  type: z.literal('drills.run-clock'),
  runId,
  action: choice('Action', ['pause', 'resume', 'speed'] as const),
  /** For "speed": the new speed, 1 to 60. */
  speed: speed.optional(),
});

export const controlClock: AreaCommand<typeof ClockSchema> = areaCommand(ClockSchema, (wb, cmd, ctx) => {
  const { index, run, clock } = liveRun(wb, cmd.runId);
  const now = Date.parse(ctx.at);
  if (cmd.action === 'speed' && cmd.speed === undefined)
    throw new DomainError('invalid-item', 'Say which speed, 1× to 60×', 'speed');
  const next = clockRule('action', () =>
    cmd.action === 'pause'
      ? pauseClock(clock, now)
      : cmd.action === 'resume'
        ? resumeClock(clock, now)
        : setSpeed(clock, now, cmd.speed!),
  );
  const what =
    cmd.action === 'speed'
      ? `Set the drill clock to ${cmd.speed}×`
      : `${cmd.action === 'pause' ? 'Paused' : 'Resumed'} the drill clock`;
  return runPlan(wb, run.id, `${what} (${run.scenario.name})`, (d) => {
    d.drills.runs[index]!.clock = next;
  });
});

const JumpSchema = z.strictObject({ type: z.literal('drills.run-jump'), runId });

/** Jump to the next inject: drill time moves to it and exactly it fires. */
export const jumpDrill: AreaCommand<typeof JumpSchema> = areaCommand(JumpSchema, (wb, cmd, ctx) => {
  const { index, run, clock } = liveRun(wb, cmd.runId);
  const jumped = jumpToNext(clock, run.scenario.injects, run.fired, Date.parse(ctx.at));
  if (!jumped) throw new DomainError('not-allowed', 'Every inject has already fired', 'runId');
  const title = injectTitle(run, jumped.fired.injectId);
  return runPlan(wb, run.id, `Jumped to ${formatDrillTime(jumped.fired.drillMs)}: ${title}`, (d) => {
    const target = d.drills.runs[index]!;
    target.clock = jumped.clock;
    target.fired.push(jumped.fired);
  });
});

const FireSchema = z.strictObject({ type: z.literal('drills.run-fire'), runId, injectId: entityId });

/** Fire a scheduled inject at this moment, paused or not. */
export const fireInject: AreaCommand<typeof FireSchema> = areaCommand(FireSchema, (wb, cmd, ctx) => {
  const { index, run, clock } = liveRun(wb, cmd.runId);
  const inject = run.scenario.injects.find((i) => i.id === cmd.injectId);
  if (!inject) throw new DomainError('not-found', `No inject "${cmd.injectId}" in this drill`, 'injectId');
  const fired = clockRule('injectId', () => fireNow(clock, inject.id, run.fired, Date.parse(ctx.at)));
  return runPlan(wb, run.id, `Fired now: ${inject.title}`, (d) => {
    d.drills.runs[index]!.fired.push(fired);
  });
});

const DueSchema = z.strictObject({ type: z.literal('drills.run-fire-due'), runId });

/**
 * Fire every scheduled inject that is due, stamped with when it was due. Sent by the host's drill
 * service; refused when nothing is due, so a second send (or an undo's replay) fires nothing twice.
 */
export const fireDue: AreaCommand<typeof DueSchema> = areaCommand(DueSchema, (wb, cmd, ctx) => {
  const { index, run, clock } = liveRun(wb, cmd.runId);
  const due = dueInjects(clock, run.scenario.injects, run.fired, Date.parse(ctx.at));
  if (due.length === 0) throw new DomainError('not-allowed', 'No inject is due yet', 'runId');
  const titles = due.map((f) => injectTitle(run, f.injectId));
  return runPlan(wb, run.id, `Inject${due.length > 1 ? 's' : ''} fired: ${titles.join('; ')}`, (d) => {
    d.drills.runs[index]!.fired.push(...due);
  });
});

const FinishSchema = z.strictObject({ type: z.literal('drills.run-finish'), runId });

/** Ends the drill: the clock stops where it is, the drill's incident closes and its timers stop. */
export const finishDrill: AreaCommand<typeof FinishSchema> = areaCommand(FinishSchema, (wb, cmd, ctx) => {
  const { index, run, clock } = liveRun(wb, cmd.runId);
  const now = Date.parse(ctx.at);
  const ii = wb.runbooks.incidents.findIndex((i) => i.id === run.incidentId);
  return runPlan(
    wb,
    run.id,
    `Finished the drill '${run.scenario.name}'`,
    (d) => {
      const target = d.drills.runs[index]!;
      target.endedAt = now;
      if (clock.pausedAt === null) target.clock = { ...clock, pausedAt: now };
      if (ii < 0) return;
      const inc = d.runbooks.incidents[ii]!;
      if (inc.resolvedAt === null) inc.resolvedAt = ctx.at;
      inc.timeline.push(
        entry(inc, { at: ctx.at, kind: 'action', text: 'EXERCISE finished', author: ctx.who.name }),
      );
      d.runbooks.timers = d.runbooks.timers.map((t) =>
        t.incidentId === inc.id && (t.state === 'running' || t.state === 'paused')
          ? applyTimer(t, { action: 'stop' }, now)
          : t,
      );
    },
    ii < 0 ? [] : [`runbooks.incidents/${run.incidentId}`],
  );
});
