import type { WindowClient } from '../support/window-client';

// The exports the CSV import benchmark (import.ts) brings in: 100,000 readings from a dashboard
// into wave 2, and 100,000 days of usage (100 cohorts over 1,000 days) into adoption, charted.

export const ROWS = 100_000;

export interface ImportCase {
  kind: 'readings' | 'usage';
  route: string;
  /** Prepares the workbook over the bridge and returns the export's text. */
  prepare(client: WindowClient): Promise<string>;
  /** How many of its records the workbook holds after the import. */
  imported(client: WindowClient): number;
  /** The chart that must draw every imported point, if any. */
  chart?: string;
}

/** The readings CSV: two series of the sample's metrics, long layout, inside wave 2's life. */
function readingsText(started: number): string {
  const lines = ['Series;Time;Value'];
  for (let i = 0; i < ROWS; i++) {
    const series = i % 2 ? 'Sales API 5xx rate' : 'SSO login success';
    const at = new Date(started + 60_037 + Math.floor(i / 2) * 200).toISOString();
    lines.push(
      `${series};${at};${i % 2 ? (0.5 + (i % 13) / 10).toFixed(2) : (99 - (i % 7) / 10).toFixed(1)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export const COHORTS = 100;
export const DAYS = ROWS / COHORTS;

/** The usage CSV: 100 cohorts of 200 people over 1,000 days each, climbing to about 70% active. */
function usageText(): string {
  const lines = ['cohort,date,active_users,first_task'];
  const start = Date.UTC(2024, 0, 1);
  for (let d = 0; d < DAYS; d++) {
    const day = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
    for (let c = 0; c < COHORTS; c++) {
      lines.push(`Bench cohort ${c},${day},${Math.min(200, Math.round(40 + d * 0.5 + (c % 17)))},${d % 11}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export const CASES: readonly ImportCase[] = [
  {
    kind: 'readings',
    route: 'waves',
    async prepare(client) {
      await client.loadState();
      const wb = client.workbook!;
      return readingsText(Date.parse(wb.waves.waves.find((w) => w.id === 'wave-2')!.startedAt!));
    },
    imported: (client) => client.workbook!.waves.readings.filter((r) => r.batch !== '').length,
  },
  {
    kind: 'usage',
    route: 'adoption',
    async prepare(client) {
      for (let c = 0; c < COHORTS; c++) {
        await client.call('workbook:dispatch-command', {
          type: 'item.add',
          collection: 'adoption.cohorts',
          item: {
            id: `coh-bench-${c}`,
            name: `Bench cohort ${c}`,
            dimension: 'function',
            size: 200,
            launchDay: '2024-01-01',
            targetPct: 70,
            targetDays: 60,
            owner: '',
            action: '',
            actionOwner: '',
          },
        });
      }
      return usageText();
    },
    imported: (client) =>
      client.workbook!.adoption.usage.filter((u) => u.cohortId.startsWith('coh-bench-')).length,
    chart: '[data-testid="adoption-chart"]',
  },
];
