import fc from 'fast-check';
import { applyPatches as immerApply } from 'immer';
import { describe, expect, it } from 'vitest';
import { applyPatches, type Patch } from '../../../shared/domain/patches';

// Long runs of appends to (and removals from) the end of one list skip immer's one-by-one
// draft. Whatever the patches, the result must be exactly immer's, frozen like immer's, and
// share what did not change.

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
      ),
      { maxLength: 8 },
    )
    .map((steps) => {
      const patches: Patch[] = [];
      let length = n;
      let serial = 1000;
      for (const step of steps) {
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
      }
      return patches;
    });

const deepFrozen = (v: unknown): boolean =>
  typeof v !== 'object' || v === null || (Object.isFrozen(v) && Object.values(v).every(deepFrozen));

describe('patches applied in runs', () => {
  it('give exactly what immer gives, frozen, for any mix of runs and single patches', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }).chain((n) => fc.tuple(fc.constant(n), script(n))),
        ([n, patches]) => {
          const base = start(n);
          const ours = applyPatches(base, patches);
          expect(ours).toEqual(immerApply(base, patches));
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
});
