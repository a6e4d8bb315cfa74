import { z } from 'zod';
import { areaCommand } from '../../domain/area-command';
import { DomainError } from '../../domain/errors';
import { choice, entityId } from '../../schema/fields';
import type { AreaCommand } from '../types';
import { entry, plan, timerIndex } from './helpers';
import { applyTimer, isDue, shiftDeadline, TimerRuleError } from './timers';

// Timer commands. The reducer's "now" is the change's time (ctx.at), so the arithmetic is the
// same pure functions the windows draw with. Expiry and clock jumps are sent by the host's timer
// service; a window may send them too, but an expiry is only accepted once the deadline passed.

const ControlSchema = z.strictObject({
  type: z.literal('timer.control'),
  timerId: entityId,
  action: choice('Action', ['start', 'pause', 'resume', 'reset', 'extend'] as const),
  /** For extend: minutes to add, more than zero. */
  minutes: z.number({ error: 'Minutes must be a number' }).finite().optional(),
});

export const controlTimer: AreaCommand<typeof ControlSchema> = areaCommand(ControlSchema, (wb, cmd, ctx) => {
  const ti = timerIndex(wb, cmd.timerId);
  const timer = wb.runbooks.timers[ti]!;
  const now = Date.parse(ctx.at);
  let next: typeof timer;
  try {
    next =
      cmd.action === 'extend'
        ? applyTimer(timer, { action: 'extend', ms: (cmd.minutes ?? 0) * 60_000 }, now)
        : applyTimer(timer, { action: cmd.action }, now);
  } catch (error) {
    if (error instanceof TimerRuleError) throw new DomainError('invalid-item', error.message, error.field);
    throw error;
  }
  const what = `${PAST[cmd.action]} ${timer.label}${cmd.action === 'extend' ? ` by ${cmd.minutes} min` : ''}`;
  return plan(wb, [`runbooks.timers/${timer.id}`], what, (d) => {
    d.runbooks.timers[ti] = next;
  });
});

const PAST = {
  start: 'Started',
  pause: 'Paused',
  resume: 'Resumed',
  reset: 'Reset',
  extend: 'Extended',
} as const;

/** The host fires within milliseconds of a deadline; this late, it was not running (or asleep). */
const LATE_MS = 5000;

const ExpireSchema = z.strictObject({
  type: z.literal('timer.expire'),
  timerIds: z.array(entityId).min(1).max(5000),
});

/** Marks due timers as fired (once) and logs an alert in each one's incident timeline. */
export const expireTimers: AreaCommand<typeof ExpireSchema> = areaCommand(ExpireSchema, (wb, cmd, ctx) => {
  const now = Date.parse(ctx.at);
  const indexes = [...new Set(cmd.timerIds)].map((id) => timerIndex(wb, id));
  for (const ti of indexes) {
    const t = wb.runbooks.timers[ti]!;
    if (!isDue(t, now)) {
      throw new DomainError(
        'not-allowed',
        t.firedAt !== null ? `${t.label} has already alerted` : `${t.label} has not expired`,
        'timerIds',
      );
    }
  }
  const labels = indexes.map((ti) => wb.runbooks.timers[ti]!.label);
  const summary =
    labels.length === 1
      ? `Timer expired: ${labels[0]}`
      : `${labels.length} timers expired: ${labels.slice(0, 3).join(', ')}${labels.length > 3 ? '…' : ''}`;
  return plan(
    wb,
    indexes.map((ti) => `runbooks.timers/${wb.runbooks.timers[ti]!.id}`),
    summary,
    (d) => {
      for (const ti of indexes) {
        const t = d.runbooks.timers[ti]!;
        t.firedAt = now;
        const inc = d.runbooks.incidents.find((i) => i.id === t.incidentId);
        if (!inc) continue;
        const late = now - (t.deadline ?? now);
        inc.timeline.push(
          entry(inc, {
            at: ctx.at,
            kind: 'alert',
            text:
              late > LATE_MS
                ? `Timer expired while the app was closed: ${t.label} (deadline ${new Date(t.deadline!).toISOString().slice(11, 16)} UTC)`
                : `Timer expired: ${t.label}`,
            author: ctx.who.name,
          }),
        );
      }
    },
  );
});

const RebaseSchema = z.strictObject({
  type: z.literal('timer.rebase'),
  /** The wall-clock jump, ms (+ forward); at most a week either way. */
  shiftMs: z
    .number()
    .int()
    .min(-7 * 86_400_000)
    .max(7 * 86_400_000),
});

/** After a wall-clock jump: every running deadline moves with the clock, so no time is lost. */
export const rebaseTimers: AreaCommand<typeof RebaseSchema> = areaCommand(RebaseSchema, (wb, cmd) => {
  const running = wb.runbooks.timers.filter((t) => t.state === 'running');
  if (cmd.shiftMs === 0 || running.length === 0)
    return { patches: [], inverse: [], touched: [], area: 'runbooks', summary: '' };
  const min = Math.round(cmd.shiftMs / 60_000);
  return plan(
    wb,
    [],
    `The computer's clock jumped ${cmd.shiftMs > 0 ? 'forward' : 'back'} ${Math.abs(min)} min; ${running.length} running timer${running.length === 1 ? '' : 's'} kept their remaining time`,
    (d) => {
      d.runbooks.timers = d.runbooks.timers.map((t) => shiftDeadline(t, cmd.shiftMs));
    },
  );
});
