import type { Migration, RawDoc } from './types';

// Version 8: runbooks, their runs, host timers, comms templates and cadence rules, and for each
// incident its roles and timeline. At version 7 the section holds only incidents, so nothing is
// reinterpreted: incidents gain two empty lists and the section five. None of this changes the
// plan a CAB approved (see cab/content.ts: run records are left out, and the new plan lists are
// left out while empty), so an approved workbook is not "changed since approval" after upgrade.
// Self-contained: a migration must not change with the code.

const isObj = (v: unknown): v is RawDoc => typeof v === 'object' && v !== null && !Array.isArray(v);
const NEW_LISTS = ['runbooks', 'runs', 'timers', 'templates', 'cadence'] as const;

export const migration007: Migration = {
  from: 7,
  name: '007-runbooks',
  up(doc, fail) {
    const section = doc.runbooks;
    if (!isObj(section)) return fail('runbooks', 'a version 7 workbook has a runbooks section (an object)');
    if (!Array.isArray(section.incidents))
      return fail('runbooks.incidents', 'a version 7 workbook lists its incidents');
    for (const key of NEW_LISTS) {
      if (key in section)
        fail(`runbooks.${key}`, 'a version 7 runbooks section holds only incidents; this field is unknown');
    }
    const incidents = section.incidents.map((inc: unknown, i: number) => {
      if (!isObj(inc)) return fail(`runbooks.incidents[${i}]`, 'an incident is an object');
      for (const key of ['roles', 'timeline']) {
        if (key in inc) fail(`runbooks.incidents[${i}].${key}`, 'a version 7 incident has no such field');
      }
      return { ...inc, roles: [], timeline: [] };
    });
    return {
      ...doc,
      runbooks: { ...section, incidents, runbooks: [], runs: [], timers: [], templates: [], cadence: [] },
    };
  },
};
