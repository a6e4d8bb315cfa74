import { defineArea } from '../types';
import { addKpiReading, importFeedback, setKpiTarget, startPilot } from './commands';
import { pilotEvidence } from './evidence';
import { FeedbackSchema, KpiSchema, PilotGroupSchema, PilotSchema, UpdateSchema } from './schema';

// Checklist step 4: a controlled slice of reality before wider exposure.

export const pilotArea = defineArea({
  id: 'pilot',
  nav: { label: 'Pilot', title: 'Pilot', step: 4 },
  schema: PilotSchema,
  empty: () => ({ startedAt: null, groups: [], feedback: [], kpis: [], updates: [] }),
  collections: {
    groups: { noun: 'pilot group', schema: PilotGroupSchema, label: (g) => g.name },
    feedback: {
      noun: 'feedback item',
      schema: FeedbackSchema,
      label: (f) => f.title,
      managed: { fields: ['batch'], initial: { batch: '' } },
    },
    kpis: {
      noun: 'pilot KPI',
      schema: KpiSchema,
      label: (k) => k.name,
      // Moved only by pilot.kpi-target (which records a move after the start) and pilot.kpi-reading.
      managed: {
        fields: ['target', 'readings', 'targetChanges'],
        initial: { readings: [], targetChanges: [] },
      },
    },
    updates: { noun: '“you said, we did” update', schema: UpdateSchema, label: (u) => u.audience },
  },
  commands: [startPilot, setKpiTarget, addKpiReading, importFeedback],
  evidence: pilotEvidence,
});
