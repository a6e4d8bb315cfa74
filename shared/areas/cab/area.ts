import { z } from 'zod';
import { defineArea } from '../types';

// Registered with an empty section until its capability is built; that capability extends the
// section through a numbered migration, so files written today keep opening.

export const cabArea = defineArea({
  id: 'cab',
  nav: { label: 'CAB', title: 'Change advisory board' },
  schema: z.strictObject({}),
  empty: () => ({}),
  collections: {},
});
