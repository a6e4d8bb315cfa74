import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planHash } from '../../../electron/host/cab-hash';
import { quorumStatus } from '../../../shared/areas/cab/quorum';
import { makeHost, readJson, tempDir } from './helpers';

// An upgrade rewrites the plan in the new format (migration 008 turns a group's champion into a
// list of champions, 009 and 010 add sections), so the plan's hash moves. The board approved the
// plan, not its format: the approvals of the plan the file held move with it, on disk too, and
// the kept version holds the upgraded plan, so "changed since approval" stays off.

const V7_FIXTURE = resolve('tests/fixtures/v7/crm-migration.rollout.json');

describe('CAB approvals across a schema upgrade', () => {
  it('stay current: decisions and the kept version move to the upgraded plan’s hash', async () => {
    const dataDir = await tempDir();
    await mkdir(join(dataDir, 'files'));
    const path = join(dataDir, 'files', 'crm.rollout.json');
    await copyFile(V7_FIXTURE, path);
    const legacy = JSON.parse(await readFile(V7_FIXTURE, 'utf8'));
    const before = planHash(legacy);
    expect(legacy.cab.decisions.map((d: { reviewedHash: string }) => d.reviewedHash)).toEqual([
      before,
      before,
    ]);
    expect(quorumStatus(legacy.cab, before).state).toBe('approved-with-conditions');

    const state = await makeHost(dataDir).openPath(path);
    expect(state.problem).toBeNull();
    const wb = state.workbook!;
    const after = planHash(wb);
    expect(after).not.toBe(before);
    expect(wb.cab.decisions.map((d) => d.reviewedHash)).toEqual([after, after]);
    expect(wb.cab.versions.map((v) => v.hash)).toEqual([after]);
    expect(planHash(wb.cab.versions[0]!.content)).toBe(after);
    expect(quorumStatus(wb.cab, after).state).toBe('approved-with-conditions');
    // Nothing else about the decisions changed.
    expect(wb.cab.decisions.map((d) => [d.reviewer, d.decision, d.comment])).toEqual(
      legacy.cab.decisions.map((d: { reviewer: string; decision: string; comment: string }) => [
        d.reviewer,
        d.decision,
        d.comment,
      ]),
    );
    const onDisk = await readJson(path);
    expect(onDisk.cab?.decisions[0]?.reviewedHash).toBe(after);
  });
});
