// What a CAB decision is about: the plan, as canonical JSON (RFC 8785), whose SHA-256 each
// decision keeps. The hashing itself happens where the runtime has it (node:crypto in the host,
// Web Crypto in windows); the content is chosen here, once, and written by canonical-json.ts.
//
// Left out, because they are not the plan a reviewer approves:
// - save metadata (schemaVersion, revision, updatedAt) and the audit log: they change on every
//   save whatever changed;
// - the CAB's own decisions, quorum and kept versions: deciding must not change what was decided on;
// - run records, what the rollout writes while it runs (readings, imports, deployments, a wave's
//   state and moves, scorecard assessments and polls, incidents). An approval covers the plan;
//   if every reading made it "changed since approval", the banner would be on for the whole
//   rollout and people would learn to ignore it. The audit log still records each of them.

import { canonicalJson, setOwn } from './canonical-json';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : null;

const SAVE_METADATA = ['schemaVersion', 'revision', 'updatedAt', 'audit'] as const;

/**
 * Whole sections that rehearse or review the plan rather than make it: tabletop drills (their
 * scenarios, runs and corrective actions). A drill run the week before wave 3 must not make the
 * CAB's approval "changed"; and a section added by a later version is then no change either.
 */
const NOT_PLAN = ['drills'] as const;

/** Lists inside a section that record the run rather than define the plan. */
export const RUN_RECORDS: Readonly<Record<string, readonly string[]>> = {
  cab: ['decisions', 'quorum', 'versions'],
  waves: ['readings', 'imports', 'deployments'],
  scorecard: ['assessments', 'polls'],
  runbooks: ['incidents', 'runs', 'timers'],
  pilot: ['startedAt', 'feedback', 'updates'],
  adoption: ['usage', 'frictions'],
};

/** Fields of plan items that the run moves (a wave's state and the story of its moves). */
export const RUN_FIELDS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  waves: { waves: ['state', 'startedAt', 'moves'] },
  pilot: { kpis: ['readings', 'targetChanges'] },
};

const without = (o: Obj, keys: readonly string[]): Obj => {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) if (!keys.includes(k)) setOwn(out, k, v);
  return out;
};

/**
 * The plan inside a workbook (or a workbook file, or raw JSON of one): a new object sharing the
 * workbook's own values, so it costs little and never changes the workbook.
 */
export function reviewedContent(wb: unknown): Obj {
  const doc = obj(wb) ?? {};
  const out = without(doc, [...SAVE_METADATA, ...NOT_PLAN]);
  for (const [section, lists] of Object.entries(RUN_RECORDS)) {
    const s = obj(out[section]);
    if (s) out[section] = without(s, lists);
  }
  for (const [section, lists] of Object.entries(RUN_FIELDS)) {
    const s = obj(out[section]);
    if (!s) continue;
    const next = { ...s };
    for (const [list, fields] of Object.entries(lists)) {
      const items = next[list];
      if (Array.isArray(items)) next[list] = items.map((i) => (obj(i) ? without(i as Obj, fields) : i));
    }
    out[section] = next;
  }
  return out;
}

/** RFC 8785 canonical JSON of the plan: the exact text whose SHA-256 a decision keeps. */
export function canonicalContent(wb: unknown): string {
  return canonicalJson(reviewedContent(wb));
}

/** "3f2a9c…e1" → "3f2a9c1b…77e0d4": enough of a hash to compare by eye. */
export const shortHash = (hash: string) =>
  hash.length > 16 ? `${hash.slice(0, 8)}…${hash.slice(-8)}` : hash;
