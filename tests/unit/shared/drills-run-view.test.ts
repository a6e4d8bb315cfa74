import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startClock } from '../../../shared/areas/drills/clock';
import type { DrillRun } from '../../../shared/areas/drills/run-schema';
import { participantView } from '../../../shared/areas/drills/run-view';
import type { Scenario } from '../../../shared/areas/drills/schema';

// The participants' screen is built from participantView: whatever a run holds, the view carries
// the fired injects and played cards (title, detail, recipients), the clock and the question, and
// not one expected action or unfired inject, anywhere in it.

const scenario: Scenario = JSON.parse(
  readFileSync('resources/scenarios/permissions-outage.scenario.json', 'utf8'),
).scenario;
const T0 = Date.parse('2026-12-01T10:00:00.000Z');

const run: DrillRun = {
  id: 'd1',
  scenario,
  incidentId: 'd1-inc',
  facilitator: 'Fay',
  clock: startClock(T0, 60),
  endedAt: null,
  fired: [
    { injectId: 'inj-1', drillMs: 0, wallMs: T0, how: 'scheduled' },
    { injectId: 'card-1', drillMs: 60_000, wallMs: T0 + 1000, how: 'card' },
  ],
  cards: [
    { id: 'card-1', title: 'The CFO calls', detail: 'Are invoices affected?', recipients: ['Commander'] },
    { id: 'card-2', title: 'Unplayed card', detail: 'secret', recipients: [] },
  ],
  questionIndex: 1,
  log: [],
  scores: [],
  strengths: [],
  improvements: [],
  questionnaire: [],
  reportFinal: false,
};

describe('participantView', () => {
  it('shows the fired injects and played cards, the clock and the question, and nothing else', () => {
    const view = participantView(run, T0 + 2000);
    expect(view.fired.map((f) => f.id)).toEqual(['card-1', 'inj-1']);
    expect(view.drillMs).toBe(120_000);
    expect(view.question).toBe(scenario.questions[1]);
    const all = JSON.stringify(view);
    for (const i of scenario.injects) for (const e of i.expected) expect(all).not.toContain(e.text);
    for (const i of scenario.injects.slice(1)) expect(all).not.toContain(i.title);
    expect(all).not.toContain('Unplayed card');
    expect(all).not.toContain('exp-');
  });
});
