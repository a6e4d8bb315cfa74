import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/domain/errors';
import { contentOf, execute, openDoc, redo, undo } from '../../../shared/domain/history';
import { emptyWorkbook, WorkbookSchema } from '../../../shared/schema/workbook';
import { stopCondition } from '../../support/workbook-fixtures';

const meta = { actor: 'tester', at: '2026-11-24T10:00:00.000Z' };
const stop = stopCondition('sc-1');

describe('commands and history', () => {
  it('adds a stop condition, stamps revision and audit, and stays schema-valid', () => {
    const doc = execute(
      openDoc(emptyWorkbook('wb1', 'Test', meta.at)),
      {
        type: 'item.add',
        collection: 'success.stopConditions',
        item: stop,
      },
      meta,
    );
    expect(doc.wb.success.stopConditions).toEqual([stop]);
    expect(doc.wb.revision).toBe(1);
    expect(doc.wb.audit).toEqual([
      { revision: 1, at: meta.at, actor: 'tester', command: expect.objectContaining({ type: 'item.add' }) },
    ]);
    expect(WorkbookSchema.safeParse(doc.wb).success).toBe(true);
  });

  it('refuses an invalid item with a field-level message and leaves the workbook unchanged', () => {
    const start = openDoc(emptyWorkbook('wb1', 'Test', meta.at));
    let error: unknown;
    try {
      execute(
        start,
        { type: 'item.add', collection: 'success.stopConditions', item: { ...stop, threshold: 'high' } },
        meta,
      );
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

  it('undo restores content but never rewinds revision or audit; redo returns the same content', () => {
    const a = execute(
      openDoc(emptyWorkbook('wb1', 'Test', meta.at)),
      { type: 'workbook.rename', name: 'Renamed' },
      meta,
    );
    const b = undo(a, meta);
    expect(b.wb.name).toBe('Test');
    expect(b.wb.revision).toBe(2);
    expect(b.wb.audit.map((e) => e.command.type)).toEqual(['workbook.rename', 'history.undo']);
    const c = redo(b, meta);
    expect(contentOf(c.wb)).toEqual(contentOf(a.wb));
    expect(c.wb.revision).toBe(3);
  });
});
