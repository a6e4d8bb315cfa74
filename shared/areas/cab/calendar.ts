import type { Cab, CalendarWindow, PlannedChange } from './schema';

// The change against the local change calendar. Four rules, each named when it fires:
// - already scheduled: another planned change overlaps in time on the same service or component;
// - outside the maintenance window: maintenance windows exist for this service and the change's
//   window does not fit entirely inside one of them;
// - inside a blackout: the window overlaps a blackout that covers this service;
// - double-booked: someone carrying out this change is also on an overlapping planned change.
// Times are half-open [start, end): a change ending at 22:00 does not clash with one at 22:00.

export const CONFLICT_RULES = {
  'already-scheduled': 'Same service or component already scheduled',
  'outside-maintenance': 'Outside the maintenance window',
  'inside-blackout': 'Inside a blackout',
  'double-booked': 'Same person booked twice',
} as const;
export type ConflictRule = keyof typeof CONFLICT_RULES;

export interface Conflict {
  rule: ConflictRule;
  /** The rule's name, as the calendar and the packet show it. */
  ruleLabel: string;
  /** What clashes, in one sentence. */
  message: string;
  /** The calendar entry it clashes with, if one. */
  withId: string | null;
}

export interface Span {
  start: number;
  end: number;
}

export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
export const inside = (inner: Span, outer: Span): boolean =>
  inner.start >= outer.start && inner.end <= outer.end;

const span = (x: { start: string; end: string }): Span => ({
  start: Date.parse(x.start),
  end: Date.parse(x.end),
});
const norm = (s: string) => s.trim().toLowerCase();
const shared = (a: readonly string[], b: readonly string[]) => {
  const bs = new Set(b.map(norm).filter(Boolean));
  return a.filter((x) => bs.has(norm(x)));
};
/** A window with no services listed covers every service. */
const covers = (w: CalendarWindow, service: string) =>
  w.services.length === 0 || (service.trim() !== '' && w.services.some((s) => norm(s) === norm(service)));

const rule = (r: ConflictRule, message: string, withId: string | null = null): Conflict => ({
  rule: r,
  ruleLabel: CONFLICT_RULES[r],
  message,
  withId,
});

function plannedClashes(cab: Cab, window: Span): Conflict[] {
  const { change } = cab;
  const out: Conflict[] = [];
  for (const p of cab.planned as readonly PlannedChange[]) {
    if (!overlaps(window, span(p))) continue;
    const name = p.ref ? `${p.title} (${p.ref})` : p.title;
    const sameService = change.service.trim() !== '' && norm(change.service) === norm(p.service);
    const components = shared(change.components, p.components);
    if (sameService || components.length > 0) {
      const what = [
        sameService ? `service ${change.service.trim()}` : '',
        components.length > 0 ? `component${components.length > 1 ? 's' : ''} ${components.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join(' and ');
      out.push(rule('already-scheduled', `${name} also changes ${what} in an overlapping window.`, p.id));
    }
    for (const person of shared(change.implementers, p.people)) {
      out.push(rule('double-booked', `${person} is also working on ${name} at the same time.`, p.id));
    }
  }
  return out;
}

/** Every clash between the change's window and the calendar; empty without a window. */
export function calendarConflicts(cab: Cab): Conflict[] {
  const { change } = cab;
  if (!change.start || !change.end) return [];
  const window = span({ start: change.start, end: change.end });
  const out = plannedClashes(cab, window);
  const applicable = cab.windows.filter((w) => covers(w, change.service));
  const maintenance = applicable.filter((w) => w.kind === 'maintenance');
  if (maintenance.length > 0 && !maintenance.some((m) => inside(window, span(m)))) {
    const names = maintenance.map((m) => m.label).join(', ');
    out.push(
      rule(
        'outside-maintenance',
        `The window does not fit inside a maintenance window for this service (${names}).`,
      ),
    );
  }
  for (const b of applicable.filter((w) => w.kind === 'blackout')) {
    if (overlaps(window, span(b))) {
      out.push(rule('inside-blackout', `The window overlaps the blackout ${b.label}.`, b.id));
    }
  }
  return out;
}
