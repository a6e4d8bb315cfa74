import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { freeze } from 'immer';
import { describe, expect, it } from 'vitest';
import { planHash, sha256Hex } from '../../../electron/host/cab-hash';
import { canonicalJson } from '../../../shared/areas/cab/canonical-json';
import { canonicalContent, reviewedContent } from '../../../shared/areas/cab/content';
import { describeChanges, diffWorkbooks } from '../../../shared/areas/cab/diff';
import { emptyWorkbook, type Workbook } from '../../../shared/schema/workbook';
import { stopCondition } from '../../support/workbook-fixtures';

// One plan and its SHA-256, worked out with `sha256sum` over its RFC 8785 text,
// {"name":"Compass — “CRM” 🚀 ümlaut","success":{"a":[1,"x",null,2.5e-7],"b":1}}
// (revision and audit are not the plan). tests/unit/renderer/cab-hash.test.ts checks a window
// reaches the same answer with Web Crypto.
const KNOWN_ANSWER = {
  value: {
    name: 'Compass — “CRM” 🚀 ümlaut',
    success: { b: 1, a: [1, 'x', null, 2.5e-7] },
    revision: 4,
    audit: [],
  },
  sha256: '3addf0a09deb559b4037c51bb06f0717082db7359fdc6dae5940c28616b8c8f0',
};

// The plan's hash: RFC 8785 canonical JSON, so key order never matters; any change to the plan
// changes it; what is not the plan (audit, decisions, save metadata, run records) never does.
// And the section diff a reviewer reads when it has changed.

const base = (): Workbook => {
  const wb = emptyWorkbook('wb-1', 'Compass CRM move', '2026-11-01T09:00:00.000Z');
  return {
    ...wb,
    success: {
      ...wb.success,
      stopConditions: [stopCondition('sc-5xx', 2), stopCondition('sc-lat', 800)],
      noGoAuthorities: [{ id: 'ng-1', name: 'Amara Okafor', role: 'Rollout owner', scope: '' }],
    },
  } as Workbook;
};

/** The same JSON value with every object's keys in a random order. */
function shuffled(value: unknown, rng: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffled(v, rng));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(() => rng() - 0.5);
    return Object.fromEntries(entries.map(([k, v]) => [k, shuffled(v, rng)]));
  }
  return value;
}

describe('the plan hash', () => {
  it('is SHA-256 of the canonical JSON: sorted keys, no spaces', () => {
    const wb = base();
    const text = canonicalContent(wb);
    expect(text.startsWith('{"adoption":')).toBe(true);
    expect(text).not.toMatch(/\n| {2}/);
    expect(planHash(wb)).toBe(sha256Hex(text));
    expect(planHash(wb)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps a "__proto__" key as a key, in the plan and in any value', () => {
    const value = JSON.parse('{"b":1,"__proto__":{"x":2}}');
    expect(canonicalJson(value)).toBe(canonicalize(value));
    expect(canonicalJson(freeze(structuredClone(value), true))).toBe('{"__proto__":{"x":2},"b":1}');
    const wb = JSON.parse(JSON.stringify(base()).replace('{', '{"__proto__":{"x":1},'));
    expect(canonicalContent(wb)).toContain('"__proto__":{"x":1}');
  });

  it('writes exactly what the canonicalize package writes, frozen (remembered) or not (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const expected = canonicalize(value);
        expect(canonicalJson(value)).toBe(expected);
        const frozen = freeze(structuredClone(value), true);
        expect(canonicalJson(frozen)).toBe(expected);
        // Asked again, the remembered text is still the right one.
        expect(canonicalJson(frozen)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('sorts keys as RFC 8785 does even where JavaScript would not: integer-like keys, odd strings (property)', () => {
    const key = fc.oneof(
      fc.constantFrom(
        '0',
        '1',
        '9',
        '10',
        '01',
        '-1',
        '4294967295',
        '',
        'a',
        'Z',
        'é',
        '\u{1F680}',
        ' ',
        '_',
      ),
      fc.string({ maxLength: 4, unit: 'binary' }),
    );
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.integer(),
          fc.boolean(),
          fc.constant(null),
        ),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(key, tie('node'), { maxKeys: 6 }),
      ),
    })).node;
    fc.assert(
      fc.property(tree, (value) => {
        let expected: string | undefined;
        try {
          expected = canonicalize(value);
        } catch {
          // A lone surrogate: both refuse it.
          expect(() => canonicalJson(value)).toThrow();
          return;
        }
        expect(canonicalJson(value)).toBe(expected);
        expect(canonicalJson(freeze(structuredClone(value), true))).toBe(expected);
      }),
      { numRuns: 500 },
    );
    expect(canonicalJson({ 10: 'b', 9: 'a', x: { 2: 0, '-1': 1 } })).toBe(
      '{"10":"b","9":"a","x":{"-1":1,"2":0}}',
    );
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
    expect(() => canonicalJson(['\uD800'])).toThrow('Lone surrogate');
  });

  it('after an edit, writes the changed path again and reuses the rest', () => {
    const wb = freeze(base(), true);
    const before = canonicalContent(wb);
    const stops = wb.success.stopConditions;
    const edited = freeze(
      { ...wb, success: { ...wb.success, stopConditions: [{ ...stops[0]!, threshold: 9 }, stops[1]!] } },
      true,
    );
    expect(canonicalContent(edited)).toBe(canonicalize(reviewedContent(edited)));
    expect(canonicalContent(edited)).not.toBe(before);
    expect(canonicalContent(wb)).toBe(before);
  });

  it('is the same for the same content in any key order (property)', () => {
    const wb = base();
    const hash = planHash(wb);
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        let s = seed;
        const rng = () => {
          s = (Math.imul(s, 1103515245) + 12345) | 0;
          return ((s >>> 0) % 1000) / 1000;
        };
        expect(planHash(shuffled(wb, rng))).toBe(hash);
      }),
      { numRuns: 50 },
    );
  });

  it('changes when any one value of the plan changes (property)', () => {
    const wb = base();
    const hash = planHash(wb);
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }).filter((t) => t !== 2),
        (threshold) => {
          const changed = structuredClone(wb);
          changed.success.stopConditions[0]!.threshold = threshold;
          expect(planHash(changed)).not.toBe(hash);
        },
      ),
      { numRuns: 50 },
    );
    expect(planHash({ ...wb, name: 'Compass CRM move ' })).not.toBe(hash);
  });

  it('leaves out the audit log, save metadata, decisions, quorum, kept versions and run records', () => {
    const wb = base();
    const hash = planHash(wb);
    const busy = {
      ...wb,
      revision: 999,
      updatedAt: '2027-01-01T00:00:00.000Z',
      schemaVersion: 7,
      audit: [{ rev: 1, summary: 'x' }],
      cab: {
        ...wb.cab,
        quorum: { minApprovals: 3, required: ['Dana'], rejectBlocks: false },
        decisions: [{ id: 'd1', reviewer: 'Dana' }],
        versions: [{ hash: 'f'.repeat(64) }],
      },
      waves: {
        ...wb.waves,
        readings: [{ id: 'r1', value: 3 }],
        imports: [{ id: 'i' }],
        deployments: [{ id: 'd' }],
      },
      scorecard: { ...wb.scorecard, assessments: [{ id: 'a' }], polls: [{ id: 'p' }] },
      runbooks: { ...wb.runbooks, incidents: [{ id: 'inc' }] },
    };
    expect(planHash(busy)).toBe(hash);
    // The change record and the calendar are the plan: they count.
    expect(
      planHash({ ...wb, cab: { ...wb.cab, change: { ...wb.cab.change, title: 'New title' } } }),
    ).not.toBe(hash);
    expect(reviewedContent(busy)).not.toHaveProperty('audit');
    expect(reviewedContent(busy).cab).not.toHaveProperty('decisions');
  });

  it('counts a pilot group as plan, and pilot feedback, KPI readings, usage and drills as rehearsal or run records', () => {
    // A pilot group or a cohort is part of the plan; its feedback, usage and KPI readings are not.
    const wb = base();
    const group = {
      id: 'pg',
      name: 'Ops',
      stakeholderGroupId: '',
      novices: 1,
      experts: 1,
      friendly: 1,
      sceptical: 1,
      regions: [],
      edgeCases: [],
    };
    const planned = { ...wb, pilot: { ...wb.pilot, groups: [group] } };
    expect(planHash(planned)).not.toBe(planHash(wb));
    const ran = {
      ...wb,
      pilot: {
        ...wb.pilot,
        startedAt: '2026-11-01T00:00:00.000Z',
        feedback: [{ id: 'f' }],
        updates: [{ id: 'u' }],
      },
      adoption: { ...wb.adoption, usage: [{ id: 'u' }], frictions: [{ id: 'x' }] },
    };
    expect(planHash(ran)).toBe(planHash(wb));
  });

  it('keeps a wave’s definition but not its state and moves', () => {
    const wave = { id: 'w1', name: 'Canary', state: 'planned', startedAt: null, moves: [] };
    const wb = { ...base(), waves: { ...base().waves, waves: [wave] } };
    const live = {
      ...wb,
      waves: {
        ...wb.waves,
        waves: [{ ...wave, state: 'live', startedAt: '2026-11-20T10:00:00.000Z', moves: [{}] }],
      },
    };
    expect(planHash(live)).toBe(planHash(wb));
    expect(planHash({ ...wb, waves: { ...wb.waves, waves: [{ ...wave, name: 'Canary 5%' }] } })).not.toBe(
      planHash(wb),
    );
  });

  it('matches a known answer, the same one a window’s Web Crypto hash is checked against', () => {
    // tests/unit/renderer/cab-hash.test.ts holds the window’s side of this known answer.
    expect(planHash(KNOWN_ANSWER.value)).toBe(KNOWN_ANSWER.sha256);
  });
});

describe('the section diff', () => {
  it('says what was added, removed and changed, section by section, with field values', () => {
    const before = base();
    const after = structuredClone(before);
    after.name = 'Compass CRM move (v2)';
    after.success.stopConditions[0]!.threshold = 3;
    after.success.stopConditions[0]!.windowMinutes = 30;
    after.success.noGoAuthorities = [];
    after.waves.metrics.push({ id: 'm-new', name: 'Quote time' } as never);
    const diff = diffWorkbooks(before, after);
    expect(diff.map((d) => [d.title, describeChanges(d)])).toEqual([
      ['Workbook', '1 field changed'],
      ['Success & stop conditions', '1 removed, 1 changed'],
      ['Waves & signals', '1 added'],
    ]);
    expect(diff[0]!.fields).toEqual([
      { field: 'name', before: 'Compass CRM move', after: 'Compass CRM move (v2)' },
    ]);
    expect(diff[1]!.items).toEqual([
      {
        kind: 'changed',
        noun: 'stop condition',
        id: 'sc-5xx',
        label: 'Checkout error rate',
        fields: [
          { field: 'threshold', before: '2', after: '3' },
          { field: 'windowMinutes', before: '15', after: '30' },
        ],
      },
      {
        kind: 'removed',
        noun: 'no-go authority',
        id: 'ng-1',
        label: 'Amara Okafor',
        fields: [
          { field: 'name', before: 'Amara Okafor', after: '' },
          { field: 'role', before: 'Rollout owner', after: '' },
        ],
      },
    ]);
    expect(diff[2]!.items[0]).toMatchObject({ kind: 'added', noun: 'metric', label: 'Quote time' });
  });

  it('finds nothing between a workbook and itself in another key order', () => {
    const wb = base();
    expect(
      diffWorkbooks(
        wb,
        shuffled(wb, () => 0.3),
      ),
    ).toEqual([]);
  });

  it('counts every item but gives field values for the first few when told to (a board’s banner)', () => {
    const before = base();
    const after = structuredClone(before);
    for (let i = 0; i < 30; i++)
      after.success.noGoAuthorities.push({ id: `ng-x${i}`, name: `N${i}`, role: 'R', scope: '' });
    const [all] = diffWorkbooks(before, after);
    const [some] = diffWorkbooks(before, after, { detailLimit: 25 });
    expect([all!.added, some!.added]).toEqual([30, 30]);
    expect(some!.items.map((i) => i.fields.length > 0)).toEqual([
      ...Array(25).fill(true),
      ...Array(5).fill(false),
    ]);
    expect(some!.items.map((i) => i.label)).toEqual(all!.items.map((i) => i.label));
  });

  it('reads plain fields of a section by their dotted path', () => {
    const before = base();
    const after = structuredClone(before);
    after.cab.change.start = '2026-11-21T22:00:00.000Z';
    after.cab.change.answers.undo = 2;
    const [cab] = diffWorkbooks(before, after);
    expect(cab).toMatchObject({ section: 'cab', items: [] });
    expect(cab!.fields).toEqual([
      { field: 'change.start', before: '(empty)', after: '2026-11-21T22:00:00.000Z' },
      { field: 'change.answers.undo', before: '(empty)', after: '2' },
    ]);
  });
});
