import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/host/dispatch';
import type { Host } from '../../../electron/host/types';
import type { WorkbookChange } from '../../../shared/contract';
import { MAX_WORKBOOK_BYTES } from '../../../shared/domain/limits';
import { readingsKind } from '../../../shared/import/kinds/readings';
import { blankMapping } from '../../../shared/import/layout';
import type { RememberedMapping } from '../../../shared/import/mapping-schema';
import { makeHost, readJson, tempDir, unwrap } from './helpers';

// A confirmed import through the real host: one change, checked again by the host, written
// durably, pushed to every window as patches, and logged as one compact, readable entry — so
// 100,000 readings neither double the file nor break undo and redo, and the size guard still
// refuses an import the file could not hold. Remembered mappings live in the app's settings.

async function sampleHost(): Promise<{ host: Host; path: string; started: number }> {
  const dataDir = await tempDir();
  const host = makeHost(dataDir);
  await host.start();
  const wb = (await host.api['session:get-state'](undefined)).workbook!;
  const started = Date.parse(wb.waves.waves.find((w) => w.id === 'wave-2')!.startedAt!);
  return { host, path: join(dataDir, 'workbooks', 'crm-migration.rollout.json'), started };
}

/** `count` readings of two metrics in wave 2, 100 ms apart from its start (never on a sample reading's time). */
function readings(count: number, started: number, source = '') {
  return {
    type: 'wave.readings-import' as const,
    id: `imp-${count}`,
    fileName: 'sales-api.csv',
    source,
    waveId: '',
    metrics: [],
    readings: Array.from({ length: count }, (_, i) => ({
      row: i + 2,
      metricId: i % 2 ? 'm-api-5xx' : 'm-sso-login',
      at: new Date(started + 37 + Math.floor(i / 2) * 100).toISOString(),
      value: Math.round(i * 7) / 100,
    })),
  };
}

const dispatch = (host: Host, command: unknown) => invoke(host.api, 'workbook:dispatch-command', command);

describe('an import through the host', () => {
  it('is one change: on disk stamped with its import, pushed as patches, logged as one readable entry, undone and redone whole', async () => {
    const { host, path, started } = await sampleHost();
    const pushes: WorkbookChange[] = [];
    host.on('workbook:changed', (c) => pushes.push(c));
    const before = await readJson(path);
    unwrap(await dispatch(host, readings(4, started, 'Grafana: sales-api')));

    let wb = await readJson(path);
    expect(wb.revision).toBe(before.revision + 1);
    const imported = wb.waves.readings.filter((r) => r.batch === 'imp-4');
    expect(imported.map((r) => [r.id, r.metricId, r.waveId, r.source, r.by])).toEqual([
      ['imp-4-0', 'm-sso-login', 'wave-2', 'Grafana: sales-api', 'Tess Tester'],
      ['imp-4-1', 'm-api-5xx', 'wave-2', 'Grafana: sales-api', 'Tess Tester'],
      ['imp-4-2', 'm-sso-login', 'wave-2', 'Grafana: sales-api', 'Tess Tester'],
      ['imp-4-3', 'm-api-5xx', 'wave-2', 'Grafana: sales-api', 'Tess Tester'],
    ]);
    expect(wb.waves.imports).toEqual([
      ...before.waves.imports,
      expect.objectContaining({
        id: 'imp-4',
        kind: 'readings',
        fileName: 'sales-api.csv',
        count: 4,
        by: 'Tess Tester',
      }),
    ]);
    expect(pushes).toHaveLength(1);
    // The four readings travel as one append, then the import's own record.
    expect(pushes[0]!.patches.map((p) => [p.op, p.path.join('.')])).toEqual([
      ['append', 'waves.readings'],
      ['add', `waves.imports.${wb.waves.imports.length - 1}`],
    ]);
    expect(pushes[0]!.patches[0]!.value).toHaveLength(4);
    const entry = wb.audit.at(-1)!;
    expect(entry).toMatchObject({
      type: 'wave.readings-import',
      area: 'waves',
      items: ['waves.imports/imp-4'],
      summary:
        'Imported 4 readings into Wave 2: early regions from sales-api.csv (Grafana: sales-api), import imp-4: SSO login success 2, Sales API 5xx rate 2',
    });
    const at = before.waves.imports.length;
    expect(entry.changes).toEqual([
      { op: 'add', path: ['waves', 'imports', at], value: wb.waves.imports[at] },
    ]);

    unwrap(await invoke(host.api, 'workbook:undo-change', undefined));
    wb = await readJson(path);
    expect(wb.waves.readings).toEqual(before.waves.readings);
    expect(wb.waves.imports).toEqual(before.waves.imports);
    expect(wb.audit.at(-1)).toMatchObject({
      type: 'history.undo',
      summary: expect.stringMatching(/^Undid: Imported 4 readings/),
      changes: [{ op: 'remove', path: ['waves', 'imports', at] }],
    });
    unwrap(await invoke(host.api, 'workbook:redo-change', undefined));
    wb = await readJson(path);
    expect(wb.waves.readings.filter((r) => r.batch === 'imp-4')).toEqual(imported);

    // Taken back as a whole, by its id, against the revision the person was looking at.
    unwrap(
      await dispatch(host, { type: 'wave.import-take-back', importId: 'imp-4', baseRevision: wb.revision }),
    );
    wb = await readJson(path);
    expect(wb.waves.readings).toEqual(before.waves.readings);
    expect(wb.waves.imports).toEqual(before.waves.imports);
    expect(wb.audit.at(-1)!.summary).toMatch(
      /^Took back import imp-4 \(sales-api\.csv, by Tess Tester on .*\): removed 4 readings; metrics it created stay$/,
    );
  });

  it('is taken back whole even after readings were typed in since, and undoing that puts every reading back where it was', async () => {
    const { host, path, started } = await sampleHost();
    unwrap(await dispatch(host, readings(3000, started)));
    // Typed in after the import: its readings are no longer at the end of the list.
    for (let k = 0; k < 3; k++) {
      unwrap(
        await dispatch(host, {
          type: 'wave.reading-add',
          id: `rd-after-${k}`,
          waveId: 'wave-2',
          metricId: 'm-sync-lag',
          at: new Date(started + 1_000 + k).toISOString(),
          value: 7,
          source: '',
        }),
      );
    }
    const withImport = (await readJson(path)).waves.readings;
    const pushes: WorkbookChange[] = [];
    host.on('workbook:changed', (c) => pushes.push(c));
    const revision = (await readJson(path)).revision;
    unwrap(
      await dispatch(host, { type: 'wave.import-take-back', importId: 'imp-3000', baseRevision: revision }),
    );
    const after = (await readJson(path)).waves.readings;
    expect(after).toEqual(withImport.filter((r) => r.batch !== 'imp-3000'));
    expect(after.slice(-3).map((r) => r.id)).toEqual(['rd-after-0', 'rd-after-1', 'rd-after-2']);
    // 9,000 shifts through a draft would cost more than pushing the list whole: one replace.
    expect(pushes[0]!.patches.map((p) => [p.op, p.path.join('.')])).toContainEqual([
      'replace',
      'waves.readings',
    ]);
    unwrap(await invoke(host.api, 'workbook:undo-change', undefined));
    expect((await readJson(path)).waves.readings).toEqual(withImport);
  });

  it('is checked again by the host: any bad reading refuses the whole import, naming its row, and nothing changes', async () => {
    const { host, path, started } = await sampleHost();
    const before = await readFile(path);
    const command = readings(6, started);
    const existing = (await readJson(path)).waves.readings.find((r) => r.metricId === 'm-sso-login')!;
    command.readings[1] = { row: 3, metricId: 'm-sso-login', at: existing.at, value: 1 };
    command.readings[3] = { row: 5, metricId: 'm-api-5xx', at: '2019-01-01T00:00:00.000Z', value: 1 };
    command.readings[4] = { ...command.readings[0]!, row: 6 };
    const reply = await dispatch(host, command);
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('invalid-item');
    expect(reply.error.issues.map((i) => i.path)).toEqual(['Row 3', 'Row 5', 'Row 6']);
    expect(reply.error.message).toMatch(
      /^Nothing was imported: 3 rows of 6 readings cannot be\. Row 3: SSO login success already has a reading at /,
    );
    expect(reply.error.issues[1]!.message).toMatch(/^2019-01-01 00:00:00 UTC is before any wave went live/);
    expect(reply.error.issues[2]!.message).toMatch(/^row 2 already gives SSO login success at /);
    // And the zod schema before any of that: a value that is not a number never reaches the plan.
    const typed = await dispatch(host, {
      ...readings(1, started),
      readings: [{ row: 2, metricId: 'm-api-5xx', at: 'soon', value: 'x' }],
    });
    expect(typed.ok).toBe(false);
    expect((await readFile(path)).equals(before)).toBe(true);
  });

  it('of 100,000 readings does not double the file through its audit entry, and undo and redo stay small on disk', async () => {
    const { host, path, started } = await sampleHost();
    const base = (await stat(path)).size;
    unwrap(await dispatch(host, readings(100_000, started, 'Grafana: sales-api')));
    const wb = await readJson(path);
    // The readings as the file holds them: two levels down, indented with it.
    const readingsBytes = Buffer.byteLength(
      JSON.stringify({ waves: { readings: wb.waves.readings } }, null, 2),
    );
    const after = (await stat(path)).size;
    // The file grew by the readings (as written, indented) and barely more.
    expect(after - base).toBeLessThan(readingsBytes * 1.05);
    expect(JSON.stringify(wb.audit.at(-1)).length).toBeLessThan(1000);
    unwrap(await invoke(host.api, 'workbook:undo-change', undefined));
    expect((await stat(path)).size).toBeLessThan(base + 5_000);
    unwrap(await invoke(host.api, 'workbook:redo-change', undefined));
    expect((await stat(path)).size).toBeLessThan(after + 5_000);
    expect((await readJson(path)).waves.readings).toHaveLength(wb.waves.readings.length);
  });

  it('that would take the file past its limit is refused with its size, and nothing is lost', async () => {
    const { host, path, started } = await sampleHost();
    const before = await readFile(path);
    // 200,000 readings with a long source each: well past 50 MB once written.
    const reply = await dispatch(host, readings(200_000, started, 'G'.repeat(200)));
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('too-large');
    expect(reply.error.message).toMatch(
      /^This change was not applied: it would make the workbook \d+\.\d MB, over the 50\.0 MB/,
    );
    expect((await readFile(path)).equals(before)).toBe(true);
    expect(before.length).toBeLessThan(MAX_WORKBOOK_BYTES);
    // The host goes on working.
    unwrap(await dispatch(host, readings(2, started)));
  });
});

describe('remembered mappings', () => {
  const header = ['Series', 'Time', 'Value'];
  const mapping = {
    ...blankMapping(readingsKind, ';', 'Europe/Berlin'),
    layout: 'long' as const,
    fields: { series: { column: 0 }, time: { column: 1 }, value: { column: 2 } },
    matches: [
      {
        value: '__proto__',
        choice: { to: 'existing' as const, id: 'm-api-5xx', name: 'Sales API 5xx rate' },
      },
    ],
    source: 'Grafana: sales-api errors',
  };

  it('are kept in the app settings by kind and header, found again after a restart, newest first', async () => {
    const dataDir = await tempDir();
    const host = makeHost(dataDir);
    await host.start();
    expect(unwrap(await invoke(host.api, 'imports:find-mapping', { kind: 'readings', header }))).toBeNull();
    unwrap(await invoke(host.api, 'imports:remember-mapping', { kind: 'readings', header, mapping }));
    const changed = { ...mapping, zone: 'UTC' };
    unwrap(
      await invoke(host.api, 'imports:remember-mapping', {
        kind: 'readings',
        header: [' Series', 'Time ', 'Value'],
        mapping: changed,
      }),
    );
    await host.close();

    const again = makeHost(dataDir);
    await again.start();
    const found = unwrap(
      await invoke(again.api, 'imports:find-mapping', { kind: 'readings', header }),
    ) as RememberedMapping | null;
    expect(found).toMatchObject({ kind: 'readings', mapping: changed });
    // A series called "__proto__" is a value in a list, never a key: it comes back as it went.
    expect(found?.mapping.matches[0]?.value).toBe('__proto__');
    expect(
      unwrap(
        await invoke(again.api, 'imports:find-mapping', { kind: 'readings', header: ['Time', 'Value'] }),
      ),
    ).toBeNull();
    expect(
      unwrap(await invoke(again.api, 'imports:find-mapping', { kind: 'deployments', header })),
    ).toBeNull();
    const settings = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'));
    expect(settings.importMappings).toHaveLength(1);
  });

  it('refuses a mapping that is not one, and keeps no more than a hundred', async () => {
    const dataDir = await tempDir();
    const host = makeHost(dataDir);
    await host.start();
    for (const bad of [
      { kind: 'readings', header, mapping: { ...mapping, fields: { 'Time column': { column: 0 } } } },
      { kind: 'readings', header, mapping: { ...mapping, layout: 'diagonal' } },
      { kind: 'Readings!', header, mapping },
      { kind: 'readings', header: [], mapping },
      { kind: 'readings', header, mapping: { ...mapping, wideColumns: [-1] } },
    ]) {
      const reply = await invoke(host.api, 'imports:remember-mapping', JSON.parse(JSON.stringify(bad)));
      expect(reply.ok, JSON.stringify(bad).slice(0, 120)).toBe(false);
    }
    // A "__proto__" key is dropped by the schema, never assigned: no prototype is touched.
    const sneaky = JSON.parse(JSON.stringify({ kind: 'readings', header, mapping }));
    sneaky.mapping.fields = JSON.parse('{"__proto__": {"column": 0}, "time": {"column": 1}}');
    const saved = unwrap(await invoke(host.api, 'imports:remember-mapping', sneaky)) as RememberedMapping;
    expect(Object.getPrototypeOf(saved.mapping.fields)).toBe(Object.prototype);
    expect(Object.keys(saved.mapping.fields)).toEqual(['time']);
    for (let i = 0; i < 105; i++) {
      unwrap(
        await invoke(host.api, 'imports:remember-mapping', {
          kind: 'readings',
          header: [`Time ${i}`, 'Value'],
          mapping,
        }),
      );
    }
    const settings = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'));
    expect(settings.importMappings).toHaveLength(100);
    expect(settings.importMappings[0].header[0]).toBe('Time 104');
  });
});
