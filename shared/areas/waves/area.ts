import { defineArea } from '../types';
import { addReading, moveWave, removeReading } from './commands';
import { importDeployments, importIncidents } from './dora-import-commands';
import { wavesEvidenceProvider } from './evidence';
import { importReadings, takeBackImport } from './import-commands';
import { DeploymentSchema, MetricSchema, WaveSchema, WavesSchema } from './schema';

// Checklist step 5: launch in controlled waves, promoted by objective signals.

export const wavesArea = defineArea({
  id: 'waves',
  nav: { label: 'Waves & Signals', title: 'Waves & signals', step: 5 },
  schema: WavesSchema,
  empty: () => ({ waves: [], metrics: [], readings: [], deployments: [], imports: [] }),
  collections: {
    waves: {
      noun: 'wave',
      schema: WaveSchema,
      label: (w) => w.name,
      // A wave's state and its story change only through wave.move, which enforces the rules.
      managed: {
        fields: ['state', 'startedAt', 'moves'],
        initial: { state: 'planned', startedAt: null, moves: [] },
      },
    },
    metrics: { noun: 'metric', schema: MetricSchema, label: (m) => m.name },
    deployments: {
      noun: 'deployment',
      schema: DeploymentSchema,
      label: (d) => [d.service, d.version].filter(Boolean).join(' ') || d.ref || d.id,
      // Set by the import that brought it in; never typed.
      managed: { fields: ['batch'], initial: { batch: '' } },
    },
  },
  commands: [
    moveWave,
    addReading,
    removeReading,
    importReadings,
    importDeployments,
    importIncidents,
    takeBackImport,
  ],
  evidence: wavesEvidenceProvider,
});
