import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/domain/errors';
import { execute, openDoc, redo, undo } from '../../../shared/domain/history';
import { applyPatches } from '../../../shared/domain/patches';
import { emptyWorkbook, WorkbookSchema } from '../../../shared/schema/workbook';
import { stopCondition } from '../../support/workbook-fixtures';

const who = { name: 'Dana Reyes', role: 'Incident commander' };
const meta = { who, at: '2026-11-24T10:00:00.000Z' };
const later = { who: { name: 'Sam Okoro', role: 'On-call SRE' }, at: '2026-11-24T10:05:00.000Z' };
const stop = stopCondition('sc-1');
const fresh = () => openDoc(emptyWorkbook('wb1', 'Test', meta.at));
const add = { type: 'item.add', collection: 'success.stopConditions', item: stop } as const;

describe('commands and history', () => {
  it('adds a stop condition: one patch, a compact signed audit entry, and a valid workbook', () => {
    const done = execute(fresh(), add, meta, [])!;
    expect(done.doc.wb.success.stopConditions).toEqual([stop]);
    expect(done.doc.wb.revision).toBe(1);
    expect(done.patches).toEqual([{ op: 'add', path: ['success', 'stopConditions', 0], value: stop }]);
    expect(done.entry).toEqual({
      rev: 1,
      at: meta.at,
      by: 'Dana Reyes',
      role: 'Incident commander',
      type: 'item.add',
      area: 'success',
      summary: "Added stop condition 'Checkout error rate'",
      items: ['success.stopConditions/sc-1'],
      changes: done.patches,
    });
    expect(WorkbookSchema.safeParse(done.doc.wb).success).toBe(true);
  });

  it('records an edit as the fields it changed, not the whole item', () => {
    const a = execute(fresh(), add, meta, [])!;
    const b = execute(
      a.doc,
      {
        type: 'item.update',
        collection: 'success.stopConditions',
        id: 'sc-1',
        item: { ...stop, threshold: 3.5 },
        baseRevision: 1,
      },
      later,
      [a.entry],
    )!;
    expect(b.patches).toEqual([
      { op: 'replace', path: ['success', 'stopConditions', 0, 'threshold'], value: 3.5 },
    ]);
    expect(b.entry.summary).toBe("Edited stop condition 'Checkout error rate': threshold 2 → 3.5");
    expect(JSON.stringify(b.entry).length).toBeLessThan(400);
  });

  it('makes no revision for an edit that changes nothing', () => {
    const a = execute(fresh(), add, meta, [])!;
    const same = {
      type: 'item.update',
      collection: 'success.stopConditions',
      id: 'sc-1',
      item: stop,
      baseRevision: 1,
    } as const;
    expect(execute(a.doc, same, meta, [a.entry])).toBeNull();
  });

  it('refuses an invalid item with a field-level message and leaves the workbook unchanged', () => {
    const start = fresh();
    let error: unknown;
    try {
      execute(start, { ...add, item: { ...stop, threshold: 'high' } }, meta, []);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).issues).toEqual([
      { path: 'threshold', message: 'Threshold must be a number' },
    ]);
    expect(start.wb.revision).toBe(0);
    expect(start.wb.success.stopConditions).toEqual([]);
  });

  it('refuses a stale edit of the same item, naming who changed it; other items never clash', () => {
    const a = execute(fresh(), add, meta, [])!;
    const b = execute(a.doc, { ...add, item: stopCondition('sc-2') }, meta, [a.entry])!;
    // Sam edits sc-1 at revision 3...
    const c = execute(
      b.doc,
      {
        type: 'item.update',
        collection: 'success.stopConditions',
        id: 'sc-1',
        item: { ...stop, threshold: 9 },
        baseRevision: 2,
      },
      later,
      [a.entry, b.entry],
    )!;
    const log = [a.entry, b.entry, c.entry];
    // ...while Dana's form, opened at revision 2, still holds the old sc-1.
    const stale = {
      type: 'item.update',
      collection: 'success.stopConditions',
      id: 'sc-1',
      item: { ...stop, threshold: 4 },
      baseRevision: 2,
    } as const;
    expect(() => execute(c.doc, stale, meta, log)).toThrow(
      /^Sam Okoro \(On-call SRE\) changed this stop condition at \d\d:\d\d:\d\d \(revision 3\), after you started editing it\./,
    );
    expect(() =>
      execute(
        c.doc,
        { type: 'item.remove', collection: 'success.stopConditions', id: 'sc-1', baseRevision: 2 },
        meta,
        log,
      ),
    ).toThrow(DomainError);
    // Her edit of sc-2 from the same revision goes through.
    const other = {
      type: 'item.update',
      collection: 'success.stopConditions',
      id: 'sc-2',
      item: { ...stopCondition('sc-2'), threshold: 4 },
      baseRevision: 2,
    } as const;
    expect(execute(c.doc, other, meta, log)?.doc.wb.revision).toBe(4);
    // An edit from the future is refused too.
    expect(() => execute(c.doc, { ...other, baseRevision: 9 }, meta, log)).toThrow(/only at revision 3/);
  });

  it('undo applies the inverse patches and logs them; redo brings the change back', () => {
    const a = execute(fresh(), { type: 'workbook.rename', name: 'Renamed' }, meta, [])!;
    const b = undo(a.doc, meta);
    expect(b.doc.wb.name).toBe('Test');
    expect(b.doc.wb.revision).toBe(2);
    expect(b.patches).toEqual([{ op: 'replace', path: ['name'], value: 'Test' }]);
    expect(b.entry).toMatchObject({
      type: 'history.undo',
      summary: "Undid: Renamed the workbook from 'Test' to 'Renamed'",
    });
    const c = redo(b.doc, meta);
    expect(c.doc.wb.name).toBe('Renamed');
    expect(c.doc.wb.revision).toBe(3);
    // A window holding revision 2 reaches the same state from the pushed patches alone.
    expect(applyPatches(b.doc.wb, c.patches).name).toBe('Renamed');
  });
});
