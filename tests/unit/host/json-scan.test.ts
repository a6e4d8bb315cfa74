import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, lineAndColumn, locateJsonFault } from '../../../electron/host/json-scan';

// The scanner that tells "cut short" from "wrong in the middle" must agree with JSON.parse on
// what is valid; fast-check throws thousands of documents and their prefixes at it.

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('locateJsonFault', () => {
  it('accepts exactly what JSON.parse accepts', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.string(), (json, cut, junk) => {
        for (const text of [json, json.slice(0, cut % (json.length + 1)), json + junk, junk]) {
          expect(locateJsonFault(text) === null).toBe(parses(text));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reports every strict prefix of a document as cut short at its end', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), (json, cut) => {
        const prefix = json.slice(0, cut % json.length);
        fc.pre(prefix.trim() !== '' && !parses(prefix));
        expect(locateJsonFault(prefix)).toMatchObject({ atEnd: true, offset: prefix.length });
      }),
      { numRuns: 2000 },
    );
  });

  it('points at the first wrong character otherwise', () => {
    expect(locateJsonFault('{"a": [1, 2,, 3]}')).toEqual({ offset: 12, atEnd: false, expected: 'a value' });
    expect(locateJsonFault('{"a": 1} trailing')).toMatchObject({
      offset: 9,
      expected: 'the end of the file',
    });
    expect(locateJsonFault('{"a": "tab\there"}')).toMatchObject({ offset: 10, atEnd: false });
    expect(locateJsonFault('[01]')).toMatchObject({ offset: 2, expected: "',' or ']'" });
  });

  it('gives 1-based line and column', () => {
    expect(lineAndColumn('{\n  "a": x\n}', 9)).toEqual({ line: 2, column: 8 });
  });
});

describe('firstInvalidUtf8', () => {
  it('agrees with Node on whether bytes are UTF-8, and points at a real fault', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.string({ unit: 'grapheme' }), (bytes, text) => {
        const mixed = Buffer.concat([Buffer.from(text), bytes]);
        const at = firstInvalidUtf8(mixed);
        expect(at === -1).toBe(isUtf8(mixed));
        if (at >= 0) {
          expect(isUtf8(mixed.subarray(0, at))).toBe(true);
          expect(at).toBeGreaterThanOrEqual(Buffer.byteLength(text));
        }
      }),
      { numRuns: 3000 },
    );
  });
});
