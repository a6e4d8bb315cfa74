import { describe, expect, it } from 'vitest';
import type { DrillRun } from '../../../shared/areas/drills/run-schema';
import { drillExercises, runbooksEvidence } from '../../../shared/areas/runbooks/evidence';
import type { Run } from '../../../shared/areas/runbooks/schema';
import { emptyWorkbook } from '../../../shared/schema/workbook';
import { finishedRun, RUN_T0 } from './drills-run-fixture';

// "Runbooks are tested" counts drills: a runbook run on a drill's incident is that runbook
// exercised in the drill, dated by the drill's end and judged by its worst objective rating
// (the hand-worked run suggests S, P, M: worst M, which still counts as tested; U does not).

const DAY = 86_400_000;
const NOW = RUN_T0 + DAY;

const runbookRun = (id: string, runbookId: string, incidentId: string, extra: Partial<Run> = {}): Run => ({
  id,
  runbookId,
  runbookName: runbookId,
  mode: 'rehearsal',
  incidentId,
  startedAt: new Date(RUN_T0).toISOString(),
  startedBy: 'Ines Moreau',
  endedAt: null,
  result: '',
  steps: [],
  ...extra,
});

function workbook(drills: DrillRun[], runs: Run[]) {
  const wb = emptyWorkbook('wb', 'Drills', new Date(RUN_T0).toISOString());
  wb.runbooks.runbooks.push(
    { id: 'rb-rollback', name: 'Roll back a wave', purpose: '', steps: [] },
    { id: 'rb-comms', name: 'Tell the business', purpose: '', steps: [] },
  );
  wb.runbooks.runs.push(...runs);
  wb.drills.runs.push(...drills);
  return wb;
}

const evidence = (wb: ReturnType<typeof workbook>, now = NOW) =>
  runbooksEvidence(wb, { waveId: '', now })[0]!;

describe('drills in the "runbooks are tested" evidence', () => {
  it('names the runbooks a finished drill exercised, when, and its worst rating', () => {
    const drill = finishedRun();
    const runs = [
      runbookRun('r1', 'rb-rollback', 'drun-1-inc'),
      runbookRun('r2', 'rb-comms', 'drun-1-inc'),
      runbookRun('r3', 'rb-comms', 'some-real-incident', { mode: 'live' }),
    ];
    expect(drillExercises([drill], runs)).toEqual([
      {
        runbookId: 'rb-rollback',
        drillRunId: 'drun-1',
        scenario: drill.scenario.name,
        endedAt: RUN_T0 + 2_400_000,
        rating: 'M',
      },
      {
        runbookId: 'rb-comms',
        drillRunId: 'drun-1',
        scenario: drill.scenario.name,
        endedAt: RUN_T0 + 2_400_000,
        rating: 'M',
      },
    ]);
    const e = evidence(workbook([drill], runs));
    expect(e).toMatchObject({
      check: 'runbooks',
      status: 'green',
      summary: 'All 2 runbooks tested in the last 90 days (2 of them in a drill).',
    });
    expect(e.details).toEqual([
      'Roll back a wave: never rehearsed; exercised in the drill "Permissions outage after wave 2" 2026-12-01, rated M',
      'Tell the business: never rehearsed; exercised in the drill "Permissions outage after wave 2" 2026-12-01, rated M',
    ]);
  });

  it('a drill rated U is a failed test; an unfinished drill counts for nothing', () => {
    const rated = finishedRun({ scores: [{ objectiveId: 'obj-rollback', rating: 'U', note: '' }] });
    const runs = [runbookRun('r1', 'rb-rollback', 'drun-1-inc')];
    const red = evidence(workbook([rated], runs));
    expect(red.status).toBe('red');
    expect(red.summary).toBe('Last test failed: Roll back a wave.');
    const running = evidence(workbook([finishedRun({ endedAt: null })], runs));
    expect(running.status).toBe('amber');
    expect(running.details[0]).toBe('Roll back a wave: never rehearsed');
  });

  it('the newer test decides: a good drill after a failed rehearsal, and staleness from the drill date', () => {
    const failedBefore = runbookRun('old', 'rb-rollback', 'inc-r', {
      endedAt: new Date(RUN_T0 - 10 * DAY).toISOString(),
      result: 'failed',
    });
    const passedComms = runbookRun('ok', 'rb-comms', 'inc-c', {
      endedAt: new Date(RUN_T0 - DAY).toISOString(),
      result: 'passed',
    });
    const runs = [failedBefore, passedComms, runbookRun('r1', 'rb-rollback', 'drun-1-inc')];
    const e = evidence(workbook([finishedRun()], runs));
    expect(e.status).toBe('green');
    expect(e.details[0]).toBe(
      'Roll back a wave: rehearsed 2026-11-21, failed; exercised in the drill "Permissions outage after wave 2" 2026-12-01, rated M',
    );
    // 91 days after the drill, the drill no longer counts as recent.
    const later = evidence(workbook([finishedRun()], runs), RUN_T0 + 91 * DAY);
    expect(later.status).toBe('amber');
    expect(later.summary).toMatch(/^2 of 2 runbooks not tested in the last 90 days/);
  });
});
