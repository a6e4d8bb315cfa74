import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migration008 } from '../../../shared/schema/migrations/008-stakeholders';
import { SCHEMA_VERSION } from '../../../shared/schema/workbook';
import { makeHost, readJson, tempDir } from './helpers';

// Migration 008 turns a group's one champion into a list, gives it size / major / "what changes
// Monday", and gives the section its people, map, check-ins, objections, comms and decisions.

const V7_FIXTURE = resolve('tests/fixtures/v7/crm-migration.rollout.json');
const fail = (where: string, message: string): never => {
  throw new Error(`${where}: ${message}`);
};

describe('migration 008-stakeholders', () => {
  it('keeps every group and its names, champion becomes a list, on disk too', async () => {
    const dataDir = await tempDir();
    await mkdir(join(dataDir, 'files'));
    const path = join(dataDir, 'files', 'crm.rollout.json');
    await copyFile(V7_FIXTURE, path);
    const legacy = JSON.parse(await readFile(V7_FIXTURE, 'utf8'));
    const state = await makeHost(dataDir).openPath(path);
    expect(state.problem).toBeNull();
    expect(state.notice).toContain('008-stakeholders');
    const s = state.workbook!.stakeholders;
    expect(s.groups.map((g) => g.id)).toEqual(['sg-inside', 'sg-field', 'sg-finance']);
    expect(s.groups[0]).toEqual({
      id: 'sg-inside',
      name: 'Inside sales',
      role: 'recipient',
      sponsor: 'Priya Raman',
      commsOwner: 'Tomás Ekwueme',
      size: 0,
      major: true,
      champions: ['Leah Brandt'],
      mondayChange: '',
    });
    expect(s.groups[1]!.champions).toEqual([]);
    expect(s.groups[2]!.commsOwner).toBe('');
    expect(s.people).toEqual([]);
    expect(s.placements).toEqual([]);
    expect(s.decisions).toEqual([]);
    // The CAB's approvals move to the upgraded plan's hash: upgrade-approvals.test.ts.
    for (const section of ['success', 'architecture', 'waves', 'scorecard'] as const) {
      expect(state.workbook![section]).toEqual(legacy[section]);
    }
    const onDisk = (await readJson(path)) as unknown as {
      schemaVersion: number;
      stakeholders: { groups: Record<string, unknown>[] };
    };
    expect(onDisk.schemaVersion).toBe(SCHEMA_VERSION);
    expect(onDisk.stakeholders.groups[0]?.champions).toEqual(['Leah Brandt']);
    expect(onDisk.stakeholders.groups[0]?.champion).toBeUndefined();
  });

  it('refuses a version-8 stakeholders section it cannot read, naming where; the input is not mutated', () => {
    expect(() => migration008.up({ stakeholders: [] }, fail)).toThrow(/^stakeholders: /);
    expect(() => migration008.up({ stakeholders: {} }, fail)).toThrow(/^stakeholders\.groups: /);
    expect(() => migration008.up({ stakeholders: { groups: [{ champion: 3 }] } }, fail)).toThrow(
      /^stakeholders\.groups\[0\]\.champion: /,
    );
    const doc = { stakeholders: { groups: [{ id: 'g', champion: 'A' }] } };
    const out = migration008.up(doc, fail) as { stakeholders: { groups: unknown[] } };
    expect(doc.stakeholders.groups[0]).toEqual({ id: 'g', champion: 'A' });
    expect(out.stakeholders.groups[0]).toMatchObject({ id: 'g', champions: ['A'], major: true });
  });
});
