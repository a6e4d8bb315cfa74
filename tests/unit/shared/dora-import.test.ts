import { describe, expect, it } from 'vitest';
import type { Command } from '../../../shared/domain/commands';
import { DomainError } from '../../../shared/domain/errors';
import { type Doc, execute, openDoc } from '../../../shared/domain/history';
import { emptyWorkbook } from '../../../shared/schema/workbook';

// Imported deployments and incidents as the host applies them: whole or not at all, never a
// record already there, stamped with the import, and taken back as one.

const meta = { who: { name: 'Jun Park', role: 'Platform SRE' }, at: '2026-11-20T12:00:00.000Z' };

const deployments = (id: string, refs: string[]): Command => ({
  type: 'wave.deployments-import',
  id,
  fileName: 'pipeline.csv',
  source: 'CI',
  deployments: refs.map((ref, k) => ({
    rows: [k + 2],
    record: {
      ref,
      at: `2026-11-1${k}T10:00:00.000Z`,
      service: 'sales-api',
      version: `4.${k}`,
      status: 'success',
      waveId: '',
      changes: [{ ref: `c${k}`, committedAt: `2026-11-1${k}T08:00:00.000Z` }],
    },
  })),
});

const run = (doc: Doc, command: Command) => execute(doc, command, meta, [])!.doc;
const refusal = (doc: Doc, command: Command) => {
  try {
    run(doc, command);
  } catch (e) {
    if (e instanceof DomainError) return e;
  }
  throw new Error('not refused');
};

describe('imported deployments and incidents', () => {
  it('stamps each with its import, records the import, and keeps the audit entry to that record', () => {
    const committed = execute(
      openDoc(emptyWorkbook('wb', 'Test', meta.at)),
      deployments('imp-1', ['p1', 'p2']),
      meta,
      [],
    )!;
    const doc = committed.doc;
    expect(doc.wb.waves.deployments.map((d) => [d.id, d.ref, d.batch])).toEqual([
      ['imp-1-0', 'p1', 'imp-1'],
      ['imp-1-1', 'p2', 'imp-1'],
    ]);
    expect(doc.wb.waves.imports).toMatchObject([
      { id: 'imp-1', kind: 'deployments', count: 2, by: 'Jun Park' },
    ]);
    // The entry holds the import's record only; the deployments are in the file, stamped.
    expect(JSON.stringify(committed.entry)).not.toContain('"c1"');
    // Pushed as one append of the records, then the import's own record.
    expect(committed.patches.map((p) => p.op)).toEqual(['append', 'add']);
    expect(committed.patches[0]!.value).toHaveLength(2);
  });

  it('refuses a deployment already in the workbook, naming its row, and changes nothing', () => {
    const doc = run(openDoc(emptyWorkbook('wb', 'Test', meta.at)), deployments('imp-1', ['p1']));
    const e = refusal(doc, deployments('imp-2', ['p9', 'p1']));
    expect(e.message).toBe(
      "Nothing was imported: 1 row cannot be. Row 3: deployment 'p1' is already in this workbook.",
    );
  });

  it('refuses an incident caused by a deployment the workbook does not have', () => {
    const doc = openDoc(emptyWorkbook('wb', 'Test', meta.at));
    const e = refusal(doc, {
      type: 'wave.incidents-import',
      id: 'imp-i',
      fileName: 'pd.csv',
      source: '',
      incidents: [
        {
          rows: [4],
          record: {
            ref: 'PD-1',
            title: 'Down',
            severity: 'SEV1',
            drill: false,
            openedAt: '2026-11-19T10:00:00.000Z',
            resolvedAt: null,
            waveId: '',
            deploymentIds: ['nope'],
            changeRefs: [],
          },
        },
      ],
    });
    expect(e.message).toBe('Row 4: no deployment with id "nope" in this workbook');
  });

  it('takes an import back as a whole', () => {
    let doc = run(openDoc(emptyWorkbook('wb', 'Test', meta.at)), deployments('imp-1', ['p1', 'p2']));
    doc = run(doc, { type: 'wave.import-take-back', importId: 'imp-1', baseRevision: doc.wb.revision });
    expect(doc.wb.waves.deployments).toEqual([]);
    expect(doc.wb.waves.imports).toEqual([]);
  });
});
