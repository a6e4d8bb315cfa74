import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackupStore } from '../../../electron/host/backups';
import { nodeDurableFs } from '../../../electron/host/durable-write';
import { emptyArchitecture } from '../../../shared/areas/architecture/schema';
import { QUESTION_IDS } from '../../../shared/areas/cab/questionnaire';
import { emptyCab } from '../../../shared/areas/cab/schema';
import { MIGRATIONS, migrate } from '../../../shared/schema/migrations';
import { migration006 } from '../../../shared/schema/migrations/006-cab';
import { SCHEMA_VERSION } from '../../../shared/schema/workbook';
import { makeHost, readJson, tempDir } from './helpers';

const FIXTURE = resolve('tests/fixtures/v1/payroll-pilot.rollout.json');
const V2_FIXTURE = resolve('tests/fixtures/v2/crm-tuned.rollout.json');
const V3_FIXTURE = resolve('tests/fixtures/v3/crm-migration.rollout.json');
const V4_FIXTURE = resolve('tests/fixtures/v4/crm-migration.rollout.json');
const V5_FIXTURE = resolve('tests/fixtures/v5/crm-migration.rollout.json');

/** The notice for a file of version `from`: every step from there to the current version. */
const upgraded = (from: number) =>
  `upgraded from schema ${from} to ${SCHEMA_VERSION} (${MIGRATIONS.filter((m) => m.from >= from)
    .map((m) => m.name)
    .join(', ')})`;

describe('migrations', () => {
  it('form one chain from version 1 up to SCHEMA_VERSION', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(
      Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1),
    );
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
  });

  it('opens a version-1 workbook, upgrades it on disk, says so, and keeps the original as a backup', async () => {
    const dataDir = await tempDir();
    await mkdir(join(dataDir, 'files'));
    const path = join(dataDir, 'files', 'payroll-pilot.rollout.json');
    await copyFile(FIXTURE, path);
    const original = await readFile(FIXTURE);
    const host = makeHost(dataDir);

    const state = await host.openPath(path);

    expect(state.problem).toBeNull();
    expect(state.notice).toContain(`${upgraded(1)}; a backup of the original was kept`);
    expect(state.save).toEqual({ state: 'saved' });
    expect(state.workbook?.success.stopConditions.map((s) => s.windowMinutes)).toEqual([15, 120]);

    const onDisk = await readJson(path);
    expect(onDisk.schemaVersion).toBe(SCHEMA_VERSION);
    expect(onDisk.revision).toBe(7);
    expect(onDisk.success.stopConditions[1]).not.toHaveProperty('window');
    expect(onDisk.success.stopConditions[1]?.windowMinutes).toBe(120);

    const dir = new BackupStore(dataDir, nodeDurableFs, () => new Date()).dirFor(path);
    const names = (await readdir(dir)).sort();
    expect(await readFile(join(dir, names[0]!))).toEqual(original);
    expect(names[0]).toMatch(/-r7\.rollout\.json$/);
  });

  it('upgrades in memory only when the file is read-only, leaving it as it was', async () => {
    const dataDir = await tempDir();
    await mkdir(join(dataDir, 'files'));
    const path = join(dataDir, 'files', 'payroll-pilot.rollout.json');
    await copyFile(FIXTURE, path);
    const editor = makeHost(dataDir);
    await editor.api['workbook:create-file']({ name: 'Something else' });
    // Another process is editing: take the lock by hand with a live pid (our parent's).
    await writeFile(
      `${path}.lock`,
      JSON.stringify({ pid: process.ppid, hostname: hostname(), startedAt: new Date().toISOString() }),
    );
    const state = await editor.openPath(path);
    expect(state.file?.readOnly).toBe(true);
    expect(state.workbook?.schemaVersion).toBe(SCHEMA_VERSION);
    expect(state.notice).toMatch(/upgraded in memory only .* The file was not changed/);
    await editor.close();
    expect(await readFile(path)).toEqual(await readFile(FIXTURE));
  });

  it('upgrades a version-2 workbook: each logged command becomes a compact entry, its command kept', async () => {
    const dataDir = await tempDir();
    await mkdir(join(dataDir, 'files'));
    const path = join(dataDir, 'files', 'crm-tuned.rollout.json');
    await copyFile(V2_FIXTURE, path);
    const original = await readFile(V2_FIXTURE);
    const legacy = JSON.parse(original.toString('utf8'));
    const host = makeHost(dataDir);

    const state = await host.openPath(path);
    expect(state.problem).toBeNull();
    expect(state.notice).toContain(`${upgraded(2)}; a backup of the original was kept`);
    expect(state.workbook).toMatchObject({ revision: 5, name: legacy.name });

    const onDisk = await readJson(path);
    expect(onDisk.schemaVersion).toBe(SCHEMA_VERSION);
    expect(onDisk.audit.map((e) => [e.rev, e.by, e.type, e.area, e.items])).toEqual([
      [1, 'amara', 'item.add', 'success', ['success.stopConditions/sc-latency']],
      [2, 'jun', 'item.update', 'success', ['success.stopConditions/sc-errors']],
      [3, 'jun', 'history.undo', 'workbook', []],
      [4, 'jun', 'item.update', 'success', ['success.stopConditions/sc-errors']],
      [5, 'amara', 'workbook.rename', 'workbook', []],
    ]);
    expect(onDisk.audit[1]?.summary).toBe(
      'Edited stopConditions item "sc-errors" (logged by an earlier version)',
    );
    // Nothing the old log held is dropped: each command is kept as it was written.
    expect(onDisk.audit.map((e) => e.legacy)).toEqual(
      legacy.audit.map((e: { command: unknown }) => e.command),
    );

    // The original bytes were backed up before anything was written back.
    const dir = new BackupStore(dataDir, nodeDurableFs, () => new Date()).dirFor(path);
    const names = (await readdir(dir)).sort();
    expect(await readFile(join(dir, names[0]!))).toEqual(original);

    // The History view shows the migrated entries, newest first.
    const page = await host.api['history:list-entries']({});
    expect(page.entries.map((e) => e.rev)).toEqual([5, 4, 3, 2, 1]);
  });

  it('upgrades a version-3 workbook: waves move to their area, metrics are made and linked, statuses kept', async () => {
    const dataDir = await tempDir();
    await mkdir(join(dataDir, 'files'));
    const path = join(dataDir, 'files', 'crm.rollout.json');
    await copyFile(V3_FIXTURE, path);
    const legacy = JSON.parse(await readFile(V3_FIXTURE, 'utf8'));
    const host = makeHost(dataDir);
    const state = await host.openPath(path);
    expect(state.problem).toBeNull();
    expect(state.notice).toContain(`${upgraded(3)}`);
    const wb = state.workbook!;
    expect(wb.architecture).toEqual(emptyArchitecture());
    expect('signals' in wb).toBe(false);
    expect(wb.waves.waves.map((w) => [w.id, w.state, w.segment.team, w.gates])).toEqual([
      ['wave-1', 'planned', 'Inside sales, Leeds office', []],
      ['wave-2', 'planned', 'UK and Ireland field sales', []],
      ['wave-3', 'planned', 'All sales teams, all regions', []],
    ]);
    // A metric for every stop condition and health signal, named as the file named them, once.
    const byId = new Map(wb.waves.metrics.map((m) => [m.id, m.name]));
    expect(wb.success.stopConditions.map((s) => [s.metric, byId.get(s.metricId)])).toEqual(
      legacy.success.stopConditions.map((s: { metric: string }) => [s.metric, s.metric]),
    );
    expect(wb.waves.waves[0]!.metrics.map((id) => byId.get(id))).toEqual(
      legacy.architecture.waves[0].healthSignals,
    );
    expect(new Set(wb.waves.metrics.map((m) => m.name.toLowerCase())).size).toBe(wb.waves.metrics.length);
    // Every old status is an assessment of the first wave, with its evidence.
    expect(wb.scorecard.items.map((i) => i.check)).toEqual([
      'success',
      'baseline',
      'pilot',
      'champions',
      'dashboards',
      'runbooks',
      'comms',
    ]);
    expect(wb.scorecard.assessments.map((a) => [a.itemId, a.waveId, a.status, a.evidence])).toEqual(
      legacy.scorecard.items.map((i: { id: string; status: string; evidence: string }) => [
        i.id,
        'wave-1',
        i.status,
        i.evidence,
      ]),
    );
  });

  it('upgrades a version-4 workbook: every reading typed by hand, no imports, deployments or incidents yet', async () => {
    const dataDir = await tempDir();
    await mkdir(join(dataDir, 'files'));
    const path = join(dataDir, 'files', 'crm.rollout.json');
    await copyFile(V4_FIXTURE, path);
    const legacy = JSON.parse(await readFile(V4_FIXTURE, 'utf8'));
    const host = makeHost(dataDir);
    const state = await host.openPath(path);
    expect(state.problem).toBeNull();
    expect(state.notice).toContain(`${upgraded(4)}`);
    const wb = state.workbook!;
    expect(wb.waves.readings).toEqual(legacy.waves.readings.map((r: object) => ({ ...r, batch: '' })));
    expect(wb.waves.readings.length).toBeGreaterThan(10);
    expect(wb.waves.deployments).toEqual([]);
    expect(wb.waves.imports).toEqual([]);
    expect(wb.runbooks).toEqual({
      incidents: [],
      runbooks: [],
      runs: [],
      timers: [],
      templates: [],
      cadence: [],
    });
    expect(wb.waves.waves).toEqual(legacy.waves.waves);
    expect(wb.scorecard).toEqual(legacy.scorecard);
    expect((await readJson(path)).schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('upgrades a version-5 workbook: step 2 gets its lists, all empty, and nothing else changes', async () => {
    const dataDir = await tempDir();
    await mkdir(join(dataDir, 'files'));
    const path = join(dataDir, 'files', 'crm.rollout.json');
    await copyFile(V5_FIXTURE, path);
    const legacy = JSON.parse(await readFile(V5_FIXTURE, 'utf8'));
    expect(legacy.architecture).toEqual({});
    const host = makeHost(dataDir);
    const state = await host.openPath(path);
    expect(state.problem).toBeNull();
    expect(state.notice).toContain(`${upgraded(5)}`);
    const wb = state.workbook!;
    expect(wb.architecture).toEqual(emptyArchitecture());
    for (const section of ['success', 'waves', 'scorecard'] as const) {
      expect(wb[section]).toEqual(legacy[section]);
    }
    // Migration 007 gives each incident its (empty) roles and timeline.
    expect(wb.runbooks.incidents).toEqual(
      legacy.runbooks.incidents.map((i: object) => ({ ...i, roles: [], timeline: [] })),
    );
    expect((await readJson(path)).architecture).toEqual(emptyArchitecture());
    // A version-5 section holding anything is not quietly emptied: the upgrade refuses, saying where.
    const odd = { ...legacy, architecture: { waves: [] } };
    expect(() => migrate(odd, 5)).toThrow(/has waves/);
  });
});

describe('migration 006-cab', () => {
  const v5 = resolve('tests/fixtures/v5/crm-migration.rollout.json');

  it('gives a version-6 workbook an empty CAB record, on disk too, and changes nothing else', async () => {
    const dataDir = await tempDir();
    await mkdir(join(dataDir, 'files'));
    const path = join(dataDir, 'files', 'crm.rollout.json');
    await copyFile(v5, path);
    const legacy = JSON.parse(await readFile(v5, 'utf8'));
    expect(legacy.cab).toEqual({});
    const state = await makeHost(dataDir).openPath(path);
    expect(state.problem).toBeNull();
    expect(state.notice).toContain(upgraded(5));
    const wb = state.workbook!;
    expect(wb.cab).toEqual(emptyCab());
    expect(wb.cab.change.answers).toEqual(Object.fromEntries(QUESTION_IDS.map((q) => [q, null])));
    for (const section of ['success', 'waves', 'scorecard'] as const) {
      expect(wb[section]).toEqual(legacy[section]);
    }
    // Migration 007 gives each incident its (empty) roles and timeline.
    expect(wb.runbooks.incidents).toEqual(
      legacy.runbooks.incidents.map((i: object) => ({ ...i, roles: [], timeline: [] })),
    );
    expect((await readJson(path)).cab).toEqual(emptyCab());
  });

  it('refuses a version-6 cab section that is not the empty object, naming the field', () => {
    const doc = { schemaVersion: 6, cab: { decisions: [] } };
    expect(() =>
      migration006.up(doc, (where, message) => {
        throw new Error(`${where}: ${message}`);
      }),
    ).toThrow(/^cab\.decisions: a version 6 cab section is empty/);
    expect(() =>
      migration006.up({ schemaVersion: 6, cab: [] }, (where) => {
        throw new Error(where);
      }),
    ).toThrow(/^cab$/);
  });
});
