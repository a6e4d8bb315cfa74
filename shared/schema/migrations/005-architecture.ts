import type { Migration } from './types';

// Version 6: the architecture area's capability. PLACEHOLDER written before the work started so
// that migrations 005 (architecture) and 006 (cab) can be built side by side; whoever builds
// the architecture area replaces this body (and this comment) with the real step and its test.

export const migration005: Migration = {
  from: 5,
  name: '005-architecture',
  up(doc) {
    return doc;
  },
};
