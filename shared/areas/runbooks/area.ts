import { defineArea } from '../types';
import { runbooksEvidence } from './evidence';
import { correctEntry, handOver, logEntry, markSent } from './incident-commands';
import { finishRun, moveStep, removeStep, runStep, saveStep, startRun } from './runbook-commands';
import { CadenceSchema, IncidentSchema, RunbookSchema, RunbooksSchema, TemplateSchema } from './schema';
import { importTimeline } from './timeline-import';
import { controlTimer, expireTimers, rebaseTimers } from './timer-commands';

// Checklist step 6: runbooks and their runs, the timers the host keeps, incidents with their
// timeline, and the comms sent during them. Runs and timers are written only by commands.

export const runbooksArea = defineArea({
  id: 'runbooks',
  nav: { label: 'Runbooks & incidents', title: 'Runbooks & incidents', step: 6 },
  schema: RunbooksSchema,
  empty: () => ({ incidents: [], runbooks: [], runs: [], timers: [], templates: [], cadence: [] }),
  collections: {
    incidents: {
      noun: 'incident',
      schema: IncidentSchema,
      label: (i) => i.title,
      managed: { fields: ['batch', 'roles', 'timeline'], initial: { batch: '', roles: [], timeline: [] } },
    },
    runbooks: {
      noun: 'runbook',
      schema: RunbookSchema,
      label: (r) => r.name,
      managed: { fields: ['steps'], initial: { steps: [] } },
    },
    templates: { noun: 'comms template', schema: TemplateSchema, label: (t) => t.name },
    cadence: { noun: 'comms cadence rule', schema: CadenceSchema, label: (c) => `${c.severity} cadence` },
  },
  commands: [
    saveStep,
    moveStep,
    removeStep,
    startRun,
    runStep,
    finishRun,
    controlTimer,
    expireTimers,
    rebaseTimers,
    logEntry,
    correctEntry,
    handOver,
    markSent,
    importTimeline,
  ],
  evidence: runbooksEvidence,
});
