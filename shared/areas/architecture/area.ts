import { defineArea } from '../types';
import { importInventory, removeInventory, setBlastRadius, setDelivery } from './commands';
import { architectureEvidence } from './evidence';
import { ASPECT_LABEL } from './readiness';
import {
  ArchitectureSchema,
  EnvironmentSchema,
  emptyArchitecture,
  FlagSchema,
  ParityCheckSchema,
  RollbackStepSchema,
} from './schema';

// Checklist step 2: a rollout architecture, not just a release plan. Environments and their
// parity with production, the delivery strategy (flags, the canary, the rings of step 5's
// waves), rollback mechanics, the blast radius and the dependency inventory from SBOMs; its
// readiness feeds the scorecard's "baseline configs and change controls are documented".

export const architectureArea = defineArea({
  id: 'architecture',
  nav: { label: 'Architecture', title: 'Rollout architecture', step: 2 },
  schema: ArchitectureSchema,
  empty: emptyArchitecture,
  collections: {
    environments: { noun: 'environment', schema: EnvironmentSchema, label: (e) => e.name },
    parity: {
      noun: 'parity check',
      schema: ParityCheckSchema,
      label: (p) => ASPECT_LABEL[p.aspect],
    },
    flags: { noun: 'feature flag', schema: FlagSchema, label: (f) => f.key },
    rollback: { noun: 'rollback step', schema: RollbackStepSchema, label: (r) => r.component },
  },
  commands: [setDelivery, setBlastRadius, importInventory, removeInventory],
  evidence: architectureEvidence,
});
