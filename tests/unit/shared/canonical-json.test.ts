import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { freeze } from 'immer';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/areas/cab/canonical-json';

// Long lists are written a group of records at a time, and the text of a group of frozen records
// is remembered (shared/areas/cab/canonical-json.ts). These cases hold that path to the
// `canonicalize` package: lists long enough to be grouped, at every depth, and frozen states that
// share records the way immer's do after an edit, a deletion or a reordering.

const key = fc.constantFrom('id', 'b', 'a', '10', '9', '__proto__', 'é', 'Z', '');
const leaf = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const record = fc.dictionary(
  key,
  fc.oneof(leaf, fc.array(leaf, { maxLength: 3 }), fc.dictionary(key, leaf, { maxKeys: 3 })),
  { maxKeys: 5 },
);
const longList = fc.array(fc.oneof({ weight: 9, arbitrary: record }, { weight: 1, arbitrary: leaf }), {
  minLength: 60,
  maxLength: 700,
});

/** `list` placed at depth 0, 1, 2 or 3 of a value, beside a few short fields. */
const placed = (list: unknown[], depth: number): unknown => {
  let value: unknown = list;
  for (let d = 0; d < depth; d++) value = { name: `level ${d}`, list: value, '7': d };
  return value;
};

const record1 = (i: number) => ({
  id: `r-${i}`,
  threshold: i / 10,
  callers: ['Incident commander'],
  metric: `m ${i}`,
});

describe('canonical JSON of long lists', () => {
  it('writes exactly what canonicalize writes, at any depth, frozen or not (property)', () => {
    fc.assert(
      fc.property(longList, fc.integer({ min: 0, max: 3 }), (list, depth) => {
        const value = placed(list, depth);
        const expected = canonicalize(value);
        expect(canonicalJson(value)).toBe(expected);
        const frozenValue = freeze(structuredClone(value), true);
        expect(canonicalJson(frozenValue)).toBe(expected);
        // Again: now from the remembered texts.
        expect(canonicalJson(frozenValue)).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('after an edit, a deletion or a reordering of shared frozen records, writes the new list', () => {
    const records = Array.from({ length: 900 }, (_, i) => freeze(record1(i), true));
    const plan = (list: readonly unknown[]) =>
      freeze({ success: { stopConditions: list }, name: 'plan' }, true);
    const check = (value: unknown) => expect(canonicalJson(value)).toBe(canonicalize(value));
    const start = plan(records);
    check(start);

    const edited = records.slice();
    edited[300] = freeze({ ...record1(300), threshold: 99 }, true);
    check(plan(edited));
    // The first record of a group removed: every later group starts at another record.
    check(plan(records.filter((_, i) => i !== 0)));
    // One record removed mid-group: the group's head is the same object, its records are not.
    check(plan(records.filter((_, i) => i !== 5)));
    check(plan(records.slice().reverse()));
    check(plan([...records, freeze(record1(900), true)]));
    // And the first state still writes what it wrote.
    check(start);
  });

  it('refuses what RFC 8785 refuses inside a long list', () => {
    const list = Array.from({ length: 100 }, (_, i) => record1(i));
    expect(() => canonicalJson({ list: [...list, { x: Number.NaN }] })).toThrow('not allowed');
    expect(() => canonicalJson({ list: [...list, { x: '\uDC00' }] })).toThrow('Lone surrogate');
  });
});
