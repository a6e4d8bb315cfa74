import { defineArea } from '../types';
import { addScenarios } from './commands';
import { REVIEW_COMMANDS } from './review-commands';
import {
  controlClock,
  createRun,
  finishDrill,
  fireDue,
  fireInject,
  jumpDrill,
  startDrill,
} from './run-commands';
import { logAction, playCard, setQuestion, writeCard } from './run-log';
import { DrillRunSchema, DrillsSchema } from './run-schema';
import { CorrectiveActionSchema, ScenarioSchema } from './schema';

// Checklist step 6, "exercise the plan": the scenario library the facilitator runs drills from,
// the runs made from it (clock, fired injects, log, scores), and the corrective actions drills
// leave behind, tracked until done.

export const drillsArea = defineArea({
  id: 'drills',
  nav: { label: 'Drills', title: 'Tabletop drills', step: 6 },
  schema: DrillsSchema,
  empty: () => ({ scenarios: [], runs: [], correctiveActions: [] }),
  collections: {
    scenarios: { noun: 'scenario', schema: ScenarioSchema, label: (s) => s.name },
    runs: { noun: 'drill run', schema: DrillRunSchema, label: (r) => r.scenario.name },
    correctiveActions: { noun: 'corrective action', schema: CorrectiveActionSchema, label: (a) => a.text },
  },
  commands: [
    addScenarios,
    createRun,
    startDrill,
    controlClock,
    jumpDrill,
    fireInject,
    fireDue,
    finishDrill,
    writeCard,
    playCard,
    setQuestion,
    logAction,
    ...REVIEW_COMMANDS,
  ],
});
