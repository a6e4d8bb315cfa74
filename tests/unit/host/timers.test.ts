import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TIMER_KEEPER } from '../../../electron/host/timer-service';
import type { Host } from '../../../electron/host/types';
import { overdue, remaining, timerText } from '../../../shared/areas/runbooks/timers';
import type { TimerAlert } from '../../../shared/contract';
import type { Command } from '../../../shared/domain/commands';
import { makeHost, readJson, tempDir, workbookJson } from './helpers';

// The host's timer service on the real host and real files, with a fake wall clock and a fake
// monotonic clock: a timer alerts exactly once, a restart never alerts it again (and one that
// expired while the app was closed alerts once, as overdue), 100 timers due in one second alert
// once each, and a wall-clock jump of ±1 h leaves the remaining time right.

const T0 = Date.parse('2026-11-24T10:00:00.000Z');
const MIN = 60_000;

interface Clock {
  wall: number;
  mono: number;
}

async function fixture(clock: Clock, dataDir?: string) {
  const dir = dataDir ?? (await tempDir());
  const path = join(dir, 'drill.rollout.json');
  if (!dataDir) await writeFile(path, workbookJson());
  // No boot clock: the monotonic clock and the shell's resume event (Electron on macOS, Windows).
  const host = makeHost(dir, {
    now: () => new Date(clock.wall),
    monotonic: () => clock.mono,
    bootClock: null,
  });
  const alerts: TimerAlert[][] = [];
  host.on('runbooks:timers-expired', ({ alerts: a }) => alerts.push(a));
  const state = await host.openPath(path);
  expect(state.problem).toBeNull();
  return { host, path, dir, alerts };
}

const send = async (host: Host, cmd: Command) => host.api['workbook:dispatch-command'](cmd);
const timers = async (host: Host) =>
  (await host.api['session:get-state'](undefined)).workbook!.runbooks.timers;
const workbook = async (host: Host) => (await host.api['session:get-state'](undefined)).workbook!;

async function runbook(host: Host, timeboxMin: number) {
  await send(host, {
    type: 'item.add',
    collection: 'runbooks.runbooks',
    item: { id: 'rb', name: 'Roll back', purpose: '' },
  });
  await send(host, {
    type: 'runbook.step-save',
    runbookId: 'rb',
    step: {
      id: 's1',
      phase: 'rollback',
      title: 'Pause the wave',
      ownerRole: 'Release manager',
      timeboxMin,
      checklist: [],
      stopConditionIds: [],
      waveIds: [],
    },
  });
}

async function startRun(host: Host, runId: string) {
  await send(host, {
    type: 'run.start',
    runId,
    runbookId: 'rb',
    mode: 'rehearsal',
    incidentId: '',
    title: '',
    severity: 'SEV4',
  });
  await send(host, { type: 'run.step', runId, stepId: 's1', action: 'start', reason: '' });
}

const alertsIn = async (host: Host) =>
  (await workbook(host)).runbooks.incidents.flatMap((i) => i.timeline.filter((e) => e.kind === 'alert'));

describe('host timers', () => {
  it('alerts exactly once when a step timer expires, signed by the host clock, with one timeline entry', async () => {
    const clock = { wall: T0, mono: 0 };
    const { host, path, alerts } = await fixture(clock);
    await runbook(host, 2);
    await startRun(host, 'r1');
    clock.wall += 2 * MIN - 1;
    clock.mono += 2 * MIN - 1;
    await host.tick();
    expect(alerts).toEqual([]);
    clock.wall += 1;
    clock.mono += 1;
    await host.tick();
    await host.tick();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toEqual([
      {
        timerId: 'r1-s1',
        label: 'Pause the wave (Roll back)',
        incident: 'Drill: Rehearsal: Roll back',
        deadline: T0 + 2 * MIN,
        firedAt: T0 + 2 * MIN,
      },
    ]);
    clock.wall += 5 * MIN;
    clock.mono += 5 * MIN;
    await host.tick();
    expect(alerts).toHaveLength(1);
    const alerted = await alertsIn(host);
    expect(alerted.map((e) => [e.text, e.author])).toEqual([
      ['Timer expired: Pause the wave (Roll back)', TIMER_KEEPER.name],
    ]);
    await host.close();
    expect((await readJson(path)).runbooks.timers.find((t) => t.id === 'r1-s1')!.firedAt).toBe(T0 + 2 * MIN);
  });

  it('after a restart, an expired timer shows overdue and does not alert again', async () => {
    const clock = { wall: T0, mono: 0 };
    const first = await fixture(clock);
    await runbook(first.host, 1);
    await startRun(first.host, 'r1');
    clock.wall += MIN;
    await first.host.tick();
    expect(first.alerts).toHaveLength(1);
    await first.host.close();

    clock.wall += 10 * MIN;
    const second = await fixture(clock, first.dir);
    await second.host.tick();
    expect(second.alerts).toEqual([]);
    const t = (await timers(second.host)).find((x) => x.id === 'r1-s1')!;
    expect(timerText(t, clock.wall)).toBe('overdue by 10:00');
    expect(await alertsIn(second.host)).toHaveLength(1);
  });

  it('a timer that expired while the app was closed alerts once on reopening, as overdue, and never again', async () => {
    const clock = { wall: T0, mono: 0 };
    const first = await fixture(clock);
    await runbook(first.host, 5);
    await startRun(first.host, 'r1');
    clock.wall += MIN;
    await first.host.tick();
    await first.host.close();
    expect(first.alerts).toEqual([]);

    clock.wall += 30 * MIN; // the app was closed meanwhile
    const second = await fixture(clock, first.dir);
    await second.host.tick();
    expect(second.alerts.flat().map((a) => [a.timerId, a.deadline, a.firedAt])).toEqual([
      ['r1-s1', T0 + 5 * MIN, T0 + 31 * MIN],
    ]);
    expect((await alertsIn(second.host)).map((e) => e.text)).toEqual([
      'Timer expired while the app was closed: Pause the wave (Roll back) (deadline 10:05 UTC)',
    ]);
    await second.host.close();

    const third = await fixture(clock, first.dir);
    await third.host.tick();
    expect(third.alerts).toEqual([]);
    const t = (await timers(third.host)).find((x) => x.id === 'r1-s1')!;
    expect(overdue(t, clock.wall)).toBe(26 * MIN);
  });

  it('100 timers expiring in the same second alert once each, in one change', async () => {
    const clock = { wall: T0, mono: 0 };
    const { host, alerts } = await fixture(clock);
    await runbook(host, 1);
    for (let i = 0; i < 100; i++) {
      clock.wall = T0 + i * 5; // all started within half a second
      await startRun(host, `r${i}`);
    }
    const revision = (await workbook(host)).revision;
    clock.wall = T0 + MIN + 999;
    await host.tick();
    await host.tick();
    expect(alerts).toHaveLength(1);
    expect(new Set(alerts[0]!.map((a) => a.timerId)).size).toBe(100);
    const wb = await workbook(host);
    expect(wb.revision).toBe(revision + 1);
    expect(wb.runbooks.timers.filter((t) => t.purpose === 'step' && t.firedAt !== null)).toHaveLength(100);
    expect(await alertsIn(host)).toHaveLength(100);
    for (const inc of wb.runbooks.incidents)
      expect(inc.timeline.filter((e) => e.kind === 'alert')).toHaveLength(1);
  });

  it('keeps the remaining time right when the wall clock jumps an hour forward or back', async () => {
    const clock = { wall: T0, mono: 1_000_000 };
    const { host, alerts } = await fixture(clock);
    await runbook(host, 10);
    await startRun(host, 'r1');
    await host.tick(); // the first look at both clocks
    clock.wall += 2 * MIN;
    clock.mono += 2 * MIN;
    await host.tick();
    const left = async () => remaining((await timers(host)).find((t) => t.id === 'r1-s1')!, clock.wall);
    expect(await left()).toBe(8 * MIN);
    clock.wall += 3_600_000; // someone sets the clock an hour ahead
    clock.mono += 1000;
    await host.tick();
    expect(await left()).toBe(8 * MIN - 1000);
    expect(alerts).toEqual([]);
    clock.wall -= 3_600_000; // and back
    clock.mono += 1000;
    await host.tick();
    expect(await left()).toBe(8 * MIN - 2000);
    // After sleep the gap is real time: the timer counts it.
    host.noteResume();
    clock.wall += 3 * MIN;
    clock.mono += 1000;
    await host.tick();
    expect(await left()).toBe(5 * MIN - 2000);
  });

  // Web mode has no shell to say the machine slept. Linux's monotonic clock stops while asleep;
  // its boot clock (CLOCK_BOOTTIME, os.uptime) keeps counting and never follows the wall clock.
  it('web mode: a long sleep nobody announces counts as time that passed; a ±1 h change still does not', async () => {
    const clock = { wall: T0, mono: 1_000_000, boot: 5_000_000 };
    const dir = await tempDir();
    const path = join(dir, 'drill.rollout.json');
    await writeFile(path, workbookJson());
    const host = makeHost(dir, {
      now: () => new Date(clock.wall),
      monotonic: () => clock.mono,
      bootClock: () => clock.boot,
    });
    const alerts: TimerAlert[][] = [];
    host.on('runbooks:timers-expired', ({ alerts: a }) => alerts.push(a));
    await host.openPath(path);
    await runbook(host, 10);
    await startRun(host, 'r1');
    await host.tick();
    const step = async () => (await timers(host)).find((t) => t.id === 'r1-s1')!;
    const move = async (wall: number, mono: number, boot: number) => {
      clock.wall += wall;
      clock.mono += mono;
      clock.boot += boot;
      await host.tick();
      await host.tick();
    };
    await move(2 * MIN, 2 * MIN, 2 * MIN);
    expect(remaining(await step(), clock.wall)).toBe(8 * MIN);
    await move(3_600_000, 1000, 1000); // the clock set an hour ahead
    expect(remaining(await step(), clock.wall)).toBe(8 * MIN - 1000);
    await move(-3_600_000, 1000, 1000); // and back
    expect(remaining(await step(), clock.wall)).toBe(8 * MIN - 2000);
    expect(alerts).toEqual([]);
    await move(5 * MIN, 0, 5 * MIN); // the lid closed for five minutes: the monotonic clock stopped
    expect(remaining(await step(), clock.wall)).toBe(3 * MIN - 2000);
    await move(20 * MIN, 0, 20 * MIN); // and for twenty: the timer ran out meanwhile, alerts once
    expect(overdue(await step(), clock.wall)).toBe(17 * MIN + 2000);
    expect(alerts.flat().map((a) => a.timerId)).toEqual(['r1-s1']);
  });

  it('fires on its own on the real clock, without anyone calling tick', async () => {
    const dir = await tempDir();
    const path = join(dir, 'real.rollout.json');
    await writeFile(path, workbookJson());
    const host = makeHost(dir);
    await host.openPath(path);
    const fired = new Promise<TimerAlert[]>((resolve) =>
      host.on('runbooks:timers-expired', ({ alerts }) => resolve(alerts)),
    );
    await runbook(host, 0.01); // 600 ms
    await startRun(host, 'r1');
    const alerts = await fired;
    expect(alerts.map((a) => a.timerId)).toEqual(['r1-s1']);
    expect(Date.now() - alerts[0]!.deadline).toBeGreaterThanOrEqual(0);
  });
});
