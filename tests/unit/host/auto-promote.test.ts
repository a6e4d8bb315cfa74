import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROMOTION_RULE } from '../../../electron/host/auto-promote';
import { makeHost, readJson, SAMPLE, tempDir } from './helpers';

// The automatic promotion rule runs in the host, on the clock: a wave set to promote itself is
// promoted the moment its hold is over and every gate passes, signed by the rule, and not before.

const HOUR = 3_600_000;

async function sampleAt(clock: { now: number }) {
  const dataDir = await tempDir();
  const path = join(dataDir, 'plan.rollout.json');
  await copyFile(SAMPLE, path);
  const host = makeHost(dataDir, { now: () => new Date(clock.now) });
  await host.openPath(path);
  return { host, path };
}

describe('automatic promotion', () => {
  it('promotes an automatic wave once its hold is over and its gates pass, and never earlier', async () => {
    // In the sample, wave 2 went live at 11:00 (story time) and its SSO gate reads every 10 min.
    const wave2Live = Date.parse('2026-11-20T11:00:00.000Z');
    const clock = { now: wave2Live + 20 * 60_000 };
    const { host, path } = await sampleAt(clock);
    const wb = (await host.api['session:get-state'](undefined)).workbook!;
    const { state: _s, startedAt: _t, moves: _m, ...plan } = wb.waves.waves[1]!;
    // Make it a 1 h hold on the automatic rule, gated by the SSO stop condition only.
    await host.api['workbook:dispatch-command']({
      type: 'item.update',
      collection: 'waves.waves',
      id: 'wave-2',
      item: { ...plan, promotion: 'auto', holdHours: 1, gates: ['sc-login'] },
      baseRevision: wb.revision,
    });

    clock.now = wave2Live + 50 * 60_000;
    await host.tick();
    expect((await readJson(path)).waves.waves[1]!.state).toBe('live');

    clock.now = wave2Live + HOUR + 5 * 60_000;
    await host.tick();
    const after = await readJson(path);
    expect(after.waves.waves[1]!.state).toBe('promoted');
    expect(after.waves.waves[1]!.moves.at(-1)).toMatchObject({
      by: PROMOTION_RULE.name,
      role: PROMOTION_RULE.role,
      from: 'live',
      to: 'promoted',
      reason: 'Automatic promotion: The 1 h hold is over and its gate passes.',
    });
    expect(after.audit.at(-1)).toMatchObject({ by: 'Automatic promotion', type: 'wave.move' });
  });

  it('leaves manual waves to people, however ready they are', async () => {
    const wave2Live = Date.parse('2026-11-20T11:00:00.000Z');
    const clock = { now: wave2Live + 80 * HOUR };
    const { host, path } = await sampleAt(clock);
    await host.tick();
    expect((await readJson(path)).waves.waves[1]!.state).toBe('live');
  });
});
