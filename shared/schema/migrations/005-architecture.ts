import type { Migration, RawDoc } from './types';

// Version 6 gives step 2 its content: environments and their parity checklists, feature flags,
// rollback steps, the delivery strategy (how a release reaches production, which wave is the
// canary), the blast radius and the dependency inventories imported from SBOMs. Version 5 kept
// an empty architecture section (its waves had moved to step 5 in version 4), so every list
// starts empty and nothing existing changes. Self-contained: a migration must not change with
// the code.

type Obj = Record<string, unknown>;

export const migration005: Migration = {
  from: 5,
  name: '005-architecture',
  up(doc, fail) {
    const section = doc.architecture;
    if (typeof section !== 'object' || section === null || Array.isArray(section)) {
      fail('architecture', 'a version 5 workbook has an architecture section (an object)');
    }
    const extra = Object.keys(section as Obj);
    if (extra.length > 0) {
      fail('architecture', `a version 5 architecture section is empty, but this one has ${extra.join(', ')}`);
    }
    return {
      ...doc,
      architecture: {
        environments: [],
        parity: [],
        flags: [],
        rollback: [],
        delivery: { deployPath: '', canaryWaveId: '' },
        blastRadius: { audience: '', regions: '', tenants: '', firstWaveCap: null },
        inventories: [],
      },
    } satisfies RawDoc;
  },
};
