import type { Migration } from './types';

// Version 9: the stakeholders capability. PLACEHOLDER written before the work started so that
// migrations 007 (runbooks) and 008 (stakeholders) can be built side by side; whoever builds the
// stakeholders area replaces this body (and this comment) with the real step, its fixture and its test.

export const migration008: Migration = {
  from: 8,
  name: '008-stakeholders',
  up(doc) {
    return doc;
  },
};
