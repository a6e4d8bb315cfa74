import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importScenarioFile } from '../../shared/areas/drills/import';
import type { Command } from '../../shared/domain/commands';
import { amara, chapter, DAY, dmitri, jun, MIN, priya, tomas } from './cast';

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

/** The host's drill clock signs the injects it fires (electron/host/drill-service.ts). */
const drillClock = { name: 'Drill clock', role: 'Host clock' };
const RUN = 'drill-perm-outage-1';
/** T0 of the past drill: the morning after the scenario came in, at 1×. */
const T0 = -7 * DAY - 5 * 60 * MIN;

type Log = Extract<Command, { type: 'drills.run-log' }>;
const log = (
  kind: Log['kind'],
  who: string,
  text: string,
  expectedId = '',
  decision: Log['decision'] = '',
): Log => ({
  type: 'drills.run-log',
  runId: RUN,
  kind,
  who,
  text,
  expectedId,
  decision,
});

export const DRILLS_CHAPTER = chapter((at) => {
  at(-8 * DAY, dmitri, {
    type: 'drills.add-scenarios',
    from: 'the built-in library',
    scenarios: libraryScenario(),
  });
  // The past drill, through the same commands the run screen sends: a newcomer opens it from the
  // Drills screen and sees what was fired, what the room did and when (met, late or missed).
  at(T0 - 10 * MIN, dmitri, {
    type: 'drills.run-create',
    runId: RUN,
    scenarioId: 'lib-permissions-outage',
    facilitator: 'Dmitri Halloran',
    cards: [
      {
        id: 'card-exec-ping',
        title: 'The CFO asks in chat whether invoicing is affected',
        detail: 'She needs an answer before her 11:00 with the board; finance uses the same roles.',
        recipients: ['Incident commander', 'Comms lead'],
      },
      {
        id: 'card-vendor-down',
        title: 'The identity vendor reports a partial outage of its admin console',
        detail: 'Role changes may take up to 30 minutes to apply.',
        recipients: ['Identity lead'],
      },
    ],
  });
  at(T0, dmitri, { type: 'drills.run-start', runId: RUN, speed: 1, severity: 'SEV2' });
  at(T0 + 1000, drillClock, { type: 'drills.run-fire-due', runId: RUN });
  at(
    T0 + 6 * MIN,
    dmitri,
    log(
      'detected',
      'Jun Park',
      'Saw the three tickets share one role; opened a drill incident linked to wave 2',
      'exp-1a',
    ),
  );
  at(
    T0 + 13 * MIN,
    jun,
    log('action', 'Jun Park', 'Access-denied rate 2.1% against a 2% stop condition', 'exp-1b'),
  );
  at(T0 + 15 * MIN, drillClock, { type: 'drills.run-fire-due', runId: RUN });
  at(
    T0 + 18 * MIN,
    dmitri,
    log('decision', 'Dmitri Halloran', 'Hold wave 3 until the role mapping is understood', 'exp-2a', 'hold'),
  );
  at(T0 + 22 * MIN, dmitri, { type: 'drills.run-card-play', runId: RUN, cardId: 'card-exec-ping' });
  at(
    T0 + 28 * MIN,
    amara,
    log(
      'comms',
      'Amara Okafor',
      'First internal update to the sales leads (three minutes late: nobody owned it)',
      'exp-2b',
    ),
  );
  at(T0 + 30 * MIN, drillClock, { type: 'drills.run-fire-due', runId: RUN });
  at(T0 + 31 * MIN, dmitri, { type: 'drills.run-question', runId: RUN, index: 2 });
  at(
    T0 + 33 * MIN,
    priya,
    log('action', 'Priya Raman', 'Offered the shared read-only dashboard instead of admin rights', 'exp-3a'),
  );
  at(T0 + 40 * MIN, drillClock, { type: 'drills.run-fire-due', runId: RUN });
  at(
    T0 + 44 * MIN,
    dmitri,
    log(
      'decision',
      'Dmitri Halloran',
      'Roll wave 2 back; Dmitri calls it, Jun runs it',
      'exp-4a',
      'rollback',
    ),
  );
  // Jun takes the rollback runbook into the drill: the scorecard's "runbooks are tested" counts it.
  at(T0 + 44 * MIN + 30_000, jun, {
    type: 'run.start',
    runId: 'run-drill-rollback',
    runbookId: 'rb-rollback',
    mode: 'rehearsal',
    incidentId: `${RUN}-inc`,
    title: '',
    severity: 'SEV2',
  });
  at(
    T0 + 50 * MIN,
    jun,
    log('note', 'Jun Park', 'No one checked a sample of users after the rollback: nobody had the list'),
  );
  at(T0 + 52 * MIN, dmitri, { type: 'drills.run-question', runId: RUN, index: 1 });
  at(T0 + 57 * MIN, jun, { type: 'run.finish', runId: 'run-drill-rollback', result: 'passed' });
  at(T0 + 58 * MIN, dmitri, { type: 'drills.run-finish', runId: RUN });
  scoring(at);
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

// After the drill, its scoring: Dmitri's ratings with notes (the log suggests P, M, S), strengths
// and improvements, the questionnaire (one answer typed in from a paper form) and an action raised
// from the report. The report stays a draft: Priya has not read it yet.
function scoring(at: Parameters<Parameters<typeof chapter>[0]>[0]) {
  const after = (min: number) => T0 + 70 * MIN + min * MIN;
  const rate = (min: number, objectiveId: string, rating: 'P' | 'S' | 'M' | 'U', note: string) =>
    at(after(min), dmitri, { type: 'drill.rate', runId: RUN, objectiveId, rating, note });
  rate(
    1,
    'obj-detect',
    'P',
    'Tickets tied to the release in six minutes; the stop condition checked in time',
  );
  rate(
    2,
    'obj-rollback',
    'M',
    'Rollback called by the book, but nobody checked a sample of users afterwards',
  );
  rate(3, 'obj-comms', 'S', 'The first update went out three minutes late: nobody owned it');
  at(after(5), dmitri, {
    type: 'drill.set-list',
    runId: RUN,
    list: 'strengths',
    items: [
      'The on-call engineer tied the tickets to the release within minutes',
      'Rollback called by the book',
    ],
  });
  at(after(6), dmitri, {
    type: 'drill.set-list',
    runId: RUN,
    list: 'improvements',
    items: [
      'Nobody owned the first update to the sales leads',
      'No list of users to check once the rollback was done',
    ],
  });
  const answer = (
    min: number,
    id: string,
    category: 'what-happened' | 'what-worked' | 'what-to-change' | 'other',
    question: string,
    text: string,
    who: string,
    fromPaper: boolean,
  ) =>
    at(after(min), dmitri, {
      type: 'drill.answer',
      runId: RUN,
      id,
      category,
      question,
      answer: text,
      who,
      fromPaper,
    });
  answer(
    8,
    'qa-signal',
    'what-happened',
    'Which signal would have told us first, and who watches it at this hour?',
    'The access-denied rate per wave: nobody had it on a dashboard',
    jun.name,
    false,
  );
  answer(
    9,
    'qa-worked',
    'what-worked',
    'What helped you most?',
    'The rollback runbook: its steps and timers kept the room calm',
    dmitri.name,
    false,
  );
  answer(
    10,
    'qa-change',
    'what-to-change',
    'What would you change before wave 2?',
    'A comms template for sales leadership, and one person who owns that call',
    tomas.name,
    true,
  );
  at(after(12), dmitri, {
    type: 'drill.add-action',
    runId: RUN,
    id: 'ca-sales-comms-owner',
    text: 'Name a comms owner for sales leadership during incidents, with a template',
    element: 'organisation',
    owner: tomas.name,
    start: '2026-11-13',
    due: '2026-11-27',
  });
}
