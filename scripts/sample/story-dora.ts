import type { Identity } from '../../shared/domain/identity';
import { amara, chapter, DAY, dmitri, END, HOUR, jun, MIN } from './cast';

// The delivery record behind the rollout: the Compass sync service, the Sales API and the quote
// service shipped about twice a week for three months, one wave-1 deployment broke quote PDFs for three hours across
// midnight, a tabletop drill was logged (and never counts), and the wave-2 deployment that went
// out with the field-sales switch is the one whose 5xx rate is breaching now.

interface Release {
  id: string;
  offset: number;
  service: string;
  version: string;
  /** Hours before the deployment each change was committed. */
  changes: number[];
  status?: 'success' | 'failure';
  waveId?: string;
  who: Identity;
}

/** Routine releases, about two a week for three months, alternating services. */
const routine: Release[] = Array.from({ length: 24 }, (_, k) => {
  const service = ['compass-sync', 'sales-api', 'quote-service'][k % 3]!;
  return {
    id: `dep-r${String(k).padStart(2, '0')}`,
    offset: -88 * DAY + Math.round(k * 3.4 * DAY) + (k % 4) * HOUR,
    service,
    version: `${service === 'sales-api' ? 4 : 1}.${Math.floor(k / 3)}.${k % 3}`,
    changes: [6 + ((k * 7) % 40), 2 + ((k * 5) % 9)].slice(0, 1 + (k % 2)),
    // One of them failed its own deploy step and was redeployed the same afternoon.
    ...(k === 9 ? { status: 'failure' as const } : {}),
    who: jun,
  };
});

const releases: Release[] = [
  ...routine,
  {
    id: 'dep-api-413',
    offset: -57 * DAY + 3 * HOUR,
    service: 'sales-api',
    version: '4.1.3',
    changes: [5, 4],
    who: jun,
  },
  {
    id: 'dep-sync-140',
    offset: -12 * DAY,
    service: 'compass-sync',
    version: '1.4.0',
    changes: [70, 44, 12],
    who: jun,
  },
  {
    id: 'dep-quote-142',
    offset: -50 * HOUR - 30 * MIN,
    service: 'quote-service',
    version: '1.4.2',
    changes: [18, 15],
    waveId: 'wave-1',
    who: jun,
  },
  {
    id: 'dep-api-421',
    offset: -3 * HOUR - 20 * MIN,
    service: 'sales-api',
    version: '4.2.1',
    changes: [20, 2],
    waveId: 'wave-2',
    who: jun,
  },
];

const sha = (id: string, k: number) => `${id.replace('dep-', '').replace(/-/g, '')}${k}f3a9`.slice(0, 10);

export const DORA_CHAPTER = chapter((at) => {
  for (const r of releases) {
    at(r.offset + MIN, r.who, {
      type: 'item.add',
      collection: 'waves.deployments',
      item: {
        id: r.id,
        ref: `pipeline-${r.id.replace('dep-', '')}`,
        at: new Date(END + r.offset).toISOString(),
        service: r.service,
        version: r.version,
        status: r.status ?? 'success',
        waveId: r.waveId ?? '',
        changes: r.changes.map((hours, k) => ({
          ref: sha(r.id, k),
          committedAt: new Date(END + r.offset - hours * HOUR).toISOString(),
        })),
      },
    });
  }
  // A wave-1 deployment broke quote PDFs late in the evening; restored after midnight.
  at(-46 * HOUR + 10 * MIN, dmitri, {
    type: 'item.add',
    collection: 'runbooks.incidents',
    item: {
      id: 'inc-quote-pdf',
      ref: 'PD-4411',
      title: 'Quote PDFs time out for baskets over 40 lines',
      severity: 'SEV2',
      drill: false,
      openedAt: new Date(END - 46 * HOUR).toISOString(),
      resolvedAt: new Date(END - 43 * HOUR + 5 * MIN).toISOString(),
      waveId: 'wave-1',
      deploymentIds: ['dep-quote-142'],
      changeRefs: [sha('dep-quote-142', 1)],
    },
  });
  // A sync lag earlier in the month, traced to one change of compass-sync 1.4.0.
  at(-11 * DAY, jun, {
    type: 'item.add',
    collection: 'runbooks.incidents',
    item: {
      id: 'inc-sync-lag',
      ref: 'PD-4302',
      title: 'ERP order sync over an hour behind',
      severity: 'SEV3',
      drill: false,
      openedAt: new Date(END - 11 * DAY - 40 * MIN).toISOString(),
      resolvedAt: new Date(END - 11 * DAY + 50 * MIN).toISOString(),
      waveId: '',
      deploymentIds: [],
      changeRefs: [sha('dep-sync-140', 2)],
    },
  });
  // The rehearsal of the rollback runbook: logged as a drill, never counted.
  at(-9 * DAY, amara, {
    type: 'item.add',
    collection: 'runbooks.incidents',
    item: {
      id: 'inc-drill-rollback',
      ref: '',
      title: 'Tabletop: Compass unreachable during wave 1',
      severity: 'SEV1',
      drill: true,
      openedAt: new Date(END - 9 * DAY - 2 * HOUR).toISOString(),
      resolvedAt: new Date(END - 9 * DAY - 1 * HOUR - 42 * MIN).toISOString(),
      waveId: '',
      deploymentIds: [],
      changeRefs: [],
    },
  });
  // Now: the 5xx rate of wave 2 is over its stop condition; the incident is open.
  at(-12 * MIN, dmitri, {
    type: 'item.add',
    collection: 'runbooks.incidents',
    item: {
      id: 'inc-api-5xx',
      ref: 'PD-4460',
      title: 'Sales API 5xx above 2% for UK and Ireland',
      severity: 'SEV2',
      drill: false,
      openedAt: new Date(END - 14 * MIN).toISOString(),
      resolvedAt: null,
      waveId: 'wave-2',
      deploymentIds: ['dep-api-421'],
      changeRefs: [],
    },
  });
});
