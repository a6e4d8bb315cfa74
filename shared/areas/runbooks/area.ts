import { defineArea } from '../types';
import { IncidentSchema, RunbooksSchema } from './schema';

// Checklist step 6. Incidents come first (the DORA figures of step 5 need them); runbooks,
// timers and drills extend this area.

export const runbooksArea = defineArea({
  id: 'runbooks',
  nav: { label: 'Runbooks & Drills', title: 'Runbooks, incidents & drills', step: 6 },
  schema: RunbooksSchema,
  empty: () => ({ incidents: [] }),
  collections: {
    incidents: {
      noun: 'incident',
      schema: IncidentSchema,
      label: (i) => i.title,
      managed: { fields: ['batch'], initial: { batch: '' } },
    },
  },
});
