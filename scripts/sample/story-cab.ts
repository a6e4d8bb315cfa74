import { planHash } from '../../electron/host/cab-hash';
import type { Command } from '../../shared/domain/commands';
import type { Identity } from '../../shared/domain/identity';
import { buildSample, readStart } from './build';
import { END, STORY } from './story';

// The sample's CAB chapter: Amara writes up the change twelve days out (a normal change that
// touches five components: medium risk, by a risk condition and the questionnaire alike), Jun
// fills the change calendar — where an SSO patch already booked on one of the same components
// clashes — the board sets its quorum (two approvals, Grace's among them), Amara submits the
// plan the morning of the CAB, and two reviewers decide: Grace approves, Priya approves on the
// condition that field sales waits for its champion (the amber check of wave 2).
//
// A decision carries the hash of the plan as it stood, which only exists once the story has been
// replayed up to that moment; so those commands work it out when the replay reads them.

type At = (offset: number, who: Identity, command: Command) => void;

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const iso = (offset: number) => new Date(END + offset).toISOString();

const amara = { name: 'Amara Okafor', role: 'Rollout owner' };
const jun = { name: 'Jun Park', role: 'Platform SRE' };
const grace = { name: 'Grace Liu', role: 'CAB chair' };
const priya = { name: 'Priya Raman', role: 'VP Sales Ops' };

/** The plan's hash and revision just before `offset`, by replaying the story up to there. */
function reviewedAt(offset: number): { hash: string; revision: number } {
  const wb = buildSample(
    readStart(),
    STORY.filter((s) => s.at < END + offset),
  );
  return { hash: planHash(wb), revision: wb.revision };
}

/** A command whose `reviewed` is worked out when the replay first reads it. */
function onPlanAt<C extends Omit<Command & { reviewed: unknown }, 'reviewed'>>(
  offset: number,
  command: C,
): Command {
  let reviewed: { hash: string; revision: number } | null = null;
  return Object.defineProperty({ ...command }, 'reviewed', {
    enumerable: true,
    get: () => {
      reviewed ??= reviewedAt(offset);
      return reviewed;
    },
  }) as unknown as Command;
}

export function cabChapter(at: At): void {
  const wave1 = -50 * HOUR;
  at(-12 * DAY, amara, {
    type: 'cab.change-update',
    change: {
      type: 'normal',
      title: 'Sales moves from the old CRM to Compass',
      summary:
        'Sales reps stop using the old CRM and work in Compass: accounts, quotes and orders, with orders synced to the ERP. Opened wave by wave behind feature flags.',
      audience: 'Fernhill sales reps (about 240) and their managers; customers see nothing.',
      service: 'Sales CRM',
      components: ['compass-sync', 'sales-api', 'sso-gateway', 'quote-templates', 'erp-order-sync'],
      critical: false,
      implementers: ['Jun Park', 'Amara Okafor'],
      start: iso(wave1 - HOUR),
      end: iso(wave1 + 3 * HOUR),
    },
    baseRevision: 0,
  });
  const answers: [string, number][] = [
    ['reach', 2],
    ['undo', 1],
    ['familiarity', 2],
    ['systems', 2],
    ['downtime', 0],
    ['data', 2],
    ['testing', 1],
  ];
  answers.forEach(([question, answer], i) => {
    at(-12 * DAY + (i + 1) * MIN, amara, { type: 'cab.answer', question, answer });
  });

  // Everything on the calendar is in the story's past: a new user's copy is moved in time so that
  // its newest instant is "a minute ago", and an entry in the future would be taken for it.
  const c = -11 * DAY;
  const add = (offset: number, collection: 'cab.windows' | 'cab.planned', item: Record<string, unknown>) =>
    at(offset, jun, { type: 'item.add', collection, item });
  add(c, 'cab.windows', {
    id: 'cw-wed-release',
    kind: 'maintenance',
    label: 'Wednesday release window',
    start: iso(wave1 - 2 * HOUR),
    end: iso(wave1 + 4 * HOUR),
    services: [],
  });
  add(c + MIN, 'cab.windows', {
    id: 'cw-month-end',
    kind: 'blackout',
    label: 'October month-end close',
    start: iso(-21 * DAY),
    end: iso(-18 * DAY),
    services: ['Sales CRM', 'ERP'],
  });
  add(c + 2 * MIN, 'cab.planned', {
    id: 'pc-sso-patch',
    title: 'SSO gateway security patch',
    ref: 'CHG-2231',
    service: 'Identity',
    components: ['sso-gateway'],
    people: ['Lena Vogt'],
    start: iso(wave1 + HOUR),
    end: iso(wave1 + 2 * HOUR),
  });
  add(c + 3 * MIN, 'cab.planned', {
    id: 'pc-payroll-export',
    title: 'Payroll export upgrade',
    ref: 'CHG-2219',
    service: 'Payroll',
    components: ['payroll-export'],
    people: ['Jun Park'],
    start: iso(-9 * DAY),
    end: iso(-9 * DAY + 2 * HOUR),
  });

  at(-10 * DAY, grace, {
    type: 'cab.quorum-set',
    quorum: { minApprovals: 2, required: ['Grace Liu'], rejectBlocks: true },
    baseRevision: 0,
  });

  // The CAB meets the morning after the production SBOM is in: the last change to the plan.
  const cab = -3 * DAY - 6 * HOUR;
  at(cab, amara, onPlanAt(cab, { type: 'cab.submit', note: 'For this morning’s CAB.' }));
  at(
    cab + 40 * MIN,
    grace,
    onPlanAt(cab + 40 * MIN, {
      type: 'cab.decide',
      id: 'dec-grace-1',
      decision: 'approve',
      conditions: '',
      comment:
        'Rollback rehearsed end to end on 30 October, flags in front of every wave, and the SSO patch moves to Thursday.',
    }),
  );
  at(
    cab + 45 * MIN,
    priya,
    onPlanAt(cab + 45 * MIN, {
      type: 'cab.decide',
      id: 'dec-priya-1',
      decision: 'approve-with-conditions',
      conditions:
        'Field sales (wave 2) starts only once it has a named champion, or with daily office hours until then.',
      comment: 'The inside-sales pilot went well; field sales is the group that needs the hand-holding.',
    }),
  );
}
