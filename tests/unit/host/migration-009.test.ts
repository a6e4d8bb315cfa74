import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migration009 } from '../../../shared/schema/migrations/009-pilot-and-adoption';
import { SCHEMA_VERSION } from '../../../shared/schema/workbook';
import { makeHost, readJson, tempDir } from './helpers';

// Migration 009 gives a workbook its pilot and adoption records. A version-7 file goes through
// 007 and 008 on its way, as a real old file would.

const V7_FIXTURE = resolve('tests/fixtures/v7/crm-migration.rollout.json');
const fail = (where: string, message: string): never => {
  throw new Error(`${where}: ${message}`);
};

describe('migration 009-pilot-and-adoption', () => {
  it('gives an older workbook empty pilot and adoption records, on disk too, and changes nothing else', async () => {
    const dataDir = await tempDir();
    await mkdir(join(dataDir, 'files'));
    const path = join(dataDir, 'files', 'crm.rollout.json');
    await copyFile(V7_FIXTURE, path);
    const legacy = JSON.parse(await readFile(V7_FIXTURE, 'utf8'));
    expect(legacy.pilot).toEqual({});
    expect(legacy.adoption).toEqual({});

    const state = await makeHost(dataDir).openPath(path);

    expect(state.problem).toBeNull();
    expect(state.notice).toContain('009-pilot-and-adoption');
    const wb = state.workbook!;
    expect(wb.pilot).toEqual({ startedAt: null, groups: [], feedback: [], kpis: [], updates: [] });
    expect(wb.adoption).toEqual({ cohorts: [], usage: [], frictions: [] });
    // The CAB's approvals move to the upgraded plan's hash: upgrade-approvals.test.ts.
    for (const section of ['success', 'architecture', 'waves', 'scorecard'] as const) {
      expect(wb[section]).toEqual(legacy[section]);
    }
    const onDisk = await readJson(path);
    expect(onDisk.schemaVersion).toBe(SCHEMA_VERSION);
    expect(onDisk.pilot.kpis).toEqual([]);
    expect(onDisk.adoption.usage).toEqual([]);
  });

  it('refuses a version-9 pilot or adoption section that is not the empty object, naming the field', () => {
    expect(() => migration009.up({ schemaVersion: 9, pilot: { groups: [] }, adoption: {} }, fail)).toThrow(
      /^pilot\.groups: a version 9 pilot section is empty/,
    );
    expect(() => migration009.up({ schemaVersion: 9, pilot: {}, adoption: [] }, fail)).toThrow(/^adoption: /);
    const doc = { schemaVersion: 9, pilot: {}, adoption: {}, other: 1 };
    const out = migration009.up(doc, fail);
    expect(doc.pilot).toEqual({});
    expect(out.other).toBe(1);
  });
});
