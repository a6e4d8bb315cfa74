import { defineArea } from '../types';
import { importUsage } from './commands';
import { AdoptionSchema, CohortSchema, FrictionSchema } from './schema';

// Checklist step 7: reinforce adoption after launch, with evidence.

export const adoptionArea = defineArea({
  id: 'adoption',
  nav: { label: 'Adoption', title: 'Adoption & optimization', step: 7 },
  schema: AdoptionSchema,
  empty: () => ({ cohorts: [], usage: [], frictions: [] }),
  collections: {
    cohorts: { noun: 'cohort', schema: CohortSchema, label: (c) => c.name },
    frictions: { noun: 'friction point', schema: FrictionSchema, label: (f) => f.title },
  },
  commands: [importUsage],
});
