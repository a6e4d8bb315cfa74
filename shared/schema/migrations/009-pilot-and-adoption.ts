import type { Migration, RawDoc } from './types';

// Version 10: the pilot (groups, feedback, KPIs, edited updates, when it started) and adoption (cohorts, usage,
// friction points) sections. At version 9 both are `{}`, so nothing existing is reinterpreted.
// Self-contained: a migration must not change with the code.

export const migration009: Migration = {
  from: 9,
  name: '009-pilot-and-adoption',
  up(doc, fail) {
    const empty = (key: 'pilot' | 'adoption') => {
      const section = doc[key];
      if (typeof section !== 'object' || section === null || Array.isArray(section)) {
        fail(key, `a version 9 workbook has a ${key} section (an empty object)`);
      }
      const keys = Object.keys(section as RawDoc);
      if (keys.length > 0)
        fail(`${key}.${keys[0]}`, `a version 9 ${key} section is empty; this field is unknown`);
    };
    empty('pilot');
    empty('adoption');
    return {
      ...doc,
      pilot: { startedAt: null, groups: [], feedback: [], kpis: [], updates: [] },
      adoption: { cohorts: [], usage: [], frictions: [] },
    };
  },
};
