import { appendFile, copyFile, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditArchive } from '../../../electron/host/audit-archive';
import { AUDIT_KEEP_ENTRIES, AUDIT_MAX_ENTRIES } from '../../../electron/host/recent-audit';
import type { AuditEntry } from '../../../shared/domain/audit';
import type { Command } from '../../../shared/domain/commands';
import { MAX_WORKBOOK_BYTES } from '../../../shared/domain/limits';
import {
  addStop,
  makeHost,
  openPath,
  readJson,
  SAMPLE,
  stopCondition,
  tempDir,
  workbookJson,
} from './helpers';

// The workbook keeps a bounded recent audit log; older entries move to an append-only archive
// beside it, durably and in order, and the History view still shows all of it.

const entry = (rev: number, area = 'success'): AuditEntry => ({
  rev,
  at: new Date(Date.UTC(2026, 10, 1, 0, 0, rev)).toISOString(),
  by: 'Tess',
  role: 'QA',
  type: 'item.add',
  area,
  summary: `change ${rev}`,
  items: [],
  changes: [],
});

const archivedRevs = async (path: string) =>
  (await readFile(path, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as AuditEntry).rev);

async function openedPlan(sample = false) {
  const dataDir = await tempDir();
  const path = join(dataDir, 'plan.rollout.json');
  if (sample) await copyFile(SAMPLE, path);
  else await writeFile(path, workbookJson());
  const host = makeHost(dataDir);
  await openPath(host, path);
  return { dataDir, path, host, archive: join(dataDir, 'plan.rollout.audit.jsonl') };
}

describe('the audit archive', () => {
  it('appends in order, skips what it already holds, and cuts a torn last line before appending', async () => {
    const dir = await tempDir();
    const path = join(dir, 'plan.rollout.audit.jsonl');
    const archive = new AuditArchive(path);
    await archive.append([entry(1), entry(2), entry(3)]);
    // A crash between archiving and saving the workbook: the same entries come again.
    await new AuditArchive(path).append([entry(2), entry(3), entry(4)]);
    expect(await archivedRevs(path)).toEqual([1, 2, 3, 4]);

    // A crash mid-append leaves half a line; it is not an entry and the next append cuts it.
    await appendFile(path, '{"rev":5,"at":"2026-11');
    const afterCrash = new AuditArchive(path);
    expect(await afterCrash.lastRevision()).toBe(4);
    expect(
      (await afterCrash.page(Number.POSITIVE_INFINITY, 10, () => true)).entries.map((e) => e.rev),
    ).toEqual([4, 3, 2, 1]);
    await afterCrash.append([entry(5)]);
    expect(await archivedRevs(path)).toEqual([1, 2, 3, 4, 5]);
  });

  it('pages newest first across chunk boundaries, filtered by area', async () => {
    const dir = await tempDir();
    const archive = new AuditArchive(join(dir, 'a.rollout.audit.jsonl'));
    // Long summaries so the backwards reader crosses many 64 KB chunks.
    const many = Array.from({ length: 3000 }, (_, i) => ({
      ...entry(i + 1, i % 3 === 0 ? 'scorecard' : 'success'),
      summary: `change ${i + 1} ${'x'.repeat(100)}`,
    }));
    await archive.append(many);
    const page = await archive.page(2500, 5, (e) => e.area === 'scorecard');
    expect(page.entries.map((e) => e.rev)).toEqual([2497, 2494, 2491, 2488, 2485]);
    const all = await archive.page(Number.POSITIVE_INFINITY, 5000, () => true);
    expect(all.entries.map((e) => e.rev)).toEqual(many.map((e) => e.rev).reverse());
    expect(all.skipped).toBe(0);
  });

  it('moves old entries out of the workbook once the log passes its bound, and History shows both', async () => {
    const { path, host, archive } = await openedPlan();
    const total = AUDIT_MAX_ENTRIES + 50;
    for (let i = 0; i < total; i += 100) {
      await Promise.all(
        Array.from({ length: Math.min(100, total - i) }, (_, k) =>
          host.api['workbook:dispatch-command'](addStop(`sc-${i + k}`)),
        ),
      );
    }
    await host.close();
    const file = await readJson(path);
    expect(file.revision).toBe(total);
    expect(file.audit.length).toBeLessThanOrEqual(AUDIT_KEEP_ENTRIES + 100);
    const archived = await archivedRevs(archive);
    // Together they hold every revision exactly once, in order.
    expect([...archived, ...file.audit.map((e) => e.rev)]).toEqual(
      Array.from({ length: total }, (_, i) => i + 1),
    );

    const reopened = makeHost(join(dirname(path), 'other-data'));
    await openPath(reopened, path);
    const newest = await reopened.api['history:list-entries']({ limit: 3 });
    expect(newest.entries.map((e) => e.rev)).toEqual([total, total - 1, total - 2]);
    expect(newest.hasMore).toBe(true);
    const oldest = await reopened.api['history:list-entries']({ before: 4, limit: 10 });
    expect(oldest).toEqual({
      entries: [3, 2, 1].map((rev) => expect.objectContaining({ rev })),
      hasMore: false,
    });
  });

  it('keeps the sample compact and reopenable through 100,000 edits', { timeout: 240_000 }, async () => {
    const { path, host, archive } = await openedPlan(true);
    const start = (await readJson(path)).revision;
    const EDITS = 100_000;
    // A mix a war room makes: retune a threshold, add a stop condition, drop it, rename. Each
    // edit is made against the revision it follows (the host applies them in order, at once).
    const edit = (n: number, base: number): Command => {
      switch (n % 4) {
        case 0:
          return {
            type: 'item.update',
            collection: 'success.stopConditions',
            id: 'sc-errors',
            item: stopCondition('sc-errors', 1 + (n % 50) / 10),
            baseRevision: base,
          };
        case 1:
          return addStop(`sc-tmp-${n}`, n % 7);
        case 2:
          return {
            type: 'item.remove',
            collection: 'success.stopConditions',
            id: `sc-tmp-${n - 1}`,
            baseRevision: base,
          };
        default:
          return { type: 'workbook.rename', name: `Fernhill CRM, edit ${n}` };
      }
    };
    // Bursts, as a busy room would send them; each burst shares a few durable writes.
    for (let done = 0; done < EDITS; done += 1000) {
      await Promise.all(
        Array.from({ length: 1000 }, (_, k) =>
          host.api['workbook:dispatch-command'](edit(done + k, start + done + k)),
        ),
      );
    }
    await host.close();
    const info = await stat(path);
    expect(info.size).toBeLessThan(MAX_WORKBOOK_BYTES);
    expect(info.size).toBeLessThan(1024 * 1024);

    const reopened = makeHost(join(path, '..', 'reopen-data'));
    const state = await openPath(reopened, path);
    expect(state.problem).toBeNull();
    expect(state.workbook).toMatchObject({
      revision: start + EDITS,
      name: `Fernhill CRM, edit ${EDITS - 1}`,
    });
    expect(state.workbook?.success.stopConditions.map((s) => s.id)).toEqual([
      'sc-errors',
      'sc-login',
      'sc-tickets',
      'sc-sync',
    ]);
    const file = await readJson(path);
    const archived = await archivedRevs(archive);
    expect([...archived, ...file.audit.map((e) => e.rev)]).toEqual(
      Array.from({ length: start + EDITS }, (_, i) => i + 1),
    );
    console.info(
      `100,000 edits: workbook ${(info.size / 1024).toFixed(0)} KB with ${file.audit.length} recent entries; ` +
        `archive ${((await stat(archive)).size / 1024 / 1024).toFixed(1)} MB with ${archived.length}`,
    );
  });
});
