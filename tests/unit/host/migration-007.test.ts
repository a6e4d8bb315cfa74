import { readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planHash } from '../../../electron/host/cab-hash';
import { migration007 } from '../../../shared/schema/migrations/007-runbooks';
import { SCHEMA_VERSION } from '../../../shared/schema/workbook';
import { makeHost, readJson, tempDir } from './helpers';

// Migration 007 gives incidents their roles and timeline, and the runbooks section its runbooks,
// runs, timers, comms templates and cadence rules. The version-7 fixture carries two CAB
// approvals: upgrading must not make their plan "changed since approval".

const V7_FIXTURE = resolve('tests/fixtures/v7/crm-migration.rollout.json');
const fail = (where: string, message: string): never => {
  throw new Error(`${where}: ${message}`);
};

describe('migration 007-runbooks', () => {
  it('gives incidents empty roles and timelines and the section its empty lists, on disk too', async () => {
    const dataDir = await tempDir();
    await mkdir(join(dataDir, 'files'));
    const path = join(dataDir, 'files', 'crm.rollout.json');
    await copyFile(V7_FIXTURE, path);
    const legacy = JSON.parse(await readFile(V7_FIXTURE, 'utf8'));
    const state = await makeHost(dataDir).openPath(path);
    expect(state.problem).toBeNull();
    expect(state.notice).toContain('007-runbooks');
    const wb = state.workbook!;
    expect(wb.runbooks.incidents).toEqual(
      legacy.runbooks.incidents.map((i: object) => ({ ...i, roles: [], timeline: [] })),
    );
    expect(wb.runbooks).toMatchObject({ runbooks: [], runs: [], timers: [], templates: [], cadence: [] });
    const onDisk = await readJson(path);
    expect(onDisk.schemaVersion).toBe(SCHEMA_VERSION);
    expect(onDisk.runbooks.timers).toEqual([]);
  });

  it('counts a written runbook as plan, and runs and timers as run records', () => {
    // The approvals of a v7 file move to the upgraded plan's hash when the host opens it:
    // upgrade-approvals.test.ts.
    const after = migration007.up(JSON.parse(readFileSync(V7_FIXTURE, 'utf8')), fail);
    const hash = planHash(after);
    const withRunbook = { ...after, runbooks: { ...(after.runbooks as object), runbooks: [{ id: 'rb' }] } };
    expect(planHash(withRunbook)).not.toBe(hash);
    const running = {
      ...after,
      runbooks: { ...(after.runbooks as object), timers: [{ id: 't' }], runs: [{ id: 'r' }] },
    };
    expect(planHash(running)).toBe(hash);
  });

  it('refuses a version-7 runbooks section that already has a later field, naming it, and mutates nothing', () => {
    const doc = { schemaVersion: 7, runbooks: { incidents: [], timers: [] } };
    expect(() => migration007.up(doc, fail)).toThrow(/^runbooks\.timers: /);
    expect(() =>
      migration007.up({ schemaVersion: 7, runbooks: { incidents: [{ id: 'i', timeline: [] }] } }, fail),
    ).toThrow(/^runbooks\.incidents\[0\]\.timeline: /);
    expect(() => migration007.up({ schemaVersion: 7, runbooks: [] }, fail)).toThrow(/^runbooks: /);
    const ok = { schemaVersion: 7, runbooks: { incidents: [{ id: 'i' }] } };
    const out = migration007.up(ok, fail);
    expect(ok.runbooks.incidents[0]).toEqual({ id: 'i' });
    expect((out.runbooks as { incidents: unknown[] }).incidents[0]).toEqual({
      id: 'i',
      roles: [],
      timeline: [],
    });
  });
});
