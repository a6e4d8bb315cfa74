import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migration010 } from '../../../shared/schema/migrations/010-drills';
import { SCHEMA_VERSION } from '../../../shared/schema/workbook';
import { makeHost, readJson, tempDir } from './helpers';

// Migration 010 gives a workbook its drills section (scenario library, corrective actions). A
// version-7 file goes through 007, 008 and 009 on its way, as a real old file would.

const V7_FIXTURE = resolve('tests/fixtures/v7/crm-migration.rollout.json');
const fail = (where: string, message: string): never => {
  throw new Error(`${where}: ${message}`);
};

describe('migration 010-drills', () => {
  it('gives an older workbook an empty drills section, on disk too, and changes nothing else', async () => {
    const dataDir = await tempDir();
    await mkdir(join(dataDir, 'files'));
    const path = join(dataDir, 'files', 'crm.rollout.json');
    await copyFile(V7_FIXTURE, path);
    const legacy = JSON.parse(await readFile(V7_FIXTURE, 'utf8'));
    expect(legacy.drills).toBeUndefined();

    const state = await makeHost(dataDir).openPath(path);

    expect(state.problem).toBeNull();
    expect(state.notice).toContain('010-drills');
    const wb = state.workbook!;
    // Later migrations add to the section (011: runs); this one's part is the library and actions.
    expect(wb.drills).toMatchObject({ scenarios: [], correctiveActions: [] });
    // The CAB's approvals move to the upgraded plan's hash: upgrade-approvals.test.ts.
    for (const section of ['success', 'architecture', 'waves', 'scorecard'] as const) {
      expect(wb[section]).toEqual(legacy[section]);
    }
    const onDisk = await readJson(path);
    expect(onDisk.schemaVersion).toBe(SCHEMA_VERSION);
    expect(onDisk.drills).toMatchObject({ scenarios: [], correctiveActions: [] });
  });

  it('refuses a version-10 file that already has a drills section, and does not touch its input', () => {
    expect(() => migration010.up({ schemaVersion: 10, drills: { scenarios: [] } }, fail)).toThrow(
      /^drills: a version 10 workbook has no drills section/,
    );
    const doc = { schemaVersion: 10, other: 1 };
    const out = migration010.up(doc, fail);
    expect(doc).toEqual({ schemaVersion: 10, other: 1 });
    expect(out.drills).toEqual({ scenarios: [], correctiveActions: [] });
    expect(out.other).toBe(1);
  });
});
