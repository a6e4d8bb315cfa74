import { z } from 'zod';
import { choice, entityId, optionalText, requiredText } from '../../schema/fields';
import { defineArea } from '../types';

// The go/no-go scorecard: seven readiness checks before each wave.

export const SCORE_STATUSES = ['green', 'amber', 'red'] as const;

export const ScorecardItemSchema = z.strictObject({
  id: entityId,
  label: requiredText('Item', 200),
  status: choice('Status', SCORE_STATUSES),
  evidence: optionalText('Evidence', 2000),
  owner: optionalText('Owner', 120),
});

export const ScorecardSchema = z.strictObject({ items: z.array(ScorecardItemSchema) });

export type ScorecardItem = z.infer<typeof ScorecardItemSchema>;

export const scorecardArea = defineArea({
  id: 'scorecard',
  nav: { label: 'Scorecard', title: 'Go / no-go scorecard' },
  schema: ScorecardSchema,
  empty: () => ({ items: [] }),
  collections: {
    items: { noun: 'scorecard item', schema: ScorecardItemSchema, label: (i) => i.label },
  },
});
