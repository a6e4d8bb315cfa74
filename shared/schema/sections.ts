import { z } from 'zod';
import { choice, entityId, optionalText, requiredText } from './fields';

// Sections beyond step 1 hold only what the sample and the shell need today. Each later
// capability extends its section through a numbered migration, never by loosening the schema.

export const PROMOTION_RULES = ['auto', 'manual'] as const;
export const STAKEHOLDER_ROLES = ['recipient', 'sponsor', 'influencer'] as const;
export const SCORE_STATUSES = ['green', 'amber', 'red'] as const;

export const WaveSchema = z.strictObject({
  id: entityId,
  name: requiredText('Wave name', 120),
  audiencePercent: z
    .number({ error: 'Audience must be a percentage' })
    .min(0, 'Audience must be at least 0%')
    .max(100, 'Audience must be at most 100%'),
  segment: optionalText('Segment', 300),
  holdHours: z.number({ error: 'Hold must be a number of hours' }).min(0, 'Hold cannot be negative'),
  promotion: choice('Promotion rule', PROMOTION_RULES),
  healthSignals: z.array(requiredText('Health signal', 120)),
});

export const StakeholderGroupSchema = z.strictObject({
  id: entityId,
  name: requiredText('Group name', 120),
  role: choice('Role', STAKEHOLDER_ROLES),
  sponsor: optionalText('Sponsor', 120),
  champion: optionalText('Champion', 120),
  commsOwner: optionalText('Comms owner', 120),
});

export const ScorecardItemSchema = z.strictObject({
  id: entityId,
  label: requiredText('Item', 200),
  status: choice('Status', SCORE_STATUSES),
  evidence: optionalText('Evidence', 2000),
  owner: optionalText('Owner', 120),
});

const reserved = z.strictObject({});

export const ArchitectureSchema = z.strictObject({ waves: z.array(WaveSchema) });
export const StakeholdersSchema = z.strictObject({ groups: z.array(StakeholderGroupSchema) });
export const ScorecardSchema = z.strictObject({ items: z.array(ScorecardItemSchema) });
export const PilotSchema = reserved;
export const SignalsSchema = reserved;
export const RunbooksSchema = reserved;
export const AdoptionSchema = reserved;
export const CabSchema = reserved;

export type Wave = z.infer<typeof WaveSchema>;
export type StakeholderGroup = z.infer<typeof StakeholderGroupSchema>;
export type ScorecardItem = z.infer<typeof ScorecardItemSchema>;
