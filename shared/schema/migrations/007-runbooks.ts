import type { Migration } from './types';

// Version 8: the runbooks capability. PLACEHOLDER written before the work started so that
// migrations 007 (runbooks) and 008 (stakeholders) can be built side by side; whoever builds the
// runbooks area replaces this body (and this comment) with the real step, its fixture and its test.

export const migration007: Migration = {
  from: 7,
  name: '007-runbooks',
  up(doc) {
    return doc;
  },
};
