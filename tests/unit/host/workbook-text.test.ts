import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workbookBytes } from '../../../electron/host/workbook-text';

// The workbook file is JSON that any reader parses back to the same value; long lists of
// records are written one a line, everything else exactly as JSON.stringify(value, null, 2).

const text = (value: unknown) => workbookBytes(value).toString('utf8');

describe('workbook file text', () => {
  it('is JSON.stringify(value, null, 2) when there is no long list of records', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(text(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
      }),
      { numRuns: 400 },
    );
  });

  it('writes a long list of records one a line, and reads back as the same value', () => {
    const usage = Array.from({ length: 100 }, (_, k) => ({
      day: k,
      who: k % 2 ? 'Zoë — lead' : 'Ana',
      tags: ['a'],
    }));
    const file = {
      schemaVersion: 12,
      adoption: { usage, cohorts: [{ id: 'c', name: 'Ops' }] },
      empty: {},
      gone: undefined,
    };
    const out = text(file);
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(file)));
    const lines = out.split('\n');
    expect(lines).toContain('      {"day":1,"who":"Zoë — lead","tags":["a"]},');
    expect(lines.length).toBeLessThan(100 + 20);
    expect(out).toContain('"cohorts": [\n      {\n        "id": "c",');
  });

  it('reads back any value with long lists in it', () => {
    const record = fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
    const value = fc.dictionary(
      fc.string({ maxLength: 6 }),
      fc.array(record, { minLength: 60, maxLength: 90 }),
      {
        maxKeys: 3,
      },
    );
    fc.assert(
      fc.property(value, (v) => {
        expect(JSON.parse(text(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 60 },
    );
  });
});
