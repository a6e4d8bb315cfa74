import type { Migration } from './types';

// Version 11: the tabletop-drill capability, a new `drills` section holding the scenario library
// and the corrective actions drills leave behind. A version 10 workbook has no such section, so
// nothing existing is reinterpreted; a file that already carries one is refused rather than
// overwritten. Self-contained: a migration must not change with the code.

export const migration010: Migration = {
  from: 10,
  name: '010-drills',
  up(doc, fail) {
    if ('drills' in doc) fail('drills', 'a version 10 workbook has no drills section; this one is unknown');
    return { ...doc, drills: { scenarios: [], correctiveActions: [] } };
  },
};
