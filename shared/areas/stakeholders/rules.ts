import {
  ADKAR,
  type AdkarElement,
  type Checkin,
  type CommsItem,
  type CoverageRole,
  type DecisionRight,
  type Objection,
  type Person,
  type StakeholderGroup,
} from './schema';

// The pure rules of step 3. Coverage: a major group needs someone who backs the change (a
// sponsor), someone beside the users who helps them through it (a champion) and someone who
// trains and tells them (the training/comms owner). ADKAR: change is climbed in order, so the
// first element scored 3 or less is where the group is stuck, whatever comes after it.

export const COVERAGE_LABEL: Record<CoverageRole, string> = {
  sponsor: 'sponsor',
  champion: 'champion',
  commsOwner: 'training/comms owner',
};

export interface CoverageGap {
  groupId: string;
  group: string;
  missing: CoverageRole[];
}

const blank = (s: string) => s.trim() === '';

/** What a group lacks of the three coverage roles (whether or not it is major). */
export function missingRoles(g: StakeholderGroup): CoverageRole[] {
  const missing: CoverageRole[] = [];
  if (blank(g.sponsor)) missing.push('sponsor');
  if (!g.champions.some((c) => !blank(c))) missing.push('champion');
  if (blank(g.commsOwner)) missing.push('commsOwner');
  return missing;
}

/** Every major group lacking a sponsor, a champion or a training/comms owner, in list order. */
export function coverageGaps(groups: readonly StakeholderGroup[]): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  for (const g of groups) {
    if (!g.major) continue;
    const missing = missingRoles(g);
    if (missing.length > 0) gaps.push({ groupId: g.id, group: g.name, missing });
  }
  return gaps;
}

export function describeGap(gap: CoverageGap): string {
  return `${gap.group}: no ${gap.missing.map((m) => COVERAGE_LABEL[m]).join(', no ')}`;
}

export const BARRIER_AT_OR_BELOW = 3;

/** The first ADKAR element scored 3 or less, or null when the group is past every one. */
export function adkarBarrier(c: Pick<Checkin, AdkarElement>): AdkarElement | null {
  return ADKAR.find((e) => c[e] <= BARRIER_AT_OR_BELOW) ?? null;
}

/** A group's check-ins, oldest first (same day: the later entry counts as later). */
export function checkinsOf(checkins: readonly Checkin[], groupId: string): Checkin[] {
  return checkins
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.groupId === groupId)
    .sort((a, b) => (a.c.day < b.c.day ? -1 : a.c.day > b.c.day ? 1 : a.i - b.i))
    .map(({ c }) => c);
}

export function latestCheckin(checkins: readonly Checkin[], groupId: string): Checkin | null {
  return checkinsOf(checkins, groupId).at(-1) ?? null;
}

/** Per group id: its barrier at its latest check-in (groups never checked in are absent). */
export function barriersByGroup(checkins: readonly Checkin[]): Map<string, AdkarElement | null> {
  const latest = new Map<string, { c: Checkin; i: number }>();
  checkins.forEach((c, i) => {
    const seen = latest.get(c.groupId);
    if (!seen || c.day >= seen.c.day) latest.set(c.groupId, { c, i });
  });
  return new Map([...latest].map(([id, { c }]) => [id, adkarBarrier(c)]));
}

const norm = (s: string) => s.trim().toLowerCase();

/** The names of everyone who sponsors a group, or belongs to a group whose role is sponsor. */
export function sponsorNames(groups: readonly StakeholderGroup[], people: readonly Person[]): Set<string> {
  const names = new Set(groups.map((g) => norm(g.sponsor)).filter(Boolean));
  const sponsorGroups = new Set(groups.filter((g) => g.role === 'sponsor').map((g) => g.id));
  for (const p of people) if (p.groupIds.some((id) => sponsorGroups.has(id))) names.add(norm(p.name));
  return names;
}

/** An open objection raised by a sponsor (or a sponsor group) is a warning sign: flag it. */
export function flaggedObjections(
  objections: readonly Objection[],
  groups: readonly StakeholderGroup[],
  people: readonly Person[],
): Objection[] {
  const sponsors = sponsorNames(groups, people);
  const sponsorGroups = new Set(groups.filter((g) => g.role === 'sponsor').map((g) => g.id));
  return objections.filter(
    (o) =>
      o.status === 'open' && ((o.person && sponsors.has(norm(o.person))) || sponsorGroups.has(o.groupId)),
  );
}

/** Objections by theme (case-insensitive, first spelling kept), most frequent first. */
export function themes(objections: readonly Objection[]): { theme: string; count: number; open: number }[] {
  const byTheme = new Map<string, { theme: string; count: number; open: number }>();
  for (const o of objections) {
    const key = norm(o.theme);
    const t = byTheme.get(key) ?? { theme: o.theme.trim(), count: 0, open: 0 };
    t.count++;
    if (o.status === 'open') t.open++;
    byTheme.set(key, t);
  }
  return [...byTheme.values()].sort((a, b) => b.count - a.count || a.theme.localeCompare(b.theme));
}

/** Comms items not sent whose day has passed (`today` as YYYY-MM-DD, in the same calendar). */
export function overdueComms(comms: readonly CommsItem[], today: string): CommsItem[] {
  return comms.filter((c) => !c.sent && c.due < today);
}

export interface DecisionWarning {
  /** Where it points, e.g. "success.stopConditions/sc-1". */
  where: string;
  message: string;
}

export interface DecisionInputs {
  decisions: readonly DecisionRight[];
  people: readonly Person[];
  groups: readonly StakeholderGroup[];
  stopConditions: readonly { id: string; metric: string; callers: readonly string[] }[];
  noGoAuthorities: readonly { id: string; name: string; role: string }[];
  /** The incident roles (step 6): each role's name, and who holds it now in a real incident. */
  incidentRoles: readonly { role: string; person: string }[];
}

/**
 * Who is a "known person or role": a person of the map (by name or title), a group (by name),
 * a no-go authority (by name or role), anyone named in the decision rights, or an incident role
 * (by its name, "Incident commander", and by who holds it). A stop condition whose caller is none
 * of these has nobody who will actually call it.
 */
export function knownDeciders(inputs: Omit<DecisionInputs, 'stopConditions'>): Set<string> {
  const known = new Set<string>();
  const add = (s: string) => {
    if (!blank(s)) known.add(norm(s));
  };
  for (const p of inputs.people) {
    add(p.name);
    add(p.title);
  }
  for (const g of inputs.groups) add(g.name);
  for (const a of inputs.noGoAuthorities) {
    add(a.name);
    add(a.role);
  }
  for (const d of inputs.decisions) {
    add(d.decides);
    add(d.escalatesTo);
    add(d.communicates);
  }
  for (const r of inputs.incidentRoles) {
    add(r.role);
    add(r.person);
  }
  return known;
}

export function decisionWarnings(inputs: DecisionInputs): DecisionWarning[] {
  const known = knownDeciders(inputs);
  const warnings: DecisionWarning[] = [];
  for (const sc of inputs.stopConditions) {
    for (const caller of sc.callers) {
      if (!known.has(norm(caller))) {
        warnings.push({
          where: `success.stopConditions/${sc.id}`,
          message: `Stop condition “${sc.metric}” may be called by “${caller}”, who is not a known person or role`,
        });
      }
    }
  }
  const canCall = inputs.decisions.some((d) => d.noGo) || inputs.noGoAuthorities.length > 0;
  if (!canCall) {
    warnings.push({
      where: 'stakeholders.decisions',
      message: 'Nobody is named who can call a no-go',
    });
  }
  for (const d of inputs.decisions) {
    if (blank(d.escalatesTo)) {
      warnings.push({
        where: `stakeholders.decisions/${d.id}`,
        message: `“${d.decision}” has nobody to escalate to`,
      });
    }
  }
  return warnings;
}
