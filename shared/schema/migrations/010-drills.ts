import type { Migration } from './types';

// Version 11: the tabletop-drill capability. PLACEHOLDER written before the work started so that
// migrations 007 (runbooks), 008 (stakeholders) and 010 (drills) can be built side by side;
// whoever builds the drills area replaces this body (and this comment) with the real step, its
// fixture and its test.

export const migration010: Migration = {
  from: 10,
  name: '010-drills',
  up(doc) {
    return doc;
  },
};
