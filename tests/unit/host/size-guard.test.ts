import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { patchBytes } from '../../../electron/host/size-guard';
import { workbookBytes } from '../../../electron/host/workbook-text';
import { appendPatch, type Patch } from '../../../shared/domain/patches';

// The size guard refuses a change that would take the file past its limit without writing the
// file to find out: it adds an estimate of each change to the size last written. The estimate
// must never be under what the change really adds, or a file the app cannot open gets written.

const record = fc.record({
  id: fc.string({ maxLength: 12 }),
  who: fc.string({ maxLength: 20, unit: 'binary' }),
  n: fc.integer(),
  note: fc.option(fc.string({ maxLength: 30 }), { nil: null }),
  tags: fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
});
const bytes = (value: unknown) => workbookBytes(value).length;
/** Up to `max` records, any length equally likely: past 64 the file writes a record a line. */
const records = (max: number) =>
  fc.integer({ min: 0, max }).chain((n) => fc.array(record, { minLength: n, maxLength: n }));

describe('the size guard’s estimate of an appended list', () => {
  it('is never under what the records add to the file, short lists or long, however the list began', () => {
    fc.assert(
      fc.property(records(100), records(160), (before, added) => {
        const file = (usage: unknown[]) => ({ schemaVersion: 12, adoption: { cohorts: [], usage } });
        const grew = bytes(file([...before, ...added])) - bytes(file(before));
        const patch: Patch = appendPatch(['adoption', 'usage'], added);
        expect(patchBytes(patch)).toBeGreaterThanOrEqual(grew);
      }),
      { numRuns: 150 },
    );
  });

  it('stays close to the real size for a large import, not twice it', () => {
    const added = Array.from({ length: 5_000 }, (_, k) => ({
      id: `imp-1-${k.toString(36)}`,
      cohortId: `coh-${k % 40}`,
      day: '2026-10-11',
      active: k % 200,
      firstTask: null,
      batch: 'imp-1',
    }));
    const file = (usage: unknown[]) => ({ schemaVersion: 12, adoption: { cohorts: [], usage } });
    const grew = bytes(file(added)) - bytes(file([]));
    const estimate = patchBytes(appendPatch(['adoption', 'usage'], added));
    expect(estimate).toBeGreaterThanOrEqual(grew);
    expect(estimate).toBeLessThan(grew * 1.1);
  });
});
