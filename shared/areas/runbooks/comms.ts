import defaults from '../../../resources/comms/templates.json';
import type { Workbook } from '../../schema/workbook';
import { verdictFor } from '../scorecard/verdict';
import { cadenceFor } from './cadence';
import { currentRoles, milestoneAt } from './milestones';
import {
  type Audience,
  type Incident,
  MILESTONES,
  TEMPLATE_FIELDS,
  type Template,
  type TemplateField,
} from './schema';

// Comms templates filled from the workbook. The defaults live in resources/comms/templates.json;
// a workbook's own template for an audience replaces the default. A field the workbook cannot
// fill (no wave, no impact typed) stays a visible gap, never a raw "{{placeholder}}".

export const DEFAULT_TEMPLATES: readonly Omit<Template, 'id'>[] = defaults.templates as Omit<
  Template,
  'id'
>[];

export function templateFor(wb: Workbook, audience: Audience): Omit<Template, 'id'> {
  return (
    wb.runbooks.templates.find((t) => t.audience === audience) ??
    DEFAULT_TEMPLATES.find((t) => t.audience === audience)!
  );
}

/** What the person writing adds: what the workbook cannot know. */
export interface ComposerInput {
  impact: string;
  conditions: string;
  actions: string;
  needs: string;
}

export type Segment = { text: string } | { field: TemplateField; value: string | null };

const utc = (ms: number) => `${new Date(ms).toISOString().slice(11, 16)} UTC`;

/** Each field's value for this incident now; null where the workbook has nothing to say. */
export function fieldValues(
  wb: Workbook,
  incident: Incident,
  input: ComposerInput,
  now: number,
): Record<TemplateField, string | null> {
  const roles = currentRoles(incident);
  const wave = wb.waves.waves.find((w) => w.id === incident.waveId);
  const reached = [...MILESTONES].reverse().find((m) => milestoneAt(incident.timeline, m));
  const every = cadenceFor(wb.runbooks.cadence, incident.severity).everyMin;
  const blank = (s: string) => (s.trim() ? s.trim() : null);
  return {
    incident: incident.title,
    severity: incident.severity,
    status: incident.resolvedAt
      ? 'resolved'
      : reached
        ? `${reached} (${utc(Date.parse(milestoneAt(incident.timeline, reached)!.at))})`
        : 'investigating',
    wave: wave ? wave.name : null,
    verdict: wave ? verdictFor(wb, wave, now).call : null,
    impact: blank(input.impact),
    conditions: blank(input.conditions),
    actions: blank(input.actions),
    needs: blank(input.needs),
    commander: roles.commander || null,
    comms_lead: roles.comms || null,
    next_update: incident.resolvedAt ? null : utc(now + every * 60_000),
    now: utc(now),
  };
}

/** The template cut into text and fields, each field with its value or null (a gap). */
export function fill(body: string, values: Record<TemplateField, string | null>): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of body.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)) {
    if (m.index > last) out.push({ text: body.slice(last, m.index) });
    const field = m[1] as TemplateField;
    out.push(
      (TEMPLATE_FIELDS as readonly string[]).includes(field)
        ? { field, value: values[field] }
        : { text: m[0] },
    );
    last = m.index + m[0].length;
  }
  if (last < body.length) out.push({ text: body.slice(last) });
  return out;
}

/** The message as sent: a gap reads "[impact: not filled]" so nobody mistakes it for content. */
export function plainText(segments: readonly Segment[]): string {
  return segments
    .map((s) => ('text' in s ? s.text : (s.value ?? `[${s.field.replace('_', ' ')}: not filled]`)))
    .join('');
}

export const gaps = (segments: readonly Segment[]) => [
  ...new Set(segments.flatMap((s) => ('field' in s && s.value === null ? [s.field] : []))),
];

/** Suggested actions: the latest actions and decisions logged, newest last. */
export function recentActions(incident: Incident): string {
  return incident.timeline
    .filter((e) => (e.kind === 'action' || e.kind === 'decision') && !e.text.startsWith('Started'))
    .slice(-3)
    .map((e) => e.text)
    .join('; ');
}
