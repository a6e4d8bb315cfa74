import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migration011 } from '../../../shared/schema/migrations/011-drill-runs';
import { SCHEMA_VERSION } from '../../../shared/schema/workbook';
import { makeHost, readJson, tempDir } from './helpers';

// Migration 011 gives the drills section its runs, and each corrective action an empty run
// link. A version-7 file goes through 007–010 on its way, as a real old file would.

const V7_FIXTURE = resolve('tests/fixtures/v7/crm-migration.rollout.json');
const fail = (where: string, message: string): never => {
  throw new Error(`${where}: ${message}`);
};
const action = {
  id: 'ca-1',
  text: 'Time the rollback',
  element: 'exercises',
  owner: 'Jun',
  start: '2026-11-01',
  due: '2026-11-09',
  status: 'open',
  scenarioId: '',
};

describe('migration 011-drill-runs', () => {
  it('opens an older workbook with no runs, on disk too, and changes nothing else', async () => {
    const dataDir = await tempDir();
    await mkdir(join(dataDir, 'files'));
    const path = join(dataDir, 'files', 'crm.rollout.json');
    await copyFile(V7_FIXTURE, path);
    const legacy = JSON.parse(await readFile(V7_FIXTURE, 'utf8'));

    const state = await makeHost(dataDir).openPath(path);

    expect(state.problem).toBeNull();
    expect(state.notice).toContain('011-drill-runs');
    expect(state.workbook!.drills).toEqual({ scenarios: [], runs: [], correctiveActions: [] });
    for (const section of ['success', 'architecture', 'waves', 'scorecard'] as const) {
      expect(state.workbook![section]).toEqual(legacy[section]);
    }
    const onDisk = await readJson(path);
    expect(onDisk.schemaVersion).toBe(SCHEMA_VERSION);
    expect(onDisk.drills.runs).toEqual([]);
  });

  it('keeps every corrective action, each with an empty run link, without touching its input', () => {
    const doc = { schemaVersion: 11, drills: { scenarios: [], correctiveActions: [action] } };
    const out = migration011.up(doc, fail);
    expect(out.drills).toEqual({ scenarios: [], runs: [], correctiveActions: [{ ...action, runId: '' }] });
    expect(doc.drills.correctiveActions[0]).toEqual(action);
  });

  it('refuses a version-11 file that already has runs, or an action that already names one', () => {
    expect(() =>
      migration011.up({ drills: { scenarios: [], runs: [], correctiveActions: [] } }, fail),
    ).toThrow(/^drills\.runs: a version 11 workbook has no drill runs/);
    expect(() =>
      migration011.up({ drills: { scenarios: [], correctiveActions: [{ ...action, runId: 'r1' }] } }, fail),
    ).toThrow(/^drills\.correctiveActions\[0\]\.runId/);
    expect(() => migration011.up({ other: 1 }, fail)).toThrow(/^drills: /);
  });
});
