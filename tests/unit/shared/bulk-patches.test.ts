import fc from 'fast-check';
import { applyPatches as immerApply } from 'immer';
import { describe, expect, it } from 'vitest';
import { appendPatch, applyPatches, type Patch } from '../../../shared/domain/patches';

// Long runs of appends to (and removals from) the end of one list, and our own 'append' patch,
// skip immer's one-by-one draft. Whatever the patches, the result must be exactly immer's (for an
// 'append', immer's for one 'add' an item), frozen like immer's, and share what did not change.

interface Doc {
  a: { list: { id: number; tags: string[] }[]; other: number[] };
  b: string;
}

const start = (n: number): Doc =>
  Object.freeze({
    a: Object.freeze({
      list: Object.freeze(
        Array.from({ length: n }, (_, id) => Object.freeze({ id, tags: Object.freeze(['x']) as string[] })),
      ) as Doc['a']['list'],
      other: Object.freeze([1, 2, 3]) as number[],
    }),
    b: 'b',
  });

/** A sequence of patches valid for a list of `n`: runs of appends, runs of pops, and stray edits. */
const script = (n: number) =>
  fc
    .array(
      fc.oneof(
        fc.record({ kind: fc.constant('append' as const), count: fc.integer({ min: 1, max: 80 }) }),
        fc.record({ kind: fc.constant('pop' as const), count: fc.integer({ min: 1, max: 80 }) }),
        fc.record({ kind: fc.constant('middle' as const), count: fc.integer({ min: 1, max: 60 }) }),
        fc.record({ kind: fc.constant('edit' as const), count: fc.constant(1) }),
        fc.record({ kind: fc.constant('bulk' as const), count: fc.integer({ min: 0, max: 80 }) }),
      ),
      { maxLength: 8 },
    )
    .map((steps) => {
      const patches: Patch[] = [];
      /** The same change in immer's own operations: what it must come to. */
      const oracle: Patch[] = [];
      let length = n;
      let serial = 1000;
      for (const step of steps) {
        const mark = patches.length;
        if (step.kind === 'bulk') {
          const items = Array.from({ length: step.count }, () => ({ id: serial++, tags: ['z'] }));
          patches.push(appendPatch(['a', 'list'], items));
          for (const value of items) oracle.push({ op: 'add', path: ['a', 'list', length++], value });
          continue;
        }
        if (step.kind === 'append') {
          for (let k = 0; k < step.count; k++)
            patches.push({ op: 'add', path: ['a', 'list', length++], value: { id: serial++, tags: ['y'] } });
        } else if (step.kind === 'pop') {
          for (let k = 0; k < step.count && length > 0; k++)
            patches.push({ op: 'remove', path: ['a', 'list', --length] });
        } else if (step.kind === 'middle' && length > 0) {
          // Adds at rising indices that do not start at the end: immer must take them.
          const at = Math.floor(length / 2);
          for (let k = 0; k < step.count; k++) {
            patches.push({ op: 'add', path: ['a', 'list', at + k], value: { id: serial++, tags: [] } });
            length++;
          }
        } else {
          patches.push({ op: 'replace', path: ['b'], value: `b${serial++}` });
          patches.push({ op: 'add', path: ['a', 'other', 0], value: serial });
        }
        oracle.push(...patches.slice(mark));
      }
      return { patches, oracle };
    });

const deepFrozen = (v: unknown): boolean =>
  typeof v !== 'object' || v === null || (Object.isFrozen(v) && Object.values(v).every(deepFrozen));

describe('patches applied in runs', () => {
  it('give exactly what immer gives, frozen, for any mix of runs and single patches', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }).chain((n) => fc.tuple(fc.constant(n), script(n))),
        ([n, { patches, oracle }]) => {
          const base = start(n);
          const ours = applyPatches(base, patches);
          expect(ours).toEqual(immerApply(base, oracle as Parameters<typeof immerApply>[1]));
          expect(deepFrozen(ours)).toBe(true);
          expect(base).toEqual(start(n)); // the base is never touched
        },
      ),
      { numRuns: 400 },
    );
  });

  it('an append run shares every item already there, and touches nothing beside its list', () => {
    const base = start(10);
    const patches: Patch[] = Array.from({ length: 100 }, (_, k) => ({
      op: 'add',
      path: ['a', 'list', 10 + k],
      value: { id: 100 + k, tags: [] },
    }));
    const next = applyPatches(base, patches);
    expect(next.a.list).toHaveLength(110);
    expect(next.a.list[3]).toBe(base.a.list[3]);
    expect(next.a.other).toBe(base.a.other);
    expect(
      applyPatches(next, patches.map((p) => ({ op: 'remove' as const, path: p.path })).reverse()),
    ).toEqual(base);
  });

  it('an append goes at the end of a list only: anything else is refused and nothing changes', () => {
    const base = start(3);
    const item = { id: 9, tags: [] };
    expect(applyPatches(base, [appendPatch(['a', 'list'], [item])]).a.list.at(-1)).toEqual(item);
    expect(() => applyPatches(base, [appendPatch(['b'], [item])])).toThrow(/not a list/);
    expect(() => applyPatches(base, [appendPatch(['a', 'nope'], [item])])).toThrow(/not a list/);
    expect(() => applyPatches(base, [{ op: 'append', path: ['a', 'list'], value: item }])).toThrow(
      /nothing to append/,
    );
    expect(() => applyPatches(base, [appendPatch(['__proto__', 'list'], [item])])).toThrow(/not a list/);
    // JSON.parse makes "__proto__" an own key: a list under it is still never appended to.
    const parsed = JSON.parse('{"__proto__": {"list": []}}') as object;
    expect(() => applyPatches(parsed, [appendPatch(['__proto__', 'list'], [item])])).toThrow(/not a list/);
    expect(base).toEqual(start(3));
  });
});
