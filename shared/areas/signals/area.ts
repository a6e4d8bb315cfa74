import { z } from 'zod';
import { defineArea } from '../types';

// Registered with an empty section until its capability is built; that capability extends the
// section through a numbered migration, so files written today keep opening.

export const signalsArea = defineArea({
  id: 'signals',
  nav: { label: 'Waves & Signals', title: 'Waves & signals', step: 5 },
  schema: z.strictObject({}),
  empty: () => ({}),
  collections: {},
});
