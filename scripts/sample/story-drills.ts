import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importScenarioFile } from '../../shared/areas/drills/import';
import type { Command } from '../../shared/domain/commands';
import { chapter, DAY, dmitri, END, HOUR, jun, MIN, tomas } from './cast';

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

// The tabletop itself, as a finished run with its log (until the drill-run chapter replaces it
// with one run through the clock), then its scoring: Dmitri's ratings with notes, strengths and
// improvements, the questionnaire (one answer typed in from a paper form) and an action raised
// from the report. The report stays a draft: Priya has not read it yet.
const T0 = END - 8 * DAY + 2 * HOUR;
const RUN = 'drun-permissions-outage';

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

  // After the tabletop (see below).
  afterTheDrill(at);
});

function afterTheDrill(at: Parameters<Parameters<typeof chapter>[0]>[0]) {
  const entry = (
    id: string,
    min: number,
    kind: string,
    expectedId: string,
    decision: string,
    text: string,
    who: string,
  ) => ({
    id,
    kind,
    drillMs: min * MIN,
    wallMs: T0 + min * MIN,
    who,
    text,
    expectedId,
    decision,
  });
  at(-8 * DAY + 2 * HOUR + 45 * MIN, dmitri, {
    type: 'item.add',
    collection: 'drills.runs',
    item: {
      id: RUN,
      scenario: libraryScenario()[0],
      incidentId: '',
      facilitator: dmitri.name,
      clock: { t0Wall: T0, speed: 1, pausedAt: null },
      endedAt: T0 + 36 * MIN,
      fired: [
        { injectId: 'inj-1', drillMs: 0, wallMs: T0, how: 'scheduled' },
        { injectId: 'inj-2', drillMs: 15 * MIN, wallMs: T0 + 15 * MIN, how: 'scheduled' },
        { injectId: 'inj-3', drillMs: 30 * MIN, wallMs: T0 + 30 * MIN, how: 'scheduled' },
      ],
      cards: [],
      questionIndex: -1,
      log: [
        entry(
          'dl-1',
          8,
          'detected',
          'exp-1a',
          '',
          'Three tickets, one release: incident opened against wave 2',
          jun.name,
        ),
        entry(
          'dl-2',
          17,
          'action',
          'exp-1b',
          '',
          'Access-denied rate at 4.2% against the 2% stop condition',
          jun.name,
        ),
        entry('dl-3', 19, 'action', 'exp-2a', '', 'Wave 3 held; no further promotions', dmitri.name),
        entry(
          'dl-4',
          24,
          'decision',
          '',
          'rollback',
          'Roll wave 2 back to the old role mapping',
          dmitri.name,
        ),
        entry(
          'dl-5',
          31,
          'comms',
          'exp-2b',
          '',
          'First update to the sales leads: what to do meanwhile',
          tomas.name,
        ),
      ],
      scores: [],
      strengths: [],
      improvements: [],
      questionnaire: [],
      reportFinal: false,
    },
  } as Command);
  const after = (min: number) => -8 * DAY + 3 * HOUR + min * MIN;
  const rate = (min: number, objectiveId: string, rating: string, note: string) =>
    at(after(min), dmitri, { type: 'drill.rate', runId: RUN, objectiveId, rating, note } as Command);
  rate(1, 'obj-detect', 'S', 'Detected in eight minutes, but the stop-condition check came two minutes late');
  rate(2, 'obj-rollback', 'P', 'Rollback decided by the book at T+24, inside the window');
  rate(
    3,
    'obj-comms',
    'M',
    'The first update went out six minutes late and the sales director call had no owner',
  );
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
      'Nobody owned the call with the regional sales director',
      'The first update had no template for sales',
    ],
  });
  const answer = (
    min: number,
    id: string,
    category: string,
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
    } as Command);
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
    'The rollback runbook: the steps and timers kept the room calm',
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
  } as Command);
}
