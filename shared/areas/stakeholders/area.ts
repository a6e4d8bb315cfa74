import { z } from 'zod';
import { choice, entityId, optionalText, requiredText } from '../../schema/fields';
import { defineArea } from '../types';

// Checklist step 3: who changes behaviour, who authorises, who can unblock and who teaches.

export const STAKEHOLDER_ROLES = ['recipient', 'sponsor', 'influencer'] as const;

export const StakeholderGroupSchema = z.strictObject({
  id: entityId,
  name: requiredText('Group name', 120),
  role: choice('Role', STAKEHOLDER_ROLES),
  sponsor: optionalText('Sponsor', 120),
  champion: optionalText('Champion', 120),
  commsOwner: optionalText('Comms owner', 120),
});

export const StakeholdersSchema = z.strictObject({ groups: z.array(StakeholderGroupSchema) });

export type StakeholderGroup = z.infer<typeof StakeholderGroupSchema>;

export const stakeholdersArea = defineArea({
  id: 'stakeholders',
  nav: { label: 'Stakeholders', title: 'Stakeholders & change network', step: 3 },
  schema: StakeholdersSchema,
  empty: () => ({ groups: [] }),
  collections: {
    groups: { noun: 'stakeholder group', schema: StakeholderGroupSchema, label: (g) => g.name },
  },
});
