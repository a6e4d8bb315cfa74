import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromDraft, toDraft } from '../../../renderer/features/drills/scenario-draft';
import { type Scenario, ScenarioSchema } from '../../../shared/areas/drills/schema';

// The scenario form edits minutes and comma lists; the workbook holds seconds and arrays. A form
// opened and saved unchanged gives back the same scenario, and every bad field is named.

const scenario: Scenario = ScenarioSchema.parse(
  JSON.parse(readFileSync('resources/scenarios/integration-failure.scenario.json', 'utf8')).scenario,
);

describe('scenario form draft', () => {
  it('round-trips a scenario unchanged', () => {
    expect(fromDraft(toDraft(scenario), scenario)).toEqual({ scenario });
    expect(toDraft(scenario).injects[1]!.at).toBe('20');
  });

  it('reads minutes with decimals, and trims lists and questions', () => {
    const d = toDraft(scenario);
    d.injects[0]!.at = '2.5';
    d.injects[0]!.recipients = ' Ops ,  , Finance ';
    d.questions = '  First?  \n\n Second? ';
    const r = fromDraft(d, scenario);
    if (!('scenario' in r)) throw new Error(r.errors.join('; '));
    expect(r.scenario.injects[0]).toMatchObject({ offsetSec: 150, recipients: ['Ops', 'Finance'] });
    expect(r.scenario.questions).toEqual(['First?', 'Second?']);
  });

  it('names each bad field: a time that is not a number, then the schema’s own reasons with where', () => {
    const d = toDraft(scenario);
    d.injects[2]!.at = 'soon';
    d.injects[0]!.expected[0]!.by = '';
    expect(fromDraft(d, scenario)).toEqual({
      errors: [
        'Inject 1, expected action 1: expected by must be a number of minutes from T0, like 15 or 2.5',
        'Inject 3: time must be a number of minutes from T0, like 15 or 2.5',
      ],
    });
    const late = toDraft(scenario);
    late.injects[1]!.expected[0]!.by = '10';
    late.injects[3]!.title = ' ';
    expect(fromDraft(late, scenario)).toEqual({
      errors: [
        'Inject 4: Inject title is required',
        'Inject 2, expected action 1: Expected action "Stop the retries so the queue is not poisoned further" of inject 2 must fall between its inject (T+1200s) and the scenario\'s end (T+4500s)',
      ],
    });
  });
});
