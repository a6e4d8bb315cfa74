import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/host/dispatch';
import { DRILL_CLOCK } from '../../../electron/host/drill-service';
import type { Host } from '../../../electron/host/types';
import type { Scenario } from '../../../shared/areas/drills/schema';
import type { Reply } from '../../../shared/contract';
import { makeHost, readJson, tempDir, workbookJson } from './helpers';

// The host's drill clock on the real host and real files, driven by a fake wall clock: at 1×,
// 10× and 60× every inject fires in order, not a millisecond early, stamped when it was due;
// pause/resume shifts what is left; a jump fires exactly the next inject; "fire now" after a pause
// fires now and the first inject after a pause fires when drill time reaches it; a restart fires
// what fell due while the app was closed, once, stamped when due. Bad input changes nothing.

const T0 = Date.parse('2026-12-01T10:00:00.000Z');
const MIN = 60_000;
const scenario: Scenario = JSON.parse(
  readFileSync('resources/scenarios/permissions-outage.scenario.json', 'utf8'),
).scenario;
// Offsets 0, 900, 1800 and 2400 s: inj-1 … inj-4.
const OFFSETS = scenario.injects.map((i) => i.offsetSec);

async function fixture(clock: { wall: number }, dataDir?: string) {
  const dir = dataDir ?? (await tempDir());
  const path = join(dir, 'drill.rollout.json');
  if (!dataDir) await writeFile(path, workbookJson());
  const host = makeHost(dir, { now: () => new Date(clock.wall) });
  const state = await host.openPath(path);
  expect(state.problem).toBeNull();
  return { host, path, dir };
}

const send = (host: Host, cmd: unknown) => invoke(host.api, 'workbook:dispatch-command', cmd);
async function ok(host: Host, cmd: unknown) {
  const reply = await send(host, cmd);
  if (!reply.ok) throw new Error(reply.error.message);
}
const workbook = async (host: Host) => (await host.api['session:get-state'](undefined)).workbook!;
const run = async (host: Host) => (await workbook(host)).drills.runs[0]!;
const firedIds = async (host: Host) => (await run(host)).fired.map((f) => f.injectId);

async function startDrill(host: Host, speed: number) {
  await ok(host, { type: 'drills.add-scenarios', from: 'test', scenarios: [scenario] });
  await ok(host, { type: 'drills.run-create', runId: 'd1', scenarioId: scenario.id, facilitator: 'Fay' });
  await ok(host, { type: 'drills.run-start', runId: 'd1', speed, severity: 'SEV2' });
}

function refused(reply: Reply<unknown>, message: RegExp) {
  expect(reply.ok).toBe(false);
  if (!reply.ok) expect(reply.error.message).toMatch(message);
}

describe('host drill clock', () => {
  for (const speed of [1, 10, 60]) {
    it(`at ${speed}× fires every inject in order, on time, stamped when due`, async () => {
      const clock = { wall: T0 };
      const { host } = await fixture(clock);
      await startDrill(host, speed);
      const inc = (await workbook(host)).runbooks.incidents.find((i) => i.id === 'd1-inc')!;
      expect(inc.drill).toBe(true);
      expect((await run(host)).incidentId).toBe('d1-inc');
      for (const [n, offset] of OFFSETS.entries()) {
        const due = T0 + Math.ceil((offset * 1000) / speed);
        if (offset > 0) {
          // Not a millisecond early (an inject at T+0 fires as the clock starts).
          clock.wall = due - 1;
          await host.tick();
          expect(await firedIds(host)).toHaveLength(n);
        }
        clock.wall = due;
        await host.tick();
        const fired = (await run(host)).fired;
        expect(fired.map((f) => f.injectId)).toEqual(scenario.injects.slice(0, n + 1).map((i) => i.id));
        expect(fired[n]).toEqual({
          injectId: `inj-${n + 1}`,
          drillMs: offset * 1000,
          wallMs: due,
          how: 'scheduled',
        });
      }
      const audit = (await host.api['history:list-entries']({ area: 'drills', limit: 20 })).entries;
      const fires = audit.filter((e) => e.type === 'drills.run-fire-due');
      expect(fires).toHaveLength(OFFSETS.length);
      expect(fires.every((e) => e.by === DRILL_CLOCK.name)).toBe(true);
    });
  }

  it('pause/resume shifts what is left by the pause; the first inject after a pause fires normally', async () => {
    const clock = { wall: T0 };
    const { host } = await fixture(clock);
    await startDrill(host, 10); // inj-2 due at T0 + 90 s
    await host.tick();
    clock.wall = T0 + 30_000;
    await ok(host, { type: 'drills.run-clock', runId: 'd1', action: 'pause' });
    clock.wall += 5 * MIN;
    await host.tick();
    await ok(host, { type: 'drills.run-clock', runId: 'd1', action: 'resume' });
    await host.tick();
    expect(await firedIds(host)).toEqual(['inj-1']); // not fired at once on resume
    clock.wall = T0 + 90_000 + 5 * MIN - 1;
    await host.tick();
    expect(await firedIds(host)).toEqual(['inj-1']);
    clock.wall += 1;
    await host.tick();
    const fired = (await run(host)).fired[1]!;
    expect(fired).toEqual({
      injectId: 'inj-2',
      drillMs: 900_000,
      wallMs: T0 + 90_000 + 5 * MIN,
      how: 'scheduled',
    });
  });

  it('jump fires exactly the next inject; the rest keep their schedule from the new drill time', async () => {
    const clock = { wall: T0 };
    const { host } = await fixture(clock);
    await startDrill(host, 60);
    await host.tick();
    clock.wall = T0 + 1000;
    await ok(host, { type: 'drills.run-jump', runId: 'd1' });
    await host.tick();
    const fired = (await run(host)).fired;
    expect(fired.map((f) => [f.injectId, f.how, f.drillMs])).toEqual([
      ['inj-1', 'scheduled', 0],
      ['inj-2', 'jump', 900_000],
    ]);
    // inj-3 is 900 drill seconds later: 15 wall seconds at 60×.
    clock.wall = T0 + 1000 + 15_000 - 1;
    await host.tick();
    expect(await firedIds(host)).toHaveLength(2);
    clock.wall += 1;
    await host.tick();
    expect(await firedIds(host)).toEqual(['inj-1', 'inj-2', 'inj-3']);
  });

  it('fire now after a pause fires now, at the paused drill time, and is not fired again', async () => {
    const clock = { wall: T0 };
    const { host } = await fixture(clock);
    await startDrill(host, 60);
    await host.tick();
    clock.wall = T0 + 5000; // drill time 300 s
    await ok(host, { type: 'drills.run-clock', runId: 'd1', action: 'pause' });
    clock.wall += 10 * MIN;
    await ok(host, { type: 'drills.run-fire', runId: 'd1', injectId: 'inj-3' });
    expect((await run(host)).fired[1]).toEqual({
      injectId: 'inj-3',
      drillMs: 300_000,
      wallMs: clock.wall,
      how: 'now',
    });
    refused(await send(host, { type: 'drills.run-fire', runId: 'd1', injectId: 'inj-3' }), /already fired/);
    await ok(host, { type: 'drills.run-clock', runId: 'd1', action: 'resume' });
    // inj-2 (900 s) is 600 drill seconds away: 10 wall seconds; inj-3 does not fire twice.
    clock.wall += 10_000;
    await host.tick();
    clock.wall += 20 * MIN;
    await host.tick();
    expect(await firedIds(host)).toEqual(['inj-1', 'inj-3', 'inj-2', 'inj-4']);
  });

  it('after a restart, injects that fell due while closed fire once, stamped when due', async () => {
    const clock = { wall: T0 };
    const first = await fixture(clock);
    await startDrill(first.host, 60);
    await first.host.tick();
    await first.host.close();
    clock.wall = T0 + 35_000; // inj-2 (15 s) and inj-3 (30 s) fell due while closed
    const second = await fixture(clock, first.dir);
    await second.host.tick();
    await second.host.tick();
    const fired = (await run(second.host)).fired;
    expect(fired.map((f) => [f.injectId, f.wallMs])).toEqual([
      ['inj-1', T0],
      ['inj-2', T0 + 15_000],
      ['inj-3', T0 + 30_000],
    ]);
    await second.host.close();
    const third = await fixture(clock, first.dir);
    await third.host.tick();
    expect(await firedIds(third.host)).toEqual(['inj-1', 'inj-2', 'inj-3']);
    await third.host.close();
    expect((await readJson(first.path)).drills.runs[0]!.fired).toHaveLength(3);
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    const clock = { wall: T0 };
    const { host } = await fixture(clock);
    await startDrill(host, 60);
    await host.tick();
    await ok(host, { type: 'drills.run-clock', runId: 'd1', action: 'pause' });
    const before = await workbook(host);
    refused(
      await send(host, { type: 'drills.run-clock', runId: 'd1', action: 'speed', speed: 0 }),
      /1× and 60×/,
    );
    refused(
      await send(host, { type: 'drills.run-clock', runId: 'd1', action: 'speed', speed: 61 }),
      /1× and 60×/,
    );
    refused(await send(host, { type: 'drills.run-clock', runId: 'd1', action: 'pause' }), /already paused/);
    refused(await send(host, { type: 'drills.run-fire', runId: 'd1', injectId: 'inj-1' }), /already fired/);
    refused(
      await send(host, {
        type: 'drills.run-log',
        runId: 'd1',
        kind: 'action',
        who: 'Sam',
        text: 'Paged identity',
        expectedId: 'exp-nope',
        decision: '',
      }),
      /No expected action "exp-nope"/,
    );
    refused(
      await send(host, { type: 'drills.run-start', runId: 'd1', speed: 1, severity: 'SEV2' }),
      /already started/,
    );
    expect(await workbook(host)).toEqual(before);
  });
});
