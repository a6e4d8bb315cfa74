import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../shared/areas/runbooks/schema';
import { fourKeys, overallScope, waveScope } from '../../../shared/areas/waves/dora';
import { frequencyLabel, hoursLabel, rateLabel } from '../../../shared/areas/waves/dora-buckets';
import type { Deployment } from '../../../shared/areas/waves/schema';
import type { Workbook } from '../../../shared/schema/workbook';
import { seedWorkbook } from './waves-fixture';

// The four keys on records worked out by hand, against the Four Keys definitions.

const NOW = Date.parse('2026-11-20T12:00:00Z');

function deployment(
  id: string,
  at: string,
  changes: [string, string][] = [],
  extra: Partial<Deployment> = {},
): Deployment {
  return {
    id,
    ref: '',
    at,
    service: 'sales-api',
    version: id,
    status: 'success',
    waveId: '',
    changes: changes.map(([ref, committedAt]) => ({ ref, committedAt })),
    batch: '',
    ...extra,
  };
}

function incident(
  id: string,
  openedAt: string,
  resolvedAt: string | null,
  extra: Partial<Incident> = {},
): Incident {
  return {
    id,
    ref: '',
    title: `Incident ${id}`,
    severity: 'SEV2',
    drill: false,
    openedAt,
    resolvedAt,
    waveId: '',
    deploymentIds: [],
    changeRefs: [],
    batch: '',
    roles: [],
    timeline: [],
    ...extra,
  };
}

function workbook(deployments: Deployment[], incidents: Incident[] = []): Workbook {
  const wb = seedWorkbook();
  return { ...wb, waves: { ...wb.waves, deployments }, runbooks: { ...wb.runbooks, incidents } };
}

const figure = (wb: Workbook, key: string) => fourKeys(wb, overallScope(NOW)).find((f) => f.key === key)!;

describe('lead time for changes', () => {
  it('is the median of deploy − commit per change, dropping non-positive ones as automated pushes', () => {
    const wb = workbook([
      deployment('d1', '2026-11-19T12:00:00Z', [
        ['c1', '2026-11-19T10:00:00Z'], // 120 min
        ['c2', '2026-11-19T11:00:00Z'], // 60 min
        ['c3', '2026-11-19T12:30:00Z'], // −30: dropped
        ['c4', '2026-11-19T06:00:00Z'], // 360 min
      ]),
    ]);
    const lead = figure(wb, 'leadTime');
    expect(lead.raw).toBe(120);
    expect(lead.value).toBe('2 h');
    expect(lead).toMatchObject({ fourKeys: 'One day', bucket: 'elite' });
    expect(lead.records.map((r) => r.counted)).toEqual([true, true, false, true]);
    expect(lead.records[2]!.contributes).toMatch(/automated push/);
  });

  it('takes the mean of the middle two for an even count, and ignores failed deployments', () => {
    const wb = workbook([
      deployment('d1', '2026-11-19T12:00:00Z', [['c1', '2026-11-19T11:00:00Z']]),
      deployment('d2', '2026-11-18T12:00:00Z', [['c2', '2026-11-18T10:00:00Z']]),
      deployment('d3', '2026-11-17T12:00:00Z', [['c3', '2026-11-10T10:00:00Z']], { status: 'failure' }),
    ]);
    expect(figure(wb, 'leadTime').raw).toBe(90);
  });

  it('names what is missing when no deployment lists its changes', () => {
    const lead = figure(workbook([deployment('d1', '2026-11-19T12:00:00Z')]), 'leadTime');
    expect(lead.value).toBeNull();
    expect(lead.explanation).toBe('No deployment lists the changes it shipped, with their commit times.');
  });
});

describe('change failure rate', () => {
  it('counts deployment/change rows joined to an incident, so it can pass 100 %', () => {
    const wb = workbook(
      [
        deployment('d1', '2026-11-19T12:00:00Z', [
          ['c1', '2026-11-19T10:00:00Z'],
          ['c2', '2026-11-19T10:00:00Z'],
          ['c3', '2026-11-19T10:00:00Z'],
        ]),
        deployment('d2', '2026-11-18T12:00:00Z', [['c4', '2026-11-18T10:00:00Z']]),
      ],
      [incident('i1', '2026-11-19T13:00:00Z', '2026-11-19T15:00:00Z', { changeRefs: ['c1', 'c2', 'c3'] })],
    );
    const cfr = figure(wb, 'changeFailureRate');
    expect(cfr.raw).toBe(1.5);
    expect(cfr.value).toBe('150 %');
    expect(cfr).toMatchObject({ fourKeys: '46-60%', bucket: 'low' });
    expect(cfr.explanation).toBe(
      '1 of 2 deployments led to an incident; Four Keys counts 3 failing change rows over 2, which is how a rate goes over 100 %.',
    );
  });

  it('counts an incident linked to a deployment by id once, and never a drill', () => {
    const wb = workbook(
      [
        deployment('d1', '2026-11-19T12:00:00Z'),
        deployment('d2', '2026-11-18T12:00:00Z'),
        deployment('d3', '2026-11-17T12:00:00Z'),
        deployment('d4', '2026-11-16T12:00:00Z'),
      ],
      [
        incident('i1', '2026-11-19T13:00:00Z', null, { deploymentIds: ['d1'] }),
        incident('i2', '2026-11-18T13:00:00Z', null, { deploymentIds: ['d2'], drill: true }),
      ],
    );
    const cfr = figure(wb, 'changeFailureRate');
    expect(cfr.raw).toBe(0.25);
    expect(cfr).toMatchObject({ value: '25 %', fourKeys: '16-45%', bucket: 'medium' });
  });
});

describe('time to restore service', () => {
  it('takes whole hours per incident (Four Keys truncates), across midnight, leaving open ones out', () => {
    const wb = workbook(
      [],
      [
        incident('i1', '2026-11-18T23:10:00Z', '2026-11-19T01:40:00Z'), // 2 h 30 min → 2
        incident('i2', '2026-11-19T22:00:00Z', '2026-11-19T22:59:00Z'), // 59 min → 0
        incident('i3', '2026-11-20T09:00:00Z', null),
      ],
    );
    const ttr = figure(wb, 'timeToRestore');
    expect(ttr.raw).toBe(1);
    expect(ttr.value).toBe('1 h 44 min'); // the exact median: (150 + 59) / 2 minutes
    expect(ttr).toMatchObject({ fourKeys: 'One day', bucket: 'elite' });
    expect(ttr.records.map((r) => [r.id, r.counted, r.contributes])).toEqual([
      ['i1', true, 'restored in 2 h 30 min'],
      ['i2', true, 'restored in 59 min'],
      ['i3', false, 'still open: not counted'],
    ]);
  });
});

describe('deployment frequency', () => {
  const day = (n: number, h = 10) =>
    Date.parse(`2026-11-${String(n).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00Z`);

  it('is Daily when the median week has deployments on three days or more', () => {
    // Sun 1 – Sat 14 November 2026: two whole weeks, deployments on 4 and 3 days.
    const times = [day(2), day(3), day(3, 15), day(5), day(6), day(9), day(11), day(13)];
    expect(frequencyLabel(times, day(1, 0), day(14, 23)).label).toBe('Daily');
  });

  it('is Weekly when the median week has one, Monthly when the median month has one', () => {
    expect(frequencyLabel([day(3), day(10)], day(1, 0), day(14, 23)).label).toBe('Weekly');
    // One a month over 90 days (four calendar months touched, the last without one).
    const from = Date.parse('2026-09-02T00:00:00Z');
    const to = Date.parse('2026-12-01T00:00:00Z');
    const monthly = ['2026-09-15', '2026-10-15', '2026-11-15'].map((d) => Date.parse(`${d}T10:00:00Z`));
    expect(frequencyLabel(monthly, from, to).label).toBe('Monthly');
    expect(frequencyLabel([Date.parse('2026-10-15T10:00:00Z')], from, to).label).toBe('Yearly');
  });

  it('says there is no figure without a successful deployment', () => {
    const f = figure(
      workbook([deployment('d1', '2026-11-19T12:00:00Z', [], { status: 'failure' })]),
      'frequency',
    );
    expect(f.value).toBeNull();
    expect(f.explanation).toBe('No successful deployment in these 90 days.');
  });
});

describe('buckets and scopes', () => {
  it('uses the Four Keys boundaries', () => {
    expect([23.9, 24, 167.9, 168, 729, 730, 4379, 4380].map(hoursLabel)).toEqual([
      'One day',
      'One week',
      'One week',
      'One month',
      'One month',
      'Six months',
      'Six months',
      'One year',
    ]);
    expect([0, 0.15, 0.151, 0.45, 0.46, 2].map(rateLabel)).toEqual([
      '0-15%',
      '0-15%',
      '16-45%',
      '16-45%',
      '46-60%',
      '46-60%',
    ]);
  });

  it('gives a wave the deployments that name it, or name none and happened while it ran', () => {
    const base = workbook([
      deployment('named', '2026-11-01T12:00:00Z', [], { waveId: 'w1' }),
      deployment('during', '2026-11-19T12:00:00Z'),
      deployment('other', '2026-11-19T13:00:00Z', [], { waveId: 'w2' }),
      deployment('before', '2026-11-10T12:00:00Z'),
    ]);
    const w1 = { ...base.waves.waves[0]!, state: 'live' as const, startedAt: '2026-11-18T00:00:00Z' };
    const scope = waveScope(w1, NOW)!;
    const freq = fourKeys(base, scope).find((f) => f.key === 'frequency')!;
    expect(freq.records.map((r) => r.id)).toEqual(['named', 'during']);
    expect(waveScope({ ...w1, startedAt: null }, NOW)).toBeNull();
  });
});
