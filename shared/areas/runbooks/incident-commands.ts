import { z } from 'zod';
import { areaCommand } from '../../domain/area-command';
import { DomainError } from '../../domain/errors';
import { choice, entityId, isoInstant, optionalText, requiredText } from '../../schema/fields';
import type { AreaCommand } from '../types';
import { cadenceFor, cadenceTimerId } from './cadence';
import { entry, incidentIndex, plan } from './helpers';
import { milestoneProblem } from './milestones';
import { AUDIENCE_LABELS, AUDIENCES, ENTRY_KINDS, MILESTONES, ROLE_LABELS, ROLES } from './schema';
import { newTimer } from './timers';

// The incident timeline: entries logged (a milestone out of order is refused, saying why),
// corrected (the original time kept beside the new one), role hand-overs, and comms sent (which
// restarts that audience's cadence timer).

const LogSchema = z.strictObject({
  type: z.literal('incident.log'),
  incidentId: entityId,
  at: isoInstant,
  kind: choice('Kind', ENTRY_KINDS),
  milestone: z.union([choice('Milestone', MILESTONES), z.literal('')]),
  text: optionalText('Text', 4000),
  approximate: z.boolean(),
});

export const logEntry: AreaCommand<typeof LogSchema> = areaCommand(LogSchema, (wb, cmd, ctx) => {
  const ii = incidentIndex(wb, cmd.incidentId);
  const inc = wb.runbooks.incidents[ii]!;
  if (cmd.kind !== 'milestone' && cmd.milestone) {
    throw new DomainError('invalid-item', 'Only a milestone entry names a milestone', 'milestone');
  }
  if (cmd.kind !== 'milestone' && !cmd.text.trim()) {
    throw new DomainError('invalid-item', 'Say what happened: the text is required', 'text');
  }
  const e = entry(inc, {
    at: new Date(Date.parse(cmd.at)).toISOString(),
    kind: cmd.kind,
    milestone: cmd.milestone,
    text: cmd.text.trim(),
    author: ctx.who.name,
    approximate: cmd.approximate,
  });
  const problem = milestoneProblem(inc.timeline, e);
  if (problem) throw new DomainError('invalid-item', problem, cmd.kind === 'milestone' ? 'milestone' : 'at');
  const what = cmd.kind === 'milestone' ? `milestone "${cmd.milestone}"` : cmd.kind;
  return plan(wb, [`runbooks.incidents/${inc.id}`], `Logged ${what} on ${inc.title}`, (d) => {
    const target = d.runbooks.incidents[ii]!;
    target.timeline.push(e);
    // "Resolved" is when service was restored: the delivery figures (time to restore) read it.
    if (e.milestone === 'resolved' && target.resolvedAt === null) target.resolvedAt = e.at;
  });
});

const CorrectSchema = z.strictObject({
  type: z.literal('incident.correct'),
  incidentId: entityId,
  entryId: entityId,
  at: isoInstant,
});

export const correctEntry: AreaCommand<typeof CorrectSchema> = areaCommand(CorrectSchema, (wb, cmd) => {
  const ii = incidentIndex(wb, cmd.incidentId);
  const inc = wb.runbooks.incidents[ii]!;
  const ei = inc.timeline.findIndex((e) => e.id === cmd.entryId);
  if (ei < 0)
    throw new DomainError('not-found', `No timeline entry "${cmd.entryId}" on ${inc.title}`, 'entryId');
  const old = inc.timeline[ei]!;
  const at = new Date(Date.parse(cmd.at)).toISOString();
  if (Date.parse(at) === Date.parse(old.at))
    return { patches: [], inverse: [], touched: [], area: 'runbooks', summary: '' };
  const next = { ...old, at, originalAt: old.originalAt ?? old.at };
  const problem = milestoneProblem(inc.timeline, next);
  if (problem) throw new DomainError('invalid-item', problem, 'at');
  return plan(
    wb,
    [`runbooks.incidents/${inc.id}`],
    `Corrected the time of a ${old.kind} entry on ${inc.title}`,
    (d) => {
      d.runbooks.incidents[ii]!.timeline[ei] = next;
    },
  );
});

const RoleSchema = z.strictObject({
  type: z.literal('incident.role'),
  incidentId: entityId,
  role: choice('Role', ROLES),
  person: requiredText('Person', 120),
});

export const handOver: AreaCommand<typeof RoleSchema> = areaCommand(RoleSchema, (wb, cmd, ctx) => {
  const ii = incidentIndex(wb, cmd.incidentId);
  const inc = wb.runbooks.incidents[ii]!;
  const holder = inc.roles.filter((r) => r.role === cmd.role).at(-1)?.person ?? '';
  const person = cmd.person.trim();
  if (holder === person)
    throw new DomainError(
      'invalid-item',
      `${person} is already ${ROLE_LABELS[cmd.role].toLowerCase()}`,
      'person',
    );
  const text = holder
    ? `${ROLE_LABELS[cmd.role]} handed over from ${holder} to ${person}`
    : `${person} is ${ROLE_LABELS[cmd.role].toLowerCase()}`;
  return plan(wb, [`runbooks.incidents/${inc.id}`], `${text} (${inc.title})`, (d) => {
    const target = d.runbooks.incidents[ii]!;
    target.roles.push({ role: cmd.role, person, at: ctx.at, by: ctx.who.name });
    target.timeline.push(entry(target, { at: ctx.at, kind: 'decision', text, author: ctx.who.name }));
  });
});

const SentSchema = z.strictObject({
  type: z.literal('comms.sent'),
  incidentId: entityId,
  audience: choice('Audience', AUDIENCES),
  text: requiredText('Message', 8000),
});

/** Logs a message as sent and restarts that audience's cadence timer from now. */
export const markSent: AreaCommand<typeof SentSchema> = areaCommand(SentSchema, (wb, cmd, ctx) => {
  const ii = incidentIndex(wb, cmd.incidentId);
  const inc = wb.runbooks.incidents[ii]!;
  const now = Date.parse(ctx.at);
  const { everyMin } = cadenceFor(wb.runbooks.cadence, inc.severity);
  const id = cadenceTimerId(inc.id, cmd.audience);
  const ti = wb.runbooks.timers.findIndex((t) => t.id === id);
  const label = AUDIENCE_LABELS[cmd.audience];
  return plan(
    wb,
    [`runbooks.incidents/${inc.id}`, `runbooks.timers/${id}`],
    `Sent: ${label} for ${inc.title}`,
    (d) => {
      const target = d.runbooks.incidents[ii]!;
      target.timeline.push(
        entry(target, {
          at: ctx.at,
          kind: 'comms',
          text: `${label} sent:\n${cmd.text}`,
          author: ctx.who.name,
        }),
      );
      const timer = newTimer({
        id,
        label: `${label} due`,
        purpose: 'cadence',
        audience: cmd.audience,
        incidentId: inc.id,
        durationMs: everyMin * 60_000,
        state: inc.resolvedAt ? 'ready' : 'running',
        deadline: inc.resolvedAt ? null : now + everyMin * 60_000,
      });
      if (ti < 0) d.runbooks.timers.push(timer);
      else d.runbooks.timers[ti] = timer;
    },
  );
});
