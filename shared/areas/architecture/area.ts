import { z } from 'zod';
import { defineArea } from '../types';

// Checklist step 2: how exposure grows safely. Its waves moved to the waves area (step 5), where
// they are gated; environments, delivery strategy, rollback and dependencies come with the
// architecture capability, through a numbered migration.

export const architectureArea = defineArea({
  id: 'architecture',
  nav: { label: 'Architecture', title: 'Rollout architecture', step: 2 },
  schema: z.strictObject({}),
  empty: () => ({}),
  collections: {},
});
