import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackError, pack, packToText, TABLE, unpack } from '../../../shared/domain/wire-pack';

// Web mode packs every frame: lists of same-shaped records travel as tables. Whatever JSON goes
// in must come out the same after a trip through text, markers in the data included, and a
// malformed table must be refused, never half-built.

const trip = (value: unknown) => unpack(JSON.parse(JSON.stringify(pack(value))));

const usage = (n: number) =>
  Array.from({ length: n }, (_, k) => ({
    op: 'add',
    path: ['adoption', 'usage', k],
    value: {
      cohortId: `c-${k % 7}`,
      day: '2024-01-01',
      active: k,
      firstTask: null,
      id: `imp-${k}`,
      batch: 'imp',
    },
  }));

describe('wire packing', () => {
  it('gives back any JSON value, including lists that look packed', () => {
    const marker = fc.constantFrom(TABLE, '\u0000list', '__proto__', 'x');
    const value = fc.letrec((tie) => ({
      json: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 2 }),
        fc.tuple(marker, fc.array(tie('json'), { maxLength: 4 })).map(([m, a]) => [m, ...a]),
        fc.array(tie('record'), { minLength: 0, maxLength: 40 }),
      ),
      record: fc.record({ a: fc.integer(), b: fc.option(fc.string()), c: fc.record({ d: tie('json') }) }),
    })).json;
    fc.assert(
      fc.property(value, (v) => {
        expect(trip(v)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a "__proto__" key that JSON.parse made an own key (fast-check found it lost)', () => {
    const value = JSON.parse('{"c":{"d":{"__proto__":0}}}');
    expect(trip(value)).toEqual(value);
    expect(JSON.stringify(trip(value))).toBe('{"c":{"d":{"__proto__":0}}}');
  });

  it('writes a long list of same-shaped records once as a table, few-valued strings once a column', () => {
    const patches = usage(1000);
    const packed = pack(patches) as unknown[];
    expect(packed[0]).toBe(TABLE);
    // 'add', the cohorts, the day and the batch repeat: each is written once, its rows hold an index.
    expect(packed[1]).toEqual([
      ['op', null, ['add']],
      'path',
      [
        'value',
        [
          ['cohortId', null, ['c-0', 'c-1', 'c-2', 'c-3', 'c-4', 'c-5', 'c-6']],
          ['day', null, ['2024-01-01']],
          'active',
          'firstTask',
          'id',
          ['batch', null, ['imp']],
        ],
      ],
    ]);
    expect(packed[2]).toEqual([]);
    expect(packed[3]).toEqual([0, ['adoption', 'usage', 0], 0, 0, 0, null, 'imp-0', 0]);
    expect(packed[10]).toEqual([0, ['adoption', 'usage', 7], 0, 0, 7, null, 'imp-7', 0]);
    expect(packToText(patches).length).toBeLessThan(JSON.stringify(patches).length * 0.45);
    expect(trip(patches)).toEqual(patches);
  });

  it('codes a column only while it holds few distinct strings, and gives back any such list', () => {
    // Ids are all different: left as they are. Numbers are never coded.
    const ids = Array.from({ length: 2000 }, (_, k) => ({ id: `r-${k}`, n: k % 2 }));
    expect((pack(ids) as unknown[])[1]).toEqual(['id', 'n']);
    const few = fc.constantFrom('a', 'b', TABLE, '\u0000list', '__proto__', '', 'é');
    const row = fc.record({ s: few, t: fc.oneof(few, fc.integer()), u: fc.record({ v: few }) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 16, maxLength: 300, size: 'max' }), (list) => {
        expect(trip(list)).toEqual(list);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the few items of another shape beside the table, in their places', () => {
    const odd = [{ op: 'remove', path: ['x'] }, 'text', [TABLE]];
    const mixed = [odd[0], ...usage(20), odd[1], ...usage(3), odd[2]];
    const packed = pack(mixed) as unknown[];
    expect(packed[0]).toBe(TABLE);
    expect((packed[2] as unknown[]).map((p) => (p as unknown[])[0])).toEqual([0, 21, 25]);
    expect(trip(mixed)).toEqual(mixed);
  });

  it('leaves short lists and lists of mostly other shapes as they are', () => {
    expect((pack([...usage(20), ...usage(21).map((p) => p.path)]) as unknown[])[0]).not.toBe(TABLE);
    expect((pack(usage(15)) as unknown[])[0]).not.toBe(TABLE);
  });

  it('never puts an undefined value in a row (JSON would turn it into null)', () => {
    const withUndefined = usage(20).map((p, k) => ({ ...p, extra: k === 3 ? undefined : 1 }));
    expect((pack(withUndefined) as unknown[])[2]).toHaveLength(1);
    expect(trip(withUndefined)).toEqual(JSON.parse(JSON.stringify(withUndefined)));
  });

  it('does not change what it packs (the host packs frozen state)', () => {
    const frozen = Object.freeze(usage(20).map((p) => Object.freeze(p)));
    const before = JSON.stringify(frozen);
    pack(frozen);
    expect(JSON.stringify(frozen)).toBe(before);
  });

  it('leaves a hostile frame nested 100,000 lists deep as it is, without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    const depth = (v: unknown) => {
      let n = 0;
      for (let at = v; Array.isArray(at); at = at[0]) n++;
      return n;
    };
    expect(unpack(deep)).toBe(deep);
    expect(depth(unpack(pack(deep)))).toBe(100_000);
  });

  it('refuses a malformed table instead of building part of it', () => {
    expect(unpack([TABLE, ['a', 'b'], [[1, 'x']], [1, 2]])).toEqual([{ a: 1, b: 2 }, 'x']);
    expect(() => unpack([TABLE, ['a', 'b'], [], [1, 2], [1]])).toThrow(PackError);
    expect(() => unpack([TABLE, 'a', [], [1]])).toThrow(PackError);
    expect(() => unpack([TABLE, [['a', 'b']], [], [1]])).toThrow(PackError);
    expect(() => unpack([TABLE, ['a'], 'none', [1]])).toThrow(PackError);
    expect(() => unpack([TABLE, ['a'], [[5, 'x']], [1]])).toThrow(PackError);
    expect(() =>
      unpack([
        TABLE,
        ['a'],
        [
          [1, 'x'],
          [0, 'y'],
        ],
        [1],
      ]),
    ).toThrow(PackError);
    expect(() => unpack({ x: [TABLE, ['__proto__'], [], [{ polluted: true }]] })).toThrow(PackError);
    // Coded columns: the index must name one of the column's strings, and they must be strings.
    expect(unpack([TABLE, [['a', null, ['x', 'y']]], [], [1], [0]])).toEqual([{ a: 'y' }, { a: 'x' }]);
    expect(() => unpack([TABLE, [['a', null, ['x']]], [], [1]])).toThrow(PackError);
    expect(() => unpack([TABLE, [['a', null, ['x']]], [], [0.5]])).toThrow(PackError);
    expect(() => unpack([TABLE, [['a', null, ['x']]], [], ['0']])).toThrow(PackError);
    expect(() => unpack([TABLE, [['a', null, [{ polluted: true }]]], [], [0]])).toThrow(PackError);
    expect(() => unpack([TABLE, [['a', null, 'x']], [], [0]])).toThrow(PackError);
    expect(() => unpack([TABLE, [['a', ['b'], ['x']]], [], [0]])).toThrow(PackError);
    expect(() => unpack([TABLE, [['__proto__', null, ['x']]], [], [0]])).toThrow(PackError);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
