import { readFileSync } from 'node:fs';
import { type DrillRun, DrillRunSchema } from '../../../shared/areas/drills/run-schema';
import { ScenarioSchema } from '../../../shared/areas/drills/schema';

// A finished run of the library's permissions-outage drill, hand-written: started at 09:00 UTC
// at 1×, so wall time = T0 + drill time. Expected actions (by, objective): exp-1a T+10:00
// detect, exp-1b T+15:00 detect, exp-2a T+20:00 rollback, exp-2b T+25:00 comms, exp-3a T+35:00
// comms, exp-4a T+45:00 rollback, exp-4b T+55:00 rollback. Injects 1–3 fired; the drill ended
// at T+40:00, before inject 4 (T+40:00 exactly is not fired here).

export const RUN_T0 = Date.parse('2026-12-01T09:00:00.000Z');
export const HOSTILE = '<img src=x onerror=alert(1)>';

export const permissionsScenario = () =>
  ScenarioSchema.parse(
    JSON.parse(readFileSync('resources/scenarios/permissions-outage.scenario.json', 'utf8')).scenario,
  );

const log = (
  id: string,
  sec: number,
  kind: string,
  expectedId = '',
  decision = '',
  text = '',
  who = 'Ana',
) => ({
  id,
  kind,
  drillMs: sec * 1000,
  wallMs: RUN_T0 + sec * 1000,
  who,
  text,
  expectedId,
  decision,
});

export function finishedRun(overrides: Partial<DrillRun> = {}): DrillRun {
  return DrillRunSchema.parse({
    id: 'drun-1',
    scenario: permissionsScenario(),
    incidentId: 'drun-1-inc',
    facilitator: 'Ines Moreau',
    clock: { t0Wall: RUN_T0, speed: 1, pausedAt: null },
    endedAt: RUN_T0 + 2400_000,
    fired: [
      { injectId: 'inj-1', drillMs: 0, wallMs: RUN_T0, how: 'scheduled' },
      { injectId: 'inj-2', drillMs: 900_000, wallMs: RUN_T0 + 900_000, how: 'scheduled' },
      { injectId: 'inj-3', drillMs: 1_800_000, wallMs: RUN_T0 + 1_800_000, how: 'jump' },
    ],
    cards: [],
    questionIndex: -1,
    log: [
      log('l1', 420, 'detected', 'exp-1a', '', 'Tickets point at the role mapping'),
      log('l2', 960, 'action', 'exp-1b', '', 'Access-denied rate checked: 4.2%'),
      log('l3', 1200, 'action', 'exp-2a', '', 'Waves paused'),
      log('l4', 1500, 'decision', '', 'rollback', 'Roll wave 2 back', 'Ines Moreau'),
      log('l5', 1740, 'comms', 'exp-2b', '', 'First update to sales leads', 'Chloé'),
    ],
    scores: [],
    strengths: [],
    improvements: [],
    questionnaire: [],
    reportFinal: false,
    ...overrides,
  });
}
