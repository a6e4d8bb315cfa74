import type {
  Checkin,
  CommsItem,
  Objection,
  Person,
  StakeholderGroup,
} from '../../../shared/areas/stakeholders/schema';

// Small builders for the stakeholders tests: a complete item with only what a case needs changed.

export const group = (over: Partial<StakeholderGroup> = {}): StakeholderGroup => ({
  id: 'g1',
  name: 'Support agents EMEA',
  size: 120,
  role: 'recipient',
  major: true,
  sponsor: 'Priya Raman',
  champions: ['Leah Brandt'],
  commsOwner: 'Tomás Ekwueme',
  mondayChange: 'Tickets open in the new console',
  ...over,
});

export const person = (over: Partial<Person> = {}): Person => ({
  id: 'p1',
  name: 'Leah Brandt',
  title: 'Team lead',
  groupIds: ['g1'],
  location: 'Lisbon',
  manager: '',
  email: 'leah@example.org',
  notes: '',
  batch: '',
  ...over,
});

export const checkin = (over: Partial<Checkin> = {}): Checkin => ({
  id: 'c1',
  groupId: 'g1',
  day: '2026-11-01',
  awareness: 5,
  desire: 5,
  knowledge: 5,
  ability: 5,
  reinforcement: 5,
  notes: '',
  ...over,
});

export const objection = (over: Partial<Objection> = {}): Objection => ({
  id: 'o1',
  groupId: '',
  person: '',
  what: 'The new console hides the customer history',
  raisedOn: '2026-11-02',
  theme: 'Missing data',
  response: '',
  status: 'open',
  ...over,
});

export const comms = (over: Partial<CommsItem> = {}): CommsItem => ({
  id: 'm1',
  audience: 'end-users',
  message: 'What changes on Monday',
  channel: 'Team huddle',
  owner: 'Tomás Ekwueme',
  due: '2026-11-10',
  sent: false,
  ...over,
});
