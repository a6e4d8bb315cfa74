import { defineArea } from '../types';
import { assignRole, place } from './commands';
import { stakeholdersEvidence } from './evidence';
import { importPeople } from './people-import';
import {
  CheckinSchema,
  CommsItemSchema,
  DecisionRightSchema,
  emptyStakeholders,
  ObjectionSchema,
  PersonSchema,
  StakeholderGroupSchema,
  StakeholdersSchema,
} from './schema';

// Checklist step 3: who changes behaviour, who authorises, who can unblock and who teaches.
// Placements are not a collection: only stakeholders.place writes them, so a subject is never
// placed twice.

export const stakeholdersArea = defineArea({
  id: 'stakeholders',
  nav: { label: 'Stakeholders', title: 'Stakeholders & change network', step: 3 },
  schema: StakeholdersSchema,
  empty: emptyStakeholders,
  collections: {
    groups: { noun: 'stakeholder group', schema: StakeholderGroupSchema, label: (g) => g.name },
    people: {
      noun: 'person',
      schema: PersonSchema,
      label: (p) => p.name,
      managed: { fields: ['batch'], initial: { batch: '' } },
    },
    checkins: { noun: 'ADKAR check-in', schema: CheckinSchema, label: (c) => `${c.groupId} on ${c.day}` },
    objections: { noun: 'objection', schema: ObjectionSchema, label: (o) => o.what },
    comms: { noun: 'comms plan item', schema: CommsItemSchema, label: (c) => c.message },
    decisions: { noun: 'decision right', schema: DecisionRightSchema, label: (d) => d.decision },
  },
  commands: [assignRole, place, importPeople],
  evidence: stakeholdersEvidence,
});
