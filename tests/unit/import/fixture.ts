import type { Metric, Reading, Wave } from '../../../shared/areas/waves/schema';
import { parseCsv, sniffDelimiter } from '../../../shared/import/csv';
import { type ReadingsContext, readingsKind } from '../../../shared/import/kinds/readings';
import { blankMapping } from '../../../shared/import/layout';
import { runImport } from '../../../shared/import/run';
import type { Mapping } from '../../../shared/import/types';

// A small rollout for the import's unit tests: wave 1 ran for a day and was promoted, wave 2 has
// been live since, wave 3 is planned. Two metrics; one reading already recorded in wave 2.

export const T0 = Date.parse('2026-11-18T12:00:00.000Z');
export const HOUR = 3_600_000;
export const NOW = T0 + 50 * HOUR;

const wave = (id: string, name: string, extra: Partial<Wave>): Wave => ({
  id,
  name,
  audiencePercent: 5,
  segment: { region: '', team: '', tenant: '' },
  holdHours: 24,
  promotion: 'manual',
  gates: [],
  metrics: [],
  state: 'planned',
  startedAt: null,
  moves: [],
  ...extra,
});

const move = (at: number, from: Wave['state'], to: Wave['state']) => ({
  at: new Date(at).toISOString(),
  by: 'Amara',
  role: 'Owner',
  from,
  to,
  reason: 'by the book',
  override: '',
});

export const WAVES: Wave[] = [
  wave('wave-1', 'Wave 1', {
    state: 'promoted',
    startedAt: new Date(T0).toISOString(),
    moves: [move(T0, 'planned', 'live'), move(T0 + 24 * HOUR, 'live', 'promoted')],
  }),
  wave('wave-2', 'Wave 2', {
    state: 'live',
    startedAt: new Date(T0 + 26 * HOUR).toISOString(),
    moves: [move(T0 + 26 * HOUR, 'planned', 'live')],
  }),
  wave('wave-3', 'Wave 3', {}),
];

const metric = (id: string, name: string, unit: string): Metric => ({
  id,
  name,
  unit,
  kind: 'service',
  source: 'Grafana',
  staleAfterMinutes: 30,
  guardrailId: '',
});

export const METRICS: Metric[] = [
  metric('m-5xx', 'API 5xx rate', '%'),
  metric('m-login', 'Login success', '%'),
];

export const EXISTING: Reading = {
  id: 'rd-1',
  waveId: 'wave-2',
  metricId: 'm-5xx',
  at: new Date(T0 + 30 * HOUR).toISOString(),
  value: 0.4,
  source: '',
  by: 'Jun Park',
  role: 'SRE',
  batch: '',
};

export function context(readings: Reading[] = [EXISTING], waves: Wave[] = WAVES): ReadingsContext {
  return readingsKind.context({ waves, metrics: METRICS, readings }, NOW);
}

export const iso = (ms: number) => new Date(ms).toISOString();

/** Runs `text` through the readings import with `mapping` over a blank one. */
export function importText(text: string, mapping: Partial<Mapping>, ctx = context()) {
  const delimiter = sniffDelimiter(text);
  const csv = parseCsv(text, delimiter);
  return runImport(readingsKind, csv, { ...blankMapping(readingsKind, delimiter, 'UTC'), ...mapping }, ctx);
}

export const LONG: Partial<Mapping> = {
  layout: 'long',
  fields: { series: { column: 0 }, time: { column: 1 }, value: { column: 2 } },
};
