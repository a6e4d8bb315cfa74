import { type Architecture, PARITY_ASPECTS } from '../../../shared/areas/architecture/schema';
import type { Workbook } from '../../../shared/schema/workbook';
import { seedWorkbook } from './waves-fixture';

// The seed rollout (5% for 24 h, then 25%, then 100%) with a step 2 that is complete: staging
// checked against production on every aspect (one high-risk gap, mitigated), a kill switch
// tested, rollback steps rehearsed, wave 1 named as the canary, the blast radius stated. Tests
// break one thing at a time and check the rules name exactly that.

export function readyArchitecture(): Architecture {
  return {
    environments: [
      {
        id: 'env-prod',
        name: 'Production',
        role: 'production',
        region: 'EU',
        version: '2.0.0',
        deployedOn: '2026-11-28',
        notes: '',
      },
      {
        id: 'env-stage',
        name: 'Staging',
        role: 'pre-production',
        region: 'EU',
        version: '2.0.0',
        deployedOn: '2026-11-20',
        notes: '',
      },
    ],
    parity: PARITY_ASPECTS.map((aspect) => ({
      id: `p-${aspect}`,
      environmentId: 'env-stage',
      aspect,
      risk: aspect === 'data' ? ('high' as const) : ('none' as const),
      difference: aspect === 'data' ? 'Masked copy at a tenth of the volume' : '',
      mitigation: aspect === 'data' ? 'Replayed production volume on 18 Nov' : '',
    })),
    flags: [
      {
        id: 'f-1',
        key: 'new-checkout',
        controls: 'The new checkout',
        killSwitch: 'yes',
        testedOn: '2026-11-21',
        owner: 'Ops',
      },
    ],
    rollback: [
      {
        id: 'rb-app',
        component: 'Checkout service',
        artifact: 'checkout 1.9.3',
        migration: 'reversible',
        migrationPlan: 'Down migration 17',
        script: 'rollback.sh 1.9.3',
        runbook: '',
        rehearsedOn: '2026-11-22',
        rehearsal: 'passed',
        rehearsalNote: '',
      },
    ],
    delivery: { deployPath: 'CI builds once; the same image is promoted to production.', canaryWaveId: 'w1' },
    blastRadius: { audience: 'About 300 shoppers', regions: 'Ireland', tenants: '', firstWaveCap: 10 },
    inventories: [],
  };
}

export function readyWorkbook(): Workbook {
  const wb = seedWorkbook();
  return {
    ...wb,
    success: {
      ...wb.success,
      baseline: [{ id: 'bl-1', area: 'Checkout', baseline: 'Old checkout', expected: 'New checkout' }],
    },
    architecture: readyArchitecture(),
  };
}

/** A copy of the ready workbook with its architecture changed by `edit`. */
export function withArchitecture(edit: (a: Architecture) => void, wb = readyWorkbook()): Workbook {
  const a = structuredClone(wb.architecture);
  edit(a);
  return { ...wb, architecture: a };
}
