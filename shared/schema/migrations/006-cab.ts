import type { Migration } from './types';

// Version 7: the cab area's capability. PLACEHOLDER written before the work started so
// that migrations 005 (architecture) and 006 (cab) can be built side by side; whoever builds
// the cab area replaces this body (and this comment) with the real step and its test.

export const migration006: Migration = {
  from: 6,
  name: '006-cab',
  up(doc) {
    return doc;
  },
};
