import type { Migration, RawDoc } from './types';

// Version 3 kept waves in the architecture section as a plan only, gave stop conditions no link
// to the numbers that judge them, and had one scorecard for the whole rollout. Version 4 moves
// waves to their own area (step 5) with a state, a story of moves, the stop conditions that gate
// them and the metrics they watch; creates those metrics from the names the file already uses;
// and keeps the scorecard per wave as assessments. Nothing is dropped: each old status becomes
// an assessment of the first wave, each health signal a watched metric. Self-contained on
// purpose: a migration must not change when current code does.

type Obj = Record<string, unknown>;

const CHECKS = ['success', 'baseline', 'pilot', 'champions', 'dashboards', 'runbooks', 'comms'];
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return s || 'metric';
}

/** The metrics named so far, by lower-cased name, created on first mention. */
function metricCatalogue() {
  const byName = new Map<string, Obj>();
  const ids = new Set<string>();
  return {
    all: () => [...byName.values()],
    idFor(name: string, unit: string, windowMinutes: number): string {
      const key = name.trim().toLowerCase();
      const known = byName.get(key);
      if (known) return known.id as string;
      let id = `m-${slug(name)}`;
      for (let n = 2; ids.has(id); n++) id = `m-${slug(name)}-${n}`;
      ids.add(id);
      byName.set(key, {
        id,
        name: name.trim().slice(0, 120),
        unit: unit.slice(0, 24),
        kind: 'service',
        source: '',
        staleAfterMinutes: Math.min(10080, Math.max(1, windowMinutes)),
        guardrailId: '',
      });
      return id;
    },
  };
}

export const migration003: Migration = {
  from: 3,
  name: '003-waves-and-scorecard',
  up(doc) {
    const metrics = metricCatalogue();
    const success = obj(doc.success);
    const stopConditions = list(success.stopConditions).map((raw) => {
      const sc = obj(raw);
      const window = typeof sc.windowMinutes === 'number' ? sc.windowMinutes : 60;
      return { ...sc, metricId: metrics.idFor(text(sc.metric) || 'Unnamed metric', text(sc.unit), window) };
    });
    const oldWaves = list(obj(doc.architecture).waves);
    const waves = oldWaves.map((raw) => {
      const w = obj(raw);
      const { healthSignals, segment, ...rest } = w;
      return {
        ...rest,
        segment: { region: '', team: text(segment), tenant: '' },
        gates: [],
        metrics: list(healthSignals).map((s) => metrics.idFor(text(s) || 'Unnamed signal', '', 60)),
        state: 'planned',
        startedAt: null,
        moves: [],
      };
    });
    const firstWave = text(obj(waves[0]).id) || 'wave-legacy';
    const scorecard = obj(doc.scorecard);
    const items: Obj[] = [];
    const assessments: Obj[] = [];
    list(scorecard.items).forEach((raw, index) => {
      const item = obj(raw);
      items.push({ id: item.id, label: item.label, owner: text(item.owner), check: CHECKS[index] ?? '' });
      assessments.push({
        id: `as-legacy-${text(item.id) || index}`,
        waveId: firstWave,
        itemId: item.id,
        status: item.status,
        evidence: text(item.evidence),
        reason: 'Carried over from the scorecard kept before scorecards were per wave.',
        at: text(doc.updatedAt) || text(doc.createdAt),
        by: 'an earlier version',
        role: '',
      });
    });
    const { signals: _signals, ...rest } = doc;
    const out: RawDoc = {
      ...rest,
      success: { ...success, stopConditions, approval: null },
      architecture: {},
      waves: { waves, metrics: metrics.all(), readings: [] },
      scorecard: { items, assessments, polls: [] },
    };
    return out;
  },
};
