import { z } from 'zod';
import { choice, entityId, optionalText, requiredText } from '../../schema/fields';
import { defineArea } from '../types';

// Checklist step 2: how exposure grows safely. Today it holds the waves the sample needs; the
// architecture capability extends it through a numbered migration, never by loosening it.

export const PROMOTION_RULES = ['auto', 'manual'] as const;

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

export const ArchitectureSchema = z.strictObject({ waves: z.array(WaveSchema) });

export type Wave = z.infer<typeof WaveSchema>;

export const architectureArea = defineArea({
  id: 'architecture',
  nav: { label: 'Architecture', title: 'Rollout architecture', step: 2 },
  schema: ArchitectureSchema,
  empty: () => ({ waves: [] }),
  collections: {
    waves: { noun: 'wave', schema: WaveSchema, label: (w) => w.name },
  },
});
