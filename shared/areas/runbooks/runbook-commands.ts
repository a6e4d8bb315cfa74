import { z } from 'zod';
import { areaCommand } from '../../domain/area-command';
import { DomainError } from '../../domain/errors';
import { choice, entityId, optionalText } from '../../schema/fields';
import type { AreaCommand } from '../types';
import { cadenceTimers } from './cadence';
import { entry, incidentIndex, plan, runbookIndex, runIndex } from './helpers';
import { SEVERITIES, StepSchema } from './schema';
import { newTimer } from './timers';

// A runbook's steps (add or edit, reorder, remove) and its runs: started live or as a rehearsal,
// each step started, done or skipped (with a reason), timed against its timebox by a host timer.

const baseRevision = z.number().int().min(0).optional();

const StepSaveSchema = z.strictObject({
  type: z.literal('runbook.step-save'),
  runbookId: entityId,
  step: StepSchema,
  baseRevision,
});

export const saveStep: AreaCommand<typeof StepSaveSchema> = areaCommand(StepSaveSchema, (wb, cmd) => {
  const r = runbookIndex(wb, cmd.runbookId);
  const book = wb.runbooks.runbooks[r]!;
  const at = book.steps.findIndex((s) => s.id === cmd.step.id);
  // A link must name something in this workbook: the run view shows what the step acts on.
  const stop = cmd.step.stopConditionIds.find((id) => !wb.success.stopConditions.some((c) => c.id === id));
  if (stop !== undefined) {
    throw new DomainError(
      'invalid-item',
      `Step "${cmd.step.title}" links to stop condition "${stop}", which this workbook does not have`,
      'step.stopConditionIds',
    );
  }
  const wave = cmd.step.waveIds.find((id) => !wb.waves.waves.some((w) => w.id === id));
  if (wave !== undefined) {
    throw new DomainError(
      'invalid-item',
      `Step "${cmd.step.title}" links to wave "${wave}", which this workbook does not have`,
      'step.waveIds',
    );
  }
  return plan(
    wb,
    [`runbooks.runbooks/${book.id}`],
    `${at < 0 ? 'Added' : 'Edited'} step "${cmd.step.title}" of ${book.name}`,
    (d) => {
      const steps = d.runbooks.runbooks[r]!.steps;
      if (at < 0) steps.push(cmd.step);
      else steps[at] = cmd.step;
    },
  );
});

const StepMoveSchema = z.strictObject({
  type: z.literal('runbook.step-move'),
  runbookId: entityId,
  stepId: entityId,
  toIndex: z.number().int().min(0),
});

export const moveStep: AreaCommand<typeof StepMoveSchema> = areaCommand(StepMoveSchema, (wb, cmd) => {
  const r = runbookIndex(wb, cmd.runbookId);
  const book = wb.runbooks.runbooks[r]!;
  const from = book.steps.findIndex((s) => s.id === cmd.stepId);
  if (from < 0)
    throw new DomainError('not-found', `No step with id "${cmd.stepId}" in ${book.name}`, 'stepId');
  if (cmd.toIndex >= book.steps.length) {
    throw new DomainError('out-of-range', `${book.name} has ${book.steps.length} steps`, 'toIndex');
  }
  return plan(
    wb,
    [`runbooks.runbooks/${book.id}`],
    `Moved step "${book.steps[from]!.title}" of ${book.name} to position ${cmd.toIndex + 1}`,
    (d) => {
      const steps = d.runbooks.runbooks[r]!.steps;
      const [moved] = steps.splice(from, 1);
      steps.splice(cmd.toIndex, 0, moved!);
    },
  );
});

const StepRemoveSchema = z.strictObject({
  type: z.literal('runbook.step-remove'),
  runbookId: entityId,
  stepId: entityId,
});

export const removeStep: AreaCommand<typeof StepRemoveSchema> = areaCommand(StepRemoveSchema, (wb, cmd) => {
  const r = runbookIndex(wb, cmd.runbookId);
  const book = wb.runbooks.runbooks[r]!;
  const at = book.steps.findIndex((s) => s.id === cmd.stepId);
  if (at < 0) throw new DomainError('not-found', `No step with id "${cmd.stepId}" in ${book.name}`, 'stepId');
  return plan(
    wb,
    [`runbooks.runbooks/${book.id}`],
    `Removed step "${book.steps[at]!.title}" of ${book.name}`,
    (d) => {
      d.runbooks.runbooks[r]!.steps.splice(at, 1);
    },
  );
});

const RunStartSchema = z.strictObject({
  type: z.literal('run.start'),
  runId: entityId.max(40, 'A run id is at most 40 characters'),
  runbookId: entityId,
  mode: choice('Mode', ['live', 'rehearsal'] as const),
  /** The incident it responds to; '' opens a new one (a drill for a rehearsal). */
  incidentId: z.union([entityId, z.literal('')]),
  title: optionalText('Incident title', 200),
  severity: choice('Severity', SEVERITIES),
});

export const startRun: AreaCommand<typeof RunStartSchema> = areaCommand(RunStartSchema, (wb, cmd, ctx) => {
  const book = wb.runbooks.runbooks[runbookIndex(wb, cmd.runbookId)]!;
  if (book.steps.length === 0)
    throw new DomainError('invalid-item', `${book.name} has no steps to run`, 'runbookId');
  if (wb.runbooks.runs.some((r) => r.id === cmd.runId)) {
    throw new DomainError('duplicate-id', `A run with id "${cmd.runId}" exists`, 'runId');
  }
  const drill = cmd.mode === 'rehearsal';
  let ii = wb.runbooks.incidents.length;
  if (cmd.incidentId) {
    ii = incidentIndex(wb, cmd.incidentId);
    if (wb.runbooks.incidents[ii]!.drill !== drill) {
      throw new DomainError(
        'not-allowed',
        drill
          ? 'A rehearsal cannot run against a real incident: live and drill figures are never mixed'
          : 'A live run cannot use a drill incident: live and drill figures are never mixed',
        'incidentId',
      );
    }
  }
  const incidentId = cmd.incidentId || `${cmd.runId}-inc`;
  const now = Date.parse(ctx.at);
  const title = cmd.title.trim() || `${drill ? 'Rehearsal' : 'Incident'}: ${book.name}`;
  return plan(
    wb,
    [`runbooks.runs/${cmd.runId}`, `runbooks.incidents/${incidentId}`],
    `Started ${book.name} ${drill ? 'as a rehearsal' : 'live'}`,
    (d) => {
      if (!cmd.incidentId) {
        d.runbooks.incidents.push({
          id: incidentId,
          ref: '',
          title,
          severity: cmd.severity,
          drill,
          openedAt: ctx.at,
          resolvedAt: null,
          waveId: '',
          deploymentIds: [],
          changeRefs: [],
          batch: '',
          roles: [{ role: 'commander', person: ctx.who.name, at: ctx.at, by: ctx.who.name }],
          timeline: [],
        });
      }
      const inc = d.runbooks.incidents[ii]!;
      inc.timeline.push(
        entry(inc, {
          at: ctx.at,
          kind: 'action',
          text: `Started runbook "${book.name}" ${drill ? 'as a rehearsal' : 'live'}`,
          author: ctx.who.name,
        }),
      );
      d.runbooks.runs.push({
        id: cmd.runId,
        runbookId: book.id,
        runbookName: book.name,
        mode: cmd.mode,
        incidentId,
        startedAt: ctx.at,
        startedBy: ctx.who.name,
        endedAt: null,
        result: '',
        steps: book.steps.map((s) => ({
          stepId: s.id,
          phase: s.phase,
          title: s.title,
          ownerRole: s.ownerRole,
          timeboxMin: s.timeboxMin,
          status: 'pending',
          reason: '',
          startedAt: null,
          endedAt: null,
          by: '',
        })),
      });
      // The comms cadence starts with the incident: first update due within its severity's time.
      const sev = cmd.incidentId ? wb.runbooks.incidents[ii]!.severity : cmd.severity;
      for (const t of cadenceTimers(wb, incidentId, sev, now)) d.runbooks.timers.push(t);
    },
  );
});

const RunStepSchema = z.strictObject({
  type: z.literal('run.step'),
  runId: entityId,
  stepId: entityId,
  action: choice('Action', ['start', 'done', 'skip'] as const),
  reason: optionalText('Reason', 1000),
});

export const stepTimerId = (runId: string, index: number) => `${runId}-s${index + 1}`;

export const runStep: AreaCommand<typeof RunStepSchema> = areaCommand(RunStepSchema, (wb, cmd, ctx) => {
  const ri = runIndex(wb, cmd.runId);
  const run = wb.runbooks.runs[ri]!;
  if (run.endedAt) throw new DomainError('not-allowed', `This run of ${run.runbookName} has ended`, 'runId');
  const si = run.steps.findIndex((s) => s.stepId === cmd.stepId);
  if (si < 0) throw new DomainError('not-found', `No step with id "${cmd.stepId}" in this run`, 'stepId');
  const step = run.steps[si]!;
  if (step.status === 'done' || step.status === 'skipped') {
    throw new DomainError('not-allowed', `"${step.title}" is already ${step.status}`, 'action');
  }
  if (cmd.action === 'start' && step.status === 'active') {
    throw new DomainError('not-allowed', `"${step.title}" is already running`, 'action');
  }
  if (cmd.action === 'skip' && !cmd.reason.trim()) {
    throw new DomainError('invalid-item', `Say why "${step.title}" is skipped`, 'reason');
  }
  const now = Date.parse(ctx.at);
  const timerId = stepTimerId(run.id, si);
  const ti = wb.runbooks.timers.findIndex((t) => t.id === timerId);
  const ii = incidentIndex(wb, run.incidentId);
  const took = step.startedAt ? now - Date.parse(step.startedAt) : null;
  const verb = { start: 'Started', done: 'Done', skip: 'Skipped' }[cmd.action];
  const tookText =
    took === null ? '' : ` after ${Math.round(took / 60_000)} min of a ${step.timeboxMin} min timebox`;
  const text =
    cmd.action === 'start'
      ? `Started step "${step.title}" (${step.ownerRole}, timebox ${step.timeboxMin} min)`
      : `${verb} step "${step.title}"${tookText}${cmd.action === 'skip' ? `: ${cmd.reason.trim()}` : ''}`;
  return plan(wb, [`runbooks.runs/${run.id}`], text, (d) => {
    const s = d.runbooks.runs[ri]!.steps[si]!;
    if (cmd.action === 'start') {
      s.status = 'active';
      s.startedAt = ctx.at;
      s.by = ctx.who.name;
      const timer = newTimer({
        id: timerId,
        label: `${step.title} (${run.runbookName})`,
        purpose: 'step',
        durationMs: Math.round(step.timeboxMin * 60_000),
        incidentId: run.incidentId,
        runId: run.id,
        stepId: step.stepId,
        state: 'running',
        deadline: now + Math.round(step.timeboxMin * 60_000),
      });
      if (ti < 0) d.runbooks.timers.push(timer);
      else d.runbooks.timers[ti] = timer;
    } else {
      s.status = cmd.action === 'done' ? 'done' : 'skipped';
      s.reason = cmd.reason.trim();
      s.endedAt = ctx.at;
      s.by = ctx.who.name;
      const t = ti < 0 ? null : d.runbooks.timers[ti]!;
      if (t && t.state !== 'stopped') {
        t.elapsedAtPause =
          t.deadline === null ? t.elapsedAtPause : Math.max(0, t.durationMs - (t.deadline - now));
        t.state = 'stopped';
        t.deadline = null;
      }
    }
    const inc = d.runbooks.incidents[ii]!;
    inc.timeline.push(entry(inc, { at: ctx.at, kind: 'action', text, author: ctx.who.name }));
  });
});

const RunFinishSchema = z.strictObject({
  type: z.literal('run.finish'),
  runId: entityId,
  result: choice('Result', ['passed', 'failed', 'abandoned'] as const),
});

export const finishRun: AreaCommand<typeof RunFinishSchema> = areaCommand(RunFinishSchema, (wb, cmd, ctx) => {
  const ri = runIndex(wb, cmd.runId);
  const run = wb.runbooks.runs[ri]!;
  if (run.endedAt)
    throw new DomainError('not-allowed', `This run of ${run.runbookName} has already ended`, 'runId');
  const now = Date.parse(ctx.at);
  const ii = incidentIndex(wb, run.incidentId);
  const text = `Ended the ${run.mode === 'rehearsal' ? 'rehearsal' : 'run'} of "${run.runbookName}": ${cmd.result}`;
  return plan(wb, [`runbooks.runs/${run.id}`], text, (d) => {
    const r = d.runbooks.runs[ri]!;
    r.endedAt = ctx.at;
    r.result = cmd.result;
    // A rehearsal's drill ends with it: its comms cadence stops too. A live incident's does not.
    const ends = (t: { runId: string; incidentId: string }) =>
      t.runId === run.id || (run.mode === 'rehearsal' && t.incidentId === run.incidentId);
    for (const t of d.runbooks.timers) {
      if (!ends(t) || t.state === 'stopped') continue;
      t.elapsedAtPause =
        t.deadline === null ? t.elapsedAtPause : Math.max(0, t.durationMs - (t.deadline - now));
      t.state = 'stopped';
      t.deadline = null;
    }
    const inc = d.runbooks.incidents[ii]!;
    inc.timeline.push(entry(inc, { at: ctx.at, kind: 'action', text, author: ctx.who.name }));
  });
});
