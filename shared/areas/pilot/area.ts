import { z } from 'zod';
import { defineArea } from '../types';

// Registered with an empty section until its capability is built; that capability extends the
// section through a numbered migration, so files written today keep opening.

export const pilotArea = defineArea({
  id: 'pilot',
  nav: { label: 'Pilot', title: 'Pilot', step: 4 },
  schema: z.strictObject({}),
  empty: () => ({}),
  collections: {},
});
