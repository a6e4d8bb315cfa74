import { defineArea } from '../types';
import { addScenarios } from './commands';
import { CorrectiveActionSchema, DrillsSchema, ScenarioSchema } from './schema';

// Checklist step 6, "exercise the plan": the scenario library the facilitator runs drills from,
// and the corrective actions drills leave behind, tracked until done. The live drill run (clock,
// fired injects, log) joins this area once the runbooks area has its timers and incidents.

export const drillsArea = defineArea({
  id: 'drills',
  nav: { label: 'Drills', title: 'Tabletop drills', step: 6 },
  schema: DrillsSchema,
  empty: () => ({ scenarios: [], correctiveActions: [] }),
  collections: {
    scenarios: { noun: 'scenario', schema: ScenarioSchema, label: (s) => s.name },
    correctiveActions: { noun: 'corrective action', schema: CorrectiveActionSchema, label: (a) => a.text },
  },
  commands: [addScenarios],
});
