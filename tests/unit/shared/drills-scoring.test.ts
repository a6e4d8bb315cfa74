import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Scenario, ScenarioSchema } from '../../../shared/areas/drills/schema';
import {
  type DrillLogEntry,
  DrillLogEntrySchema,
  drillTimes,
  rateObjectives,
  scoreExpected,
  suggestRating,
} from '../../../shared/areas/drills/scoring';

// A hand-worked log of the library's permissions-outage drill. Expected actions (by, objective):
// exp-1a T+10:00 detect, exp-1b T+15:00 detect, exp-2a T+20:00 rollback, exp-2b T+25:00 comms,
// exp-3a T+35:00 comms, exp-4a T+45:00 rollback, exp-4b T+55:00 rollback.

const scenario: Scenario = ScenarioSchema.parse(
  JSON.parse(readFileSync('resources/scenarios/permissions-outage.scenario.json', 'utf8')).scenario,
);
const W = Date.parse('2026-12-01T09:00:00.000Z');
let n = 0;
const entry = (
  sec: number,
  kind: DrillLogEntry['kind'],
  expectedId = '',
  decision: DrillLogEntry['decision'] = '',
  who = 'Ana',
): DrillLogEntry =>
  DrillLogEntrySchema.parse({
    id: `e${++n}`,
    kind,
    drillMs: sec * 1000,
    wallMs: W + sec * 100,
    who,
    text: '',
    expectedId,
    decision,
  });

// Typed in the order the scribe got to them, not in time order.
const LOG: DrillLogEntry[] = [
  entry(700, 'action', 'exp-1a', '', 'Ben'), // a second, later record of exp-1a: the first counts
  entry(420, 'detected', 'exp-1a'), // met (by 600)
  entry(960, 'action', 'exp-1b'), // late (by 900)
  entry(1000, 'note'),
  entry(1200, 'action', 'exp-2a'), // met exactly on time
  entry(1300, 'decision', '', 'hold'), // a decision, but not to roll back
  entry(1740, 'comms', 'exp-2b', '', 'Chloé'), // late (by 1500)
  entry(2580, 'decision', 'exp-4a', 'rollback'), // met (by 2700)
];

describe('drill scoring on a hand-worked log', () => {
  it('times to detect, to decide rollback and to first comms come from the earliest matching entries', () => {
    expect(drillTimes(LOG)).toEqual({
      toDetect: 420_000,
      toDecideRollback: 2_580_000,
      toFirstComms: 1_740_000,
    });
    expect(drillTimes([])).toEqual({ toDetect: null, toDecideRollback: null, toFirstComms: null });
  });

  it('marks each expected action met, late or missed, with its evidence', () => {
    const results = scoreExpected(scenario, LOG);
    expect(results.map((r) => [r.actionId, r.outcome])).toEqual([
      ['exp-1a', 'met'],
      ['exp-1b', 'late'],
      ['exp-2a', 'met'],
      ['exp-2b', 'late'],
      ['exp-3a', 'missed'],
      ['exp-4a', 'met'],
      ['exp-4b', 'missed'],
    ]);
    expect(results[0]!.evidence).toBe(
      '"Open an incident and link it to wave 2" expected by T+10:00: met at T+07:00 by Ana',
    );
    expect(results[3]!.evidence).toBe(
      '"Send the first internal update to the sales leads" expected by T+25:00: late at T+29:00 by Chloé',
    );
    expect(results[4]!.evidence).toMatch(/expected by T\+35:00: missed \(not logged\)$/);
  });

  it('an action whose inject never fired is not reached, not missed', () => {
    const fired = new Set(['inj-1', 'inj-2', 'inj-3']);
    const results = scoreExpected(scenario, LOG, fired);
    expect(results.find((r) => r.actionId === 'exp-4b')!.outcome).toBe('not-reached');
    // exp-4a was logged even so (the room acted before the inject): it still counts as met.
    expect(results.find((r) => r.actionId === 'exp-4a')!.outcome).toBe('met');
    expect(rateObjectives(scenario, results).find((r) => r.objectiveId === 'obj-rollback')!.suggested).toBe(
      'P',
    );
  });

  it('suggests P/S/M/U per objective and lets the facilitator override with the evidence kept', () => {
    const ratings = rateObjectives(scenario, scoreExpected(scenario, LOG), { 'obj-comms': 'U' });
    expect(ratings.map((r) => [r.objectiveId, r.suggested, r.rating])).toEqual([
      ['obj-detect', 'S', 'S'], // met + late
      ['obj-rollback', 'M', 'M'], // met + met + missed
      ['obj-comms', 'M', 'U'], // late + missed, rated U by hand
    ]);
    expect(ratings[2]!.evidence).toHaveLength(2);
  });

  it('the rating rule at its edges', () => {
    expect(suggestRating(['met', 'met'])).toBe('P');
    expect(suggestRating(['met', 'late'])).toBe('S');
    expect(suggestRating(['late', 'missed'])).toBe('M');
    expect(suggestRating(['missed', 'missed'])).toBe('U');
    expect(suggestRating(['missed', 'not-reached'])).toBe('U');
    expect(suggestRating([])).toBeNull();
    expect(suggestRating(['not-reached'])).toBeNull();
  });
});
