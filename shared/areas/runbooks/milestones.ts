import { formatDuration } from '../../domain/format';
import {
  type Incident,
  MILESTONES,
  type Milestone,
  ROLE_LABELS,
  ROLES,
  type Role,
  type TimelineEntry,
} from './schema';

// The incident timeline's rules: milestones in time order (detected → acknowledged → mitigated
// → resolved), each at most once; the timeline shown in time order whatever order it was
// recorded in; the response figures, which say which milestone is missing instead of guessing.

const time = (iso: string) => Date.parse(iso);

export function milestoneAt(timeline: readonly TimelineEntry[], m: Milestone): TimelineEntry | undefined {
  return timeline.find((e) => e.kind === 'milestone' && e.milestone === m);
}

const hhmm = (iso: string) => iso.slice(11, 16);

/**
 * Why `entry` cannot join `timeline` (replacing an entry with its id, if any), or null. A
 * milestone may be absent; the present ones must keep their order.
 */
export function milestoneProblem(timeline: readonly TimelineEntry[], entry: TimelineEntry): string | null {
  if (entry.kind !== 'milestone') return null;
  if (entry.milestone === '') return 'A milestone entry must say which milestone it is';
  const others = timeline.filter((e) => e.id !== entry.id);
  if (milestoneAt(others, entry.milestone))
    return `This incident already has a "${entry.milestone}" milestone`;
  const rank = MILESTONES.indexOf(entry.milestone);
  for (const other of others) {
    if (other.kind !== 'milestone' || other.milestone === '') continue;
    const r = MILESTONES.indexOf(other.milestone);
    if (r < rank && time(other.at) > time(entry.at)) {
      return `"${entry.milestone}" at ${hhmm(entry.at)} UTC cannot come before "${other.milestone}" at ${hhmm(other.at)} UTC`;
    }
    if (r > rank && time(other.at) < time(entry.at)) {
      return `"${entry.milestone}" at ${hhmm(entry.at)} UTC cannot come after "${other.milestone}" at ${hhmm(other.at)} UTC`;
    }
  }
  return null;
}

/** The timeline in time order; entries at the same instant keep the order they were recorded. */
export function inTimeOrder(timeline: readonly TimelineEntry[]): TimelineEntry[] {
  return timeline
    .map((e, i) => ({ e, i }))
    .sort((a, b) => time(a.e.at) - time(b.e.at) || a.i - b.i)
    .map(({ e }) => e);
}

export interface Figure {
  label: string;
  ms: number | null;
  /** Why it cannot be computed, when ms is null. */
  missing: string;
}

/** Time to acknowledge / mitigate / resolve, each from "detected". */
export function responseFigures(incident: Pick<Incident, 'timeline'>): Figure[] {
  const detected = milestoneAt(incident.timeline, 'detected');
  const figure = (label: string, m: Milestone): Figure => {
    const end = milestoneAt(incident.timeline, m);
    if (!detected) return { label, ms: null, missing: 'no "detected" milestone yet' };
    if (!end) return { label, ms: null, missing: `no "${m}" milestone yet` };
    return { label, ms: time(end.at) - time(detected.at), missing: '' };
  };
  return [
    figure('Time to acknowledge', 'acknowledged'),
    figure('Time to mitigate', 'mitigated'),
    figure('Time to resolve', 'resolved'),
  ];
}

export const figureText = (f: Figure) => (f.ms === null ? `unknown: ${f.missing}` : formatDuration(f.ms));

/** Who holds each role now: the newest hand-over per role. */
export function currentRoles(incident: Pick<Incident, 'roles'>): Record<Role, string> {
  const out = { commander: '', comms: '', scribe: '' } as Record<Role, string>;
  for (const change of incident.roles) out[change.role] = change.person;
  return out;
}

export const roleLine = (incident: Pick<Incident, 'roles'>) => {
  const now = currentRoles(incident);
  return ROLES.filter((r) => now[r])
    .map((r) => `${ROLE_LABELS[r]}: ${now[r]}`)
    .join(' · ');
};
