import { z } from 'zod';
import { defineArea } from '../types';

// Registered with an empty section until its capability is built; that capability extends the
// section through a numbered migration, so files written today keep opening.

export const adoptionArea = defineArea({
  id: 'adoption',
  nav: { label: 'Adoption', title: 'Adoption & optimization', step: 7 },
  schema: z.strictObject({}),
  empty: () => ({}),
  collections: {},
});
