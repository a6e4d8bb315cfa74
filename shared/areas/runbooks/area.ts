import { z } from 'zod';
import { defineArea } from '../types';

// Registered with an empty section until its capability is built; that capability extends the
// section through a numbered migration, so files written today keep opening.

export const runbooksArea = defineArea({
  id: 'runbooks',
  nav: { label: 'Runbooks & Drills', title: 'Runbooks, incidents & drills', step: 6 },
  schema: z.strictObject({}),
  empty: () => ({}),
  collections: {},
});
