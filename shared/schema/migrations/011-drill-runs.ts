import type { Migration } from './types';

// Version 12: drills are run, not only written. The drills section gains `runs` (a run keeps its
// clock, fired injects, log and scores), and each corrective action names the run that raised it
// (`runId`, '' for the ones recorded before runs existed: nothing is guessed). A file that
// already carries runs is refused rather than overwritten. Self-contained: a migration must not
// change with the code.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const migration011: Migration = {
  from: 11,
  name: '011-drill-runs',
  up(doc, fail) {
    const drills = doc.drills;
    if (!isObj(drills))
      return fail('drills', 'a version 11 workbook has a drills section; this one has none');
    if ('runs' in drills) fail('drills.runs', 'a version 11 workbook has no drill runs; this one is unknown');
    const actions = drills.correctiveActions;
    if (!Array.isArray(actions)) return fail('drills.correctiveActions', 'expected a list');
    const correctiveActions = actions.map((a, i) => {
      if (!isObj(a)) return fail(`drills.correctiveActions[${i}]`, 'expected a corrective action');
      if ('runId' in a) fail(`drills.correctiveActions[${i}].runId`, 'a version 11 action has no run');
      return { ...a, runId: '' };
    });
    return { ...doc, drills: { ...drills, runs: [], correctiveActions } };
  },
};
