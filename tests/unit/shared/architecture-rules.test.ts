import { describe, expect, it } from 'vitest';
import { canaryDefinition } from '../../../shared/areas/architecture/canary';
import { architectureEvidence } from '../../../shared/areas/architecture/evidence';
import { readiness } from '../../../shared/areas/architecture/readiness';
import { itemStatuses } from '../../../shared/areas/scorecard/verdict';
import type { Workbook } from '../../../shared/schema/workbook';
import { readyWorkbook, withArchitecture } from './architecture-fixture';
import { T0 } from './waves-fixture';

// The canary-definition and readiness rules on hand-worked cases: a complete step 2 is ready;
// each thing taken away is named, on the right path, and nothing else is.

const wave = (wb: Workbook, id: string) => wb.waves.waves.find((w) => w.id === id)!;
const withWave = (edit: (w: Workbook['waves']['waves'][number]) => void, wb = readyWorkbook()): Workbook => {
  const waves = structuredClone(wb.waves);
  edit(waves.waves[0]!);
  return { ...wb, waves };
};

describe('canary definition', () => {
  it('counts wave 1 as a defined canary when its size, signals, duration and promotion rule are set', () => {
    const c = canaryDefinition(readyWorkbook());
    expect(c.defined).toBe(true);
    expect(c.wave?.id).toBe('w1');
    expect(c.parts.map((p) => [p.key, p.ok, p.text])).toEqual([
      ['size', true, '5% of users.'],
      ['signals', true, 'Watches Error rate, Support tickets.'],
      ['duration', true, 'Holds at least 24 h before promotion.'],
      [
        'promotion',
        true,
        'A person promotes it once the hold is over and no gate trips: Error rate > 1% for 1 h; Support tickets > 10 per hour for 1 h.',
      ],
    ]);
    expect(c.missing).toEqual([]);
  });

  it('is not defined without a wave, or with a wave that was deleted', () => {
    expect(canaryDefinition(withArchitecture((a) => (a.delivery.canaryWaveId = ''))).missing).toEqual([
      'No wave is named as the canary.',
    ]);
    const gone = canaryDefinition(withArchitecture((a) => (a.delivery.canaryWaveId = 'w-gone')));
    expect(gone.defined).toBe(false);
    expect(gone.missing[0]).toContain('no longer exists (w-gone)');
  });

  it('names each part that is missing, and only that part', () => {
    const cases: [(w: Workbook['waves']['waves'][number]) => void, string][] = [
      [(w) => (w.audiencePercent = 0), 'Size: Wave 1: 5% reaches 0% of users, so it tests nothing.'],
      [(w) => (w.audiencePercent = 100), 'Size: Wave 1: 5% reaches everyone (100%), so it is not a canary.'],
      [
        (w) => (w.holdHours = 0),
        'Duration: Wave 1: 5% holds for 0 h, so it could be promoted the moment it starts.',
      ],
      [
        (w) => (w.gates = []),
        // Without gates it watches nothing either: both are named.
        'Health signals: Wave 1: 5% watches no metrics, so nothing says whether it is healthy.',
      ],
    ];
    for (const [edit, first] of cases) {
      const c = canaryDefinition(withWave(edit));
      expect(c.defined).toBe(false);
      expect(c.missing[0]).toBe(first);
    }
    const ungated = canaryDefinition(withWave((w) => (w.gates = [])));
    expect(ungated.missing).toEqual([
      'Health signals: Wave 1: 5% watches no metrics, so nothing says whether it is healthy.',
      'Promotion rule: No stop condition gates Wave 1: 5%, so nothing objective decides its promotion.',
    ]);
    // Watching a metric without a gate: signals are set, the promotion rule is not.
    const watched = canaryDefinition(
      withWave((w) => {
        w.gates = [];
        w.metrics = ['m-errors'];
      }),
    );
    expect(watched.parts.map((p) => p.ok)).toEqual([true, true, true, false]);
  });

  it('does not count a gate whose stop condition is deleted or not linked to a metric', () => {
    const base = readyWorkbook();
    const unlinked: Workbook = {
      ...base,
      success: {
        ...base.success,
        stopConditions: base.success.stopConditions.map((s) =>
          s.id === 'sc-support' ? { ...s, metricId: '' } : s,
        ),
      },
    };
    expect(canaryDefinition(unlinked).missing).toEqual([
      "Promotion rule: The gate 'Support tickets' is not linked to a metric.",
    ]);
    const deleted = withWave((w) => (w.gates = ['sc-errors', 'sc-gone']));
    expect(canaryDefinition(deleted).missing).toEqual([
      'Promotion rule: A gate names a stop condition that no longer exists (sc-gone).',
    ]);
  });

  it('reads what the wave holds, so an edit on the Waves screen changes the verdict', () => {
    const wb = withWave((w) => (w.promotion = 'auto'));
    expect(canaryDefinition(wb).parts[3]?.text).toMatch(/^Automatic once the hold is over/);
    expect(wave(wb, 'w1').promotion).toBe('auto');
  });
});

describe('readiness of the deployment path, the rollback path and the exposure controls', () => {
  it('is ready when all three are documented and rehearsed', () => {
    const r = readiness(readyWorkbook());
    expect(r.ready).toBe(true);
    expect(r.missing).toEqual([]);
    expect(r.paths.map((p) => [p.key, p.documented, p.rehearsed])).toEqual([
      ['deploy', true, true],
      ['rollback', true, true],
      ['exposure', true, true],
    ]);
  });

  const cases: [string, (a: ReturnType<typeof readyWorkbook>['architecture']) => void, string[]][] = [
    [
      'no production environment',
      (a) => (a.environments[0]!.role = 'test'),
      ['Deployment path: No production environment is listed.'],
    ],
    [
      'no pre-production environment',
      (a) => (a.environments[1]!.role = 'development'),
      ['Deployment path: No pre-production environment to rehearse the release in.'],
    ],
    [
      'no written path',
      (a) => (a.delivery.deployPath = ' '),
      ['Deployment path: How a release reaches production is not written down.'],
    ],
    [
      'two aspects never checked',
      (a) => (a.parity = a.parity.filter((p) => p.aspect !== 'scale' && p.aspect !== 'access')),
      [
        'Deployment path: Staging: parity with production not checked for identity and access, traffic and scale.',
      ],
    ],
    [
      'a high-risk gap without a mitigation',
      (a) => (a.parity.find((p) => p.aspect === 'data')!.mitigation = ''),
      [
        'Deployment path: Staging: the high-risk difference in data (volume, shape, masking) has no mitigation.',
      ],
    ],
    [
      'staging never deployed',
      (a) => (a.environments[1]!.deployedOn = ''),
      ['Deployment path: The release has not been deployed to Staging (no release and date recorded).'],
    ],
    ['no rollback steps', (a) => (a.rollback = []), ['Rollback path: No rollback steps are written down.']],
    [
      'no artifact',
      (a) => (a.rollback[0]!.artifact = ''),
      ['Rollback path: Checkout service: no versioned artifact to return to.'],
    ],
    [
      'no script and no runbook',
      (a) => (a.rollback[0]!.script = ''),
      ['Rollback path: Checkout service: no rollback script or runbook.'],
    ],
    [
      'an irreversible migration with no data plan',
      (a) => Object.assign(a.rollback[0]!, { migration: 'irreversible', migrationPlan: '' }),
      [
        'Rollback path: Checkout service: its migration cannot be reversed and no data plan says what happens instead.',
      ],
    ],
    [
      'never rehearsed',
      (a) => Object.assign(a.rollback[0]!, { rehearsal: '', rehearsedOn: '' }),
      ['Rollback path: Checkout service: never rehearsed.'],
    ],
    [
      'a failed rehearsal',
      (a) => (a.rollback[0]!.rehearsal = 'failed'),
      ['Rollback path: Checkout service: the last rehearsal (2026-11-22) failed.'],
    ],
    [
      'no canary',
      (a) => (a.delivery.canaryWaveId = ''),
      ['Exposure controls: Canary — No wave is named as the canary.'],
    ],
    [
      'a blast radius with no audience and no place',
      (a) => Object.assign(a.blastRadius, { audience: '', regions: '' }),
      [
        'Exposure controls: The blast radius does not say who is affected.',
        'Exposure controls: The blast radius names no regions or tenants.',
      ],
    ],
    [
      'no first-wave cap',
      (a) => (a.blastRadius.firstWaveCap = null),
      ['Exposure controls: No cap on how much of the audience a first wave may reach.'],
    ],
    [
      'a first wave over the cap',
      (a) => (a.blastRadius.firstWaveCap = 2),
      ['Exposure controls: Wave 1: 5% reaches 5%, over the 2% first-wave cap.'],
    ],
    [
      'no kill switch',
      (a) => (a.flags[0]!.killSwitch = 'no'),
      ['Exposure controls: No feature flag can switch the change off without a deploy.'],
    ],
    [
      'a kill switch never tested',
      (a) => (a.flags[0]!.testedOn = ''),
      ['Exposure controls: The kill switch new-checkout has never been tested.'],
    ],
  ];

  for (const [what, edit, missing] of cases) {
    it(`names ${what}, and nothing else`, () => {
      const r = readiness(withArchitecture(edit));
      expect(r.ready).toBe(false);
      expect(r.missing).toEqual(missing);
    });
  }

  it('tells a gap in the writing from a gap in the rehearsal', () => {
    const r = readiness(withArchitecture((a) => (a.rollback[0]!.rehearsal = 'failed')));
    const rollback = r.paths.find((p) => p.key === 'rollback')!;
    expect([rollback.documented, rollback.rehearsed]).toEqual([true, false]);
    const none = readiness(withArchitecture((a) => (a.rollback = [])));
    expect(none.paths.find((p) => p.key === 'rollback')!.documented).toBe(false);
  });
});

describe('what the architecture area tells the scorecard (check "baseline")', () => {
  const evidence = (wb: Workbook) => architectureEvidence(wb, { waveId: 'w1', now: T0 })[0]!;

  it('is green when ready, amber when only a rehearsal is missing, red when something is not written down', () => {
    expect(evidence(readyWorkbook())).toMatchObject({
      check: 'baseline',
      status: 'green',
      from: 'architecture',
    });
    const untested = evidence(withArchitecture((a) => (a.flags[0]!.testedOn = '')));
    expect(untested).toMatchObject({
      status: 'amber',
      summary: 'Documented, but not rehearsed: exposure controls.',
    });
    expect(untested.details).toEqual([
      'Exposure controls: The kill switch new-checkout has never been tested.',
    ]);
    const red = evidence(
      withArchitecture((a) => {
        a.rollback = [];
        a.delivery.deployPath = '';
      }),
    );
    expect(red).toMatchObject({
      status: 'red',
      summary: 'Not documented yet: deployment path, rollback path.',
    });
  });

  it('holds back green while step 1 records no baseline configuration', () => {
    const wb = readyWorkbook();
    const bare = { ...wb, success: { ...wb.success, baseline: [] } };
    expect(evidence(bare)).toMatchObject({ status: 'amber' });
    expect(evidence(bare).summary).toContain('no current-state baseline');
  });

  it('is what a scorecard check following the evidence shows', () => {
    const wb = withArchitecture((a) => (a.rollback[0]!.rehearsal = 'failed'));
    const item = {
      id: 'go-baseline',
      label: 'Baseline and change controls',
      owner: '',
      check: 'baseline' as const,
    };
    const withItem: Workbook = { ...wb, scorecard: { items: [item], assessments: [], polls: [] } };
    const [status] = itemStatuses(withItem, 'w1', T0);
    expect(status).toMatchObject({ status: 'amber', follows: true });
    expect(status?.evidence?.details).toEqual([
      'Rollback path: Checkout service: the last rehearsal (2026-11-22) failed.',
    ]);
  });
});
