import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../shared/areas/drills/schema';
import { CommandSchema } from '../../../shared/domain/commands';
import { type Doc, execute, openDoc, undo } from '../../../shared/domain/history';
import { shiftInstants } from '../../../shared/domain/timeshift';
import { emptyWorkbook } from '../../../shared/schema/workbook';

// The drill run commands through the reducer: start opens the drill's incident (drill: true) and
// one undo takes it and the clock back; the log is stamped with drill and wall time from the
// change's time; bad input is refused with a message naming it and nothing changes.

const scenario: Scenario = JSON.parse(
  readFileSync('resources/scenarios/permissions-outage.scenario.json', 'utf8'),
).scenario;
const T0 = Date.parse('2026-12-01T09:00:00.000Z');
const meta = (ms: number) => ({
  who: { name: 'Fay', role: 'Facilitator' },
  at: new Date(T0 + ms).toISOString(),
});

function send(doc: Doc, cmd: unknown, ms = 0): Doc {
  const parsed = CommandSchema.safeParse(cmd);
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
  return execute(doc, parsed.data, meta(ms), [])!.doc;
}

function ready(): Doc {
  let doc = openDoc(emptyWorkbook('wb', 'Drills', meta(0).at));
  doc = send(doc, { type: 'drills.add-scenarios', from: 'library', scenarios: [scenario] });
  return send(doc, { type: 'drills.run-create', runId: 'd1', scenarioId: scenario.id, facilitator: 'Fay' });
}

describe('drill run commands', () => {
  it('start opens a drill incident and starts the clock; one undo takes both back', () => {
    const started = send(ready(), { type: 'drills.run-start', runId: 'd1', speed: 10, severity: 'SEV2' });
    const inc = started.wb.runbooks.incidents[0]!;
    expect(inc).toMatchObject({ id: 'd1-inc', drill: true, title: `Drill: ${scenario.name}` });
    expect(started.wb.drills.runs[0]!).toMatchObject({
      incidentId: 'd1-inc',
      clock: { t0Wall: T0, speed: 10, pausedAt: null },
    });
    const back = undo(started, meta(1)).doc;
    expect(back.wb.runbooks.incidents).toEqual([]);
    expect(back.wb.drills.runs[0]!.clock).toBeNull();
  });

  it('logs with who, drill time and wall time; finishing closes the incident and freezes the clock', () => {
    let doc = send(ready(), { type: 'drills.run-start', runId: 'd1', speed: 10, severity: 'SEV2' });
    doc = send(
      doc,
      {
        type: 'drills.run-log',
        runId: 'd1',
        kind: 'detected',
        who: 'Jun',
        text: 'Saw it',
        expectedId: 'exp-1a',
        decision: '',
      },
      30_000,
    );
    expect(doc.wb.drills.runs[0]!.log[0]).toEqual({
      id: 'log-1',
      kind: 'detected',
      drillMs: 300_000,
      wallMs: T0 + 30_000,
      who: 'Jun',
      text: 'Saw it',
      expectedId: 'exp-1a',
      decision: '',
    });
    doc = send(doc, { type: 'drills.run-finish', runId: 'd1' }, 60_000);
    const run = doc.wb.drills.runs[0]!;
    expect(run.endedAt).toBe(T0 + 60_000);
    expect(run.clock!.pausedAt).toBe(T0 + 60_000);
    expect(doc.wb.runbooks.incidents[0]!.resolvedAt).toBe(meta(60_000).at);
  });

  it('refuses bad input, naming it, and changes nothing', () => {
    let doc = send(ready(), { type: 'drills.run-start', runId: 'd1', speed: 10, severity: 'SEV2' });
    doc = send(doc, { type: 'drills.run-fire-due', runId: 'd1' }); // inj-1, at T+0
    const bad: [unknown, RegExp][] = [
      [{ type: 'drills.run-start', runId: 'd1', speed: 0, severity: 'SEV2' }, /1× and 60×/],
      [{ type: 'drills.run-clock', runId: 'd1', action: 'resume' }, /not paused/],
      [{ type: 'drills.run-clock', runId: 'd1', action: 'speed' }, /which speed/],
      [{ type: 'drills.run-question', runId: 'd1', index: 3 }, /has 3 discussion questions/],
      [{ type: 'drills.run-card-play', runId: 'd1', cardId: 'nope' }, /No card "nope"/],
      [
        {
          type: 'drills.run-card-write',
          runId: 'd1',
          play: false,
          card: { id: 'inj-2', title: 'x', detail: '', recipients: [] },
        },
        /already has a card or inject "inj-2"/,
      ],
      [
        {
          type: 'drills.run-log',
          runId: 'd1',
          kind: 'decision',
          who: 'A',
          text: '',
          expectedId: '',
          decision: '',
        },
        /Say what was decided/,
      ],
      [{ type: 'drills.run-fire-due', runId: 'd1' }, /No inject is due/],
      [{ type: 'drills.run-jump', runId: 'nope' }, /No drill run with id "nope"/],
    ];
    const before = doc.wb;
    for (const [cmd, message] of bad) {
      expect(() => send(doc, cmd, 1000), JSON.stringify(cmd)).toThrow(message);
    }
    expect(doc.wb).toBe(before);
  });
});

describe('the sample moved to "now"', () => {
  it("moves a drill's wall times (clock, fired, log, end) and leaves drill times alone", () => {
    let doc = send(ready(), { type: 'drills.run-start', runId: 'd1', speed: 1, severity: 'SEV2' });
    doc = send(doc, { type: 'drills.run-fire-due', runId: 'd1' });
    doc = send(
      doc,
      {
        type: 'drills.run-log',
        runId: 'd1',
        kind: 'note',
        who: 'A',
        text: 'x',
        expectedId: '',
        decision: '',
      },
      5000,
    );
    doc = send(doc, { type: 'drills.run-finish', runId: 'd1' }, 9000);
    const DAY = 86_400_000;
    const run = shiftInstants(doc.wb, DAY).drills.runs[0]!;
    expect(run.clock).toEqual({ t0Wall: T0 + DAY, speed: 1, pausedAt: T0 + 9000 + DAY });
    expect(run.endedAt).toBe(T0 + 9000 + DAY);
    expect(run.fired[0]).toMatchObject({ drillMs: 0, wallMs: T0 + DAY });
    expect(run.log[0]).toMatchObject({ drillMs: 5000, wallMs: T0 + 5000 + DAY });
  });
});
