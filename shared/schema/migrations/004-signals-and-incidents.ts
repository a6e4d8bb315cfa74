import type { Migration, RawDoc } from './types';

// Version 5 adds what signals from real exports need: each reading says which import brought it
// in ('' for the ones typed by hand, which is every reading so far), the waves area keeps its
// imports and the deployments behind the DORA figures, and the runbooks area its incidents.
// Nothing existing changes meaning. Self-contained: a migration must not change with the code.

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});

export const migration004: Migration = {
  from: 4,
  name: '004-signals-and-incidents',
  up(doc, fail) {
    const waves = obj(doc.waves);
    if (!Array.isArray(waves.readings)) fail('waves.readings', 'a version 4 workbook has a list of readings');
    const readings = (waves.readings as unknown[]).map((r) => ({ ...obj(r), batch: '' }));
    const runbooks = obj(doc.runbooks);
    return {
      ...doc,
      waves: { ...waves, readings, deployments: [], imports: [] },
      runbooks: { ...runbooks, incidents: [] },
    } satisfies RawDoc;
  },
};
