import type { Command } from '../../shared/domain/commands';
import type { Identity } from '../../shared/domain/identity';
import { amara, DAY, HOUR, tomas } from './cast';

// The sample's step-3 chapter: Tomás fills in who the three groups are and what changes for
// them on Monday, adds the people who matter, places everyone on the power/interest map, and
// records two rounds of ADKAR check-ins (inside sales climbs past its knowledge barrier; field
// sales is still stuck on it). Hugo, who sponsors finance, objects to the export timing and it is
// still open: the resistance log flags it. The comms plan covers all three audiences, and the
// decision rights say who may call a no-go. Field sales still has no champion: the coverage gap
// the CAB's condition waits on. Every step here comes before the CAB reviews the plan (three
// days before the end), so the approvals are of the plan as this chapter leaves it.

type At = (offset: number, who: Identity, command: Command) => void;

const day = (offset: number) =>
  new Date(Date.parse('2026-11-20T14:00:00.000Z') + offset).toISOString().slice(0, 10);

const GROUPS = [
  {
    id: 'sg-inside',
    name: 'Inside sales',
    size: 46,
    role: 'recipient',
    sponsor: 'Priya Raman',
    champions: ['Leah Brandt'],
    commsOwner: 'Tomás Ekwueme',
    mondayChange: 'Quotes and follow-ups are logged in Compass; the old CRM is read-only.',
  },
  {
    id: 'sg-field',
    name: 'Field sales',
    size: 31,
    role: 'recipient',
    sponsor: 'Priya Raman',
    champions: [],
    commsOwner: 'Tomás Ekwueme',
    mondayChange: 'Visit notes go in from the phone app, the same day, instead of the Friday batch.',
  },
  {
    id: 'sg-finance',
    name: 'Finance operations',
    size: 9,
    role: 'influencer',
    sponsor: 'Hugo Mercer',
    champions: ['Ines Vidal'],
    commsOwner: '',
    mondayChange: 'Month-end revenue export comes from Compass; the reconciliation sheet changes columns.',
  },
] as const;

const PEOPLE = [
  ['p-priya', 'Priya Raman', 'VP Sales Operations', [], 'Lisbon', ''],
  ['p-hugo', 'Hugo Mercer', 'Finance director', ['sg-finance'], 'Dublin', ''],
  ['p-leah', 'Leah Brandt', 'Inside sales team lead', ['sg-inside'], 'Lisbon', 'Priya Raman'],
  ['p-tomas', 'Tomás Ekwueme', 'Sales enablement lead', [], 'Lisbon', 'Priya Raman'],
  ['p-ines', 'Ines Vidal', 'Revenue accountant', ['sg-finance'], 'Dublin', 'Hugo Mercer'],
  ['p-marco', 'Marco Bellini', 'Account executive', ['sg-inside'], 'Lisbon', 'Leah Brandt'],
  ['p-sade', 'Sade Adeyemi', 'Account executive', ['sg-inside'], 'Porto', 'Leah Brandt'],
  ['p-owen', 'Owen Gallagher', 'Regional field manager', ['sg-field'], 'Dublin', 'Priya Raman'],
  ['p-rosa', 'Rosa Lind', 'Field account manager', ['sg-field'], 'Madrid', 'Owen Gallagher'],
  ['p-kenji', 'Kenji Mori', 'Field account manager', ['sg-field'], 'Madrid', 'Owen Gallagher'],
] as const;

const PLACES: [kind: 'group' | 'person', ref: string, power: number, interest: number][] = [
  ['group', 'sg-inside', 35, 85],
  ['group', 'sg-field', 40, 70],
  ['group', 'sg-finance', 75, 40],
  ['person', 'p-priya', 90, 90],
  ['person', 'p-hugo', 80, 30],
  ['person', 'p-owen', 60, 62],
];

const scores = (a: number, d: number, k: number, ab: number, r: number) => ({
  awareness: a,
  desire: d,
  knowledge: k,
  ability: ab,
  reinforcement: r,
});

export function stakeholdersChapter(at: At): void {
  const base = -12 * DAY;
  GROUPS.forEach((g, i) => {
    at(base + i * 5 * 60_000, tomas, {
      type: 'item.update',
      collection: 'stakeholders.groups',
      id: g.id,
      item: { ...g, champions: [...g.champions], major: true },
      baseRevision: 0,
    });
  });
  PEOPLE.forEach(([id, name, title, groupIds, location, manager], i) => {
    at(base + HOUR + i * 60_000, tomas, {
      type: 'item.add',
      collection: 'stakeholders.people',
      item: {
        id,
        name,
        title,
        groupIds: [...groupIds],
        location,
        manager,
        email: `${id.slice(2)}@fernhill.example`,
        notes: '',
        batch: '',
      },
    });
  });
  PLACES.forEach(([kind, ref, power, interest], i) => {
    at(base + 2 * HOUR + i * 60_000, amara, {
      type: 'stakeholders.place',
      kind,
      ref,
      power,
      interest,
      baseRevision: 0,
    });
  });
  const checkin = (id: string, groupId: string, offset: number, s: ReturnType<typeof scores>, notes = '') =>
    at(offset, tomas, {
      type: 'item.add',
      collection: 'stakeholders.checkins',
      item: { id, groupId, day: day(offset), ...s, notes },
    });
  checkin('ck-inside-1', 'sg-inside', -10 * DAY, scores(4, 4, 2, 2, 1), 'Before the training week.');
  checkin('ck-field-1', 'sg-field', -10 * DAY, scores(4, 3, 2, 2, 1));
  checkin('ck-finance-1', 'sg-finance', -9 * DAY, scores(4, 2, 3, 3, 2), 'Month-end timing worries.');
  checkin('ck-inside-2', 'sg-inside', -6 * DAY, scores(5, 4, 4, 4, 3), 'After the sandbox sessions.');
  checkin('ck-field-2', 'sg-field', -6 * DAY, scores(4, 4, 3, 2, 2), 'Phone app training not booked yet.');
  checkin('ck-inside-3', 'sg-inside', -4 * DAY, scores(5, 5, 4, 4, 4));

  const objection = (id: string, offset: number, o: Record<string, string>) =>
    at(offset, tomas, {
      type: 'item.add',
      collection: 'stakeholders.objections',
      item: { id, groupId: '', person: '', response: '', status: 'open', raisedOn: day(offset), ...o },
    });
  objection('ob-export', -8 * DAY, {
    person: 'Hugo Mercer',
    groupId: 'sg-finance',
    what: 'Switching the revenue export in the last week of the month risks the close.',
    theme: 'Timing',
  });
  objection('ob-notes', -6 * DAY, {
    person: 'Rosa Lind',
    groupId: 'sg-field',
    what: 'Typing visit notes on a phone between meetings is slower than the Friday batch.',
    theme: 'Workload',
    response: 'Voice notes in the app; a pilot with two field managers next week.',
    status: 'answered',
  });
  objection('ob-history', -5 * DAY, {
    person: 'Marco Bellini',
    groupId: 'sg-inside',
    what: 'Quote history older than two years did not come across.',
    theme: 'Missing data',
    response: 'Archive search link added to every account page.',
    status: 'closed',
  });
  objection('ob-notes-2', -4 * DAY, {
    person: 'Kenji Mori',
    groupId: 'sg-field',
    what: 'No signal in half the customer sites; the app must work offline.',
    theme: 'Workload',
  });

  const comms = (id: string, offset: number, c: Record<string, unknown>) =>
    at(offset, tomas, {
      type: 'item.add',
      collection: 'stakeholders.comms',
      item: { id, channel: '', ...c },
    });
  comms('cm-exec', -11 * DAY, {
    audience: 'executives',
    message: 'Risk and outcome brief: what wave 2 changes, the stop conditions, and who can halt it.',
    channel: 'Leadership meeting',
    owner: 'Priya Raman',
    due: day(-7 * DAY),
    sent: true,
  });
  comms('cm-managers', -11 * DAY + HOUR, {
    audience: 'managers',
    message: 'Pipeline reviews move to the Compass board; the Friday export goes away.',
    channel: 'Managers call',
    owner: 'Tomás Ekwueme',
    due: day(-4 * DAY),
    sent: true,
  });
  comms('cm-users', -11 * DAY + 2 * HOUR, {
    audience: 'end-users',
    message: 'Monday: log in with SSO, your accounts and open quotes are already there.',
    channel: 'Team huddles and intranet',
    owner: 'Leah Brandt',
    due: day(-1 * DAY),
    sent: true,
  });
  comms('cm-finance', -11 * DAY + 3 * HOUR, {
    audience: 'end-users',
    message: 'Finance: the new month-end export and the changed reconciliation columns.',
    channel: 'Finance stand-up',
    owner: 'Ines Vidal',
    due: '2027-01-11',
    sent: false,
  });

  const decision = (id: string, offset: number, d: Record<string, unknown>) =>
    at(offset, amara, { type: 'item.add', collection: 'stakeholders.decisions', item: { id, ...d } });
  decision('dr-promote', -9 * DAY, {
    decision: 'Promote a wave',
    decides: 'Amara Okafor',
    escalatesTo: 'Priya Raman',
    communicates: 'Tomás Ekwueme',
    noGo: true,
  });
  decision('dr-rollback', -9 * DAY + 60_000, {
    decision: 'Roll back during an incident',
    decides: 'Incident commander',
    escalatesTo: 'Priya Raman',
    communicates: 'Tomás Ekwueme',
    noGo: true,
  });
  decision('dr-training', -9 * DAY + 2 * 60_000, {
    decision: 'Move a training date',
    decides: 'Tomás Ekwueme',
    escalatesTo: 'Priya Raman',
    communicates: 'Leah Brandt',
    noGo: false,
  });
}
