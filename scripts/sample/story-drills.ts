import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importScenarioFile } from '../../shared/areas/drills/import';
import { chapter, DAY, dmitri, jun } from './cast';

// The drills chapter: a week before wave 2, Dmitri (incident commander) took the library's
// permissions-outage scenario into the workbook, through the same importer a user's file goes
// through, and ran it as a tabletop. It left one corrective action, which Jun is working on.

const FILE = 'permissions-outage.scenario.json';

function libraryScenario() {
  const result = importScenarioFile(
    FILE,
    readFileSync(join(import.meta.dirname, '../../resources/scenarios', FILE), 'utf8'),
  );
  if (!result.ok) throw new Error(result.error);
  return result.scenarios;
}

export const DRILLS_CHAPTER = chapter((at) => {
  at(-8 * DAY, dmitri, {
    type: 'drills.add-scenarios',
    from: 'the built-in library',
    scenarios: libraryScenario(),
  });
  at(-7 * DAY, dmitri, {
    type: 'item.add',
    collection: 'drills.correctiveActions',
    item: {
      id: 'ca-role-mapping-rehearsal',
      text: 'Rehearse rolling back the role mapping on a copy of production permissions, and time it',
      element: 'exercises',
      owner: 'Jun Park',
      start: '2026-11-13',
      due: '2026-12-04',
      status: 'in-progress',
      scenarioId: 'lib-permissions-outage',
      runId: '',
    },
  });
  at(-6 * DAY, jun, {
    type: 'item.add',
    collection: 'drills.correctiveActions',
    item: {
      id: 'ca-access-denied-alert',
      text: 'Alert on the access-denied rate per wave, not only on tickets',
      element: 'equipment',
      owner: 'Jun Park',
      start: '2026-11-14',
      due: '2026-11-19',
      status: 'done',
      scenarioId: 'lib-permissions-outage',
      runId: '',
    },
  });
});
