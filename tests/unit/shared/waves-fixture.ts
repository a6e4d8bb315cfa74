import type { AuditEntry } from '../../../shared/domain/audit';
import type { Command } from '../../../shared/domain/commands';
import { type Doc, execute, openDoc } from '../../../shared/domain/history';
import { emptyWorkbook, type Workbook } from '../../../shared/schema/workbook';

// A small rollout for the rule tests, shaped like the checklist's own example: 5% held for
// 24 hours, then 25%, then 100%, promoted only while errors and support load stay inside their
// limits. Time is driven by the test: `at(h)` is h hours after T0.

export const T0 = Date.parse('2026-12-01T08:00:00.000Z');
export const HOUR = 3_600_000;
export const MIN = 60_000;
export const at = (ms: number) => new Date(T0 + ms).toISOString();
export const owner = { name: 'Amara Okafor', role: 'Rollout owner' };

export function seedWorkbook(): Workbook {
  const wb = emptyWorkbook('wb-seed', 'Seed example', at(-HOUR));
  const wave = (id: string, name: string, audiencePercent: number, holdHours: number) => ({
    id,
    name,
    audiencePercent,
    segment: { region: '', team: '', tenant: '' },
    holdHours,
    promotion: 'manual' as const,
    gates: ['sc-errors', 'sc-support'],
    metrics: [],
    state: 'planned' as const,
    startedAt: null,
    moves: [],
  });
  return {
    ...wb,
    success: {
      ...wb.success,
      outcomes: [],
      stopConditions: [
        {
          id: 'sc-errors',
          metric: 'Error rate',
          metricId: 'm-errors',
          comparator: '>',
          threshold: 1,
          unit: '%',
          windowMinutes: 60,
          action: 'rollback',
          callers: ['Incident commander'],
        },
        {
          id: 'sc-support',
          metric: 'Support tickets',
          metricId: 'm-support',
          comparator: '>',
          threshold: 10,
          unit: 'per hour',
          windowMinutes: 60,
          action: 'escalate',
          callers: ['Support lead'],
        },
      ],
    },
    waves: {
      waves: [
        wave('w1', 'Wave 1: 5%', 5, 24),
        wave('w2', 'Wave 2: 25%', 25, 24),
        wave('w3', 'Wave 3: 100%', 100, 0),
      ],
      metrics: [
        {
          id: 'm-errors',
          name: 'Error rate',
          unit: '%',
          kind: 'service',
          source: 'Grafana',
          staleAfterMinutes: 30,
          guardrailId: '',
        },
        {
          id: 'm-support',
          name: 'Support tickets',
          unit: 'per hour',
          kind: 'business',
          source: 'Helpdesk',
          staleAfterMinutes: 90,
          guardrailId: '',
        },
      ],
      readings: [],
      deployments: [],
      imports: [],
    },
  };
}

/** Drives the pure history like the host does: each command at its own time, its entry logged. */
export class Rollout {
  doc: Doc;
  readonly log: AuditEntry[] = [];
  private serial = 0;

  constructor(wb: Workbook = seedWorkbook()) {
    this.doc = openDoc(wb);
  }

  get wb(): Workbook {
    return this.doc.wb;
  }

  run(atMs: number, command: Command): void {
    const cmd = 'baseRevision' in command ? { ...command, baseRevision: this.wb.revision } : command;
    const done = execute(this.doc, cmd as Command, { who: owner, at: at(atMs) }, this.log);
    if (!done) return;
    this.doc = done.doc;
    this.log.push(done.entry);
  }

  move(atMs: number, waveId: string, to: string, override?: string): void {
    this.run(atMs, {
      type: 'wave.move',
      waveId,
      to: to as never,
      reason: `to ${to}`,
      baseRevision: 0,
      ...(override ? { override } : {}),
    });
  }

  /** Readings of one metric at the given offsets, entered just after each was taken. */
  read(waveId: string, metricId: string, points: [number, number][]): void {
    for (const [t, value] of points) {
      this.run(t + 1000, {
        type: 'wave.reading-add',
        id: `r-${++this.serial}`,
        waveId,
        metricId,
        at: at(t),
        value,
        source: '',
      });
    }
  }
}
