import { describe, expect, it } from 'vitest';
import { lastRehearsal, runbooksEvidence } from '../../../shared/areas/runbooks/evidence';
import { inTimeOrder, milestoneProblem, responseFigures } from '../../../shared/areas/runbooks/milestones';
import type { TimelineEntry } from '../../../shared/areas/runbooks/schema';
import { remaining } from '../../../shared/areas/runbooks/timers';
import { type Command, CommandSchema } from '../../../shared/domain/commands';
import { DomainError } from '../../../shared/domain/errors';
import { type Doc, execute, openDoc } from '../../../shared/domain/history';
import { emptyWorkbook } from '../../../shared/schema/workbook';

// Runbooks, runs, timers and the incident timeline on hand-worked cases, through the real
// reducer with a fake clock (each change's "now" is the time it is given).

const who = { name: 'Ines Moreau', role: 'Incident commander' };
const T0 = Date.parse('2026-11-24T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const MIN = 60_000;

function apply(doc: Doc, cmd: Command, at = T0): Doc {
  const done = execute(doc, cmd, { who, at: iso(at) }, []);
  return done ? done.doc : doc;
}

function refusal(doc: Doc, cmd: Command, at = T0): DomainError {
  try {
    execute(doc, cmd, { who, at: iso(at) }, []);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const step = (id: string, title: string, timeboxMin: number) => ({
  id,
  phase: 'rollback' as const,
  title,
  ownerRole: 'Release manager',
  timeboxMin,
  checklist: ['Freeze the flag'],
  stopConditionIds: [],
  waveIds: [],
});

function withRunbook(): Doc {
  let doc = openDoc(emptyWorkbook('wb', 'Test', iso(T0)));
  doc = apply(doc, {
    type: 'item.add',
    collection: 'runbooks.runbooks',
    item: { id: 'rb-rollback', name: 'Roll back a wave', purpose: '' },
  });
  doc = apply(doc, {
    type: 'runbook.step-save',
    runbookId: 'rb-rollback',
    step: step('s1', 'Pause the wave', 2),
  });
  doc = apply(doc, {
    type: 'runbook.step-save',
    runbookId: 'rb-rollback',
    step: step('s2', 'Redeploy 1.4.2', 10),
  });
  return doc;
}

const entry = (id: string, at: string, milestone: TimelineEntry['milestone']): TimelineEntry => ({
  id,
  at,
  kind: 'milestone',
  milestone,
  text: '',
  author: 'Ines',
  approximate: false,
  originalAt: null,
  batch: '',
});

describe('milestones', () => {
  const timeline = [
    entry('e1', '2026-11-24T10:00:00.000Z', 'detected'),
    entry('e2', '2026-11-24T10:20:00.000Z', 'mitigated'),
  ];

  it('refuses a milestone out of order and says why; accepts one in between', () => {
    expect(milestoneProblem(timeline, entry('e3', '2026-11-24T10:25:00.000Z', 'acknowledged'))).toBe(
      '"acknowledged" at 10:25 UTC cannot come after "mitigated" at 10:20 UTC',
    );
    expect(milestoneProblem(timeline, entry('e3', '2026-11-24T09:59:00.000Z', 'acknowledged'))).toMatch(
      /cannot come before "detected" at 10:00/,
    );
    expect(milestoneProblem(timeline, entry('e3', '2026-11-24T10:05:00.000Z', 'acknowledged'))).toBeNull();
    expect(milestoneProblem(timeline, entry('e3', '2026-11-24T10:05:00.000Z', 'detected'))).toMatch(
      /already has/,
    );
  });

  it('computes the figures it can and names the missing milestone for the others', () => {
    const figures = responseFigures({ timeline });
    expect(figures.map((f) => [f.label, f.ms, f.missing])).toEqual([
      ['Time to acknowledge', null, 'no "acknowledged" milestone yet'],
      ['Time to mitigate', 20 * MIN, ''],
      ['Time to resolve', null, 'no "resolved" milestone yet'],
    ]);
    expect(responseFigures({ timeline: [] })[1]!.missing).toBe('no "detected" milestone yet');
  });

  it('shows the timeline in time order, recorded order breaking ties, without changing it', () => {
    const late = { ...entry('e0', '2026-11-24T09:50:00.000Z', ''), kind: 'observation' as const };
    const sorted = inTimeOrder([...timeline, late]);
    expect(sorted.map((e) => e.id)).toEqual(['e0', 'e1', 'e2']);
  });
});

describe('runbook runs and timers through the reducer', () => {
  it('refuses a zero timebox by name and changes nothing', () => {
    // Commands are parsed by the host (CommandSchema) before the reducer sees them.
    const parsed = CommandSchema.safeParse({
      type: 'runbook.step-save',
      runbookId: 'rb-rollback',
      step: step('s3', 'Check', 0),
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['step.timeboxMin', 'A timebox must be more than zero minutes'],
    ]);
    const negative = CommandSchema.safeParse({
      type: 'timer.control',
      timerId: 't',
      action: 'extend',
      minutes: -5,
    });
    expect(negative.success).toBe(true); // the rule below refuses it, naming the field
    const doc = apply(withRunbook(), {
      type: 'run.start',
      runId: 'r',
      runbookId: 'rb-rollback',
      mode: 'rehearsal',
      incidentId: '',
      title: '',
      severity: 'SEV1',
    });
    const e = refusal(doc, { type: 'timer.control', timerId: 'r-inc-int', action: 'extend', minutes: -5 });
    expect([e.message, e.where]).toEqual(['An extension must be a positive number of minutes', 'minutes']);
  });

  it('starts a rehearsal on a new drill incident, with a step timer and the comms cadence', () => {
    let doc = apply(withRunbook(), {
      type: 'run.start',
      runId: 'run-1',
      runbookId: 'rb-rollback',
      mode: 'rehearsal',
      incidentId: '',
      title: '',
      severity: 'SEV1',
    });
    const inc = doc.wb.runbooks.incidents[0]!;
    expect(inc).toMatchObject({ id: 'run-1-inc', drill: true, title: 'Rehearsal: Roll back a wave' });
    expect(inc.roles).toEqual([{ role: 'commander', person: 'Ines Moreau', at: iso(T0), by: 'Ines Moreau' }]);
    // SEV1: first update within 15 minutes, for each audience.
    expect(doc.wb.runbooks.timers.map((t) => [t.audience, t.deadline])).toEqual([
      ['internal', T0 + 15 * MIN],
      ['customer', T0 + 15 * MIN],
      ['executive', T0 + 15 * MIN],
    ]);
    doc = apply(
      doc,
      { type: 'run.step', runId: 'run-1', stepId: 's1', action: 'start', reason: '' },
      T0 + MIN,
    );
    const timer = doc.wb.runbooks.timers.find((t) => t.id === 'run-1-s1')!;
    expect(timer).toMatchObject({ state: 'running', deadline: T0 + 3 * MIN, firedAt: null });
    expect(remaining(timer, T0 + 2 * MIN)).toBe(MIN);
    // A skip needs a reason.
    expect(
      refusal(doc, { type: 'run.step', runId: 'run-1', stepId: 's2', action: 'skip', reason: ' ' }).message,
    ).toBe('Say why "Redeploy 1.4.2" is skipped');
    // Expires once: the second expiry of the same deadline is refused, and one alert is logged.
    doc = apply(doc, { type: 'timer.expire', timerIds: ['run-1-s1'] }, T0 + 3 * MIN);
    expect(refusal(doc, { type: 'timer.expire', timerIds: ['run-1-s1'] }, T0 + 4 * MIN).message).toMatch(
      /already alerted/,
    );
    const alerts = doc.wb.runbooks.incidents[0]!.timeline.filter((e) => e.kind === 'alert');
    expect(alerts.map((a) => a.text)).toEqual(['Timer expired: Pause the wave (Roll back a wave)']);
    doc = apply(
      doc,
      { type: 'run.step', runId: 'run-1', stepId: 's1', action: 'done', reason: '' },
      T0 + 4 * MIN,
    );
    expect(doc.wb.runbooks.runs[0]!.steps[0]).toMatchObject({ status: 'done', endedAt: iso(T0 + 4 * MIN) });
    expect(doc.wb.runbooks.timers.find((t) => t.id === 'run-1-s1')!.state).toBe('stopped');
    // An expiry before the deadline is refused.
    expect(refusal(doc, { type: 'timer.expire', timerIds: ['run-1-inc-int'] }, T0 + 5 * MIN).message).toMatch(
      /has not expired/,
    );
    doc = apply(doc, { type: 'run.finish', runId: 'run-1', result: 'passed' }, T0 + 6 * MIN);
    expect(lastRehearsal(doc.wb.runbooks.runs, 'rb-rollback')?.result).toBe('passed');
    const evidence = runbooksEvidence(doc.wb, { waveId: '', now: T0 + 7 * MIN })[0]!;
    expect(evidence).toMatchObject({ check: 'runbooks', status: 'green' });
    expect(evidence.details).toEqual(['Roll back a wave: rehearsed 2026-11-24, passed']);
  });

  it('never runs a rehearsal against a real incident', () => {
    let doc = withRunbook();
    doc = apply(doc, {
      type: 'run.start',
      runId: 'run-live',
      runbookId: 'rb-rollback',
      mode: 'live',
      incidentId: '',
      title: 'API 5xx',
      severity: 'SEV2',
    });
    const e = refusal(doc, {
      type: 'run.start',
      runId: 'run-2',
      runbookId: 'rb-rollback',
      mode: 'rehearsal',
      incidentId: 'run-live-inc',
      title: '',
      severity: 'SEV2',
    });
    expect(e.message).toMatch(/never mixed/);
  });

  it('expires 100 timers due in the same second with one change, each alerting once', () => {
    let doc = withRunbook();
    doc = apply(doc, {
      type: 'run.start',
      runId: 'r',
      runbookId: 'rb-rollback',
      mode: 'rehearsal',
      incidentId: '',
      title: '',
      severity: 'SEV1',
    });
    const timers = Array.from({ length: 100 }, (_, i) => ({
      id: `t${i}`,
      label: `Timer ${i}`,
      purpose: 'custom' as const,
      incidentId: 'r-inc',
      runId: '',
      stepId: '',
      audience: '' as const,
      durationMs: MIN,
      state: 'running' as const,
      deadline: T0 + MIN + (i % 10) * 100,
      elapsedAtPause: 0,
      firedAt: null,
    }));
    doc = {
      ...doc,
      wb: { ...doc.wb, runbooks: { ...doc.wb.runbooks, timers: [...doc.wb.runbooks.timers, ...timers] } },
    };
    doc = apply(doc, { type: 'timer.expire', timerIds: timers.map((t) => t.id) }, T0 + MIN + 999);
    const alerts = doc.wb.runbooks.incidents[0]!.timeline.filter((e) => e.kind === 'alert');
    expect(alerts).toHaveLength(100);
    expect(new Set(alerts.map((a) => a.text)).size).toBe(100);
    expect(new Set(doc.wb.runbooks.incidents[0]!.timeline.map((e) => e.id)).size).toBe(
      doc.wb.runbooks.incidents[0]!.timeline.length,
    );
    expect(doc.wb.runbooks.timers.filter((t) => t.firedAt !== null)).toHaveLength(100);
  });

  it('logs milestones in order, refuses one out of order with the reason, keeps a corrected time', () => {
    let doc = apply(withRunbook(), {
      type: 'run.start',
      runId: 'r',
      runbookId: 'rb-rollback',
      mode: 'live',
      incidentId: '',
      title: 'Sync lag',
      severity: 'SEV2',
    });
    const log = (at: string, milestone: TimelineEntry['milestone']): Command => ({
      type: 'incident.log',
      incidentId: 'r-inc',
      at,
      kind: 'milestone',
      milestone,
      text: '',
      approximate: false,
    });
    doc = apply(doc, log('2026-11-24T10:00:00Z', 'detected'));
    doc = apply(doc, log('2026-11-24T10:30:00Z', 'mitigated'));
    const e = refusal(doc, log('2026-11-24T10:40:00Z', 'acknowledged'));
    expect(e.message).toBe('"acknowledged" at 10:40 UTC cannot come after "mitigated" at 10:30 UTC');
    expect(e.where).toBe('milestone');
    doc = apply(doc, log('2026-11-24T10:05:00Z', 'acknowledged'));
    doc = apply(doc, log('2026-11-24T11:00:00Z', 'resolved'));
    const inc = () => doc.wb.runbooks.incidents[0]!;
    // "Resolved" is what the delivery figures read as service restored.
    expect(inc().resolvedAt).toBe('2026-11-24T11:00:00.000Z');
    const ack = inc().timeline.find((x) => x.milestone === 'acknowledged')!;
    doc = apply(doc, {
      type: 'incident.correct',
      incidentId: 'r-inc',
      entryId: ack.id,
      at: '2026-11-24T10:07:00Z',
    });
    expect(inc().timeline.find((x) => x.id === ack.id)).toMatchObject({
      at: '2026-11-24T10:07:00.000Z',
      originalAt: '2026-11-24T10:05:00.000Z',
    });
    expect(
      refusal(doc, {
        type: 'incident.correct',
        incidentId: 'r-inc',
        entryId: ack.id,
        at: '2026-11-24T10:45:00Z',
      }).message,
    ).toMatch(/cannot come after "mitigated"/);
    expect(responseFigures(inc()).map((f) => f.ms)).toEqual([7 * MIN, 30 * MIN, 60 * MIN]);
  });

  it('records a hand-over: the previous commander is no longer shown', () => {
    let doc = apply(withRunbook(), {
      type: 'run.start',
      runId: 'r',
      runbookId: 'rb-rollback',
      mode: 'live',
      incidentId: '',
      title: 'Sync lag',
      severity: 'SEV2',
    });
    doc = apply(
      doc,
      { type: 'incident.role', incidentId: 'r-inc', role: 'commander', person: 'Dana Cho' },
      T0 + MIN,
    );
    const inc = doc.wb.runbooks.incidents[0]!;
    expect(inc.roles.map((r) => r.person)).toEqual(['Ines Moreau', 'Dana Cho']);
    expect(inc.timeline.at(-1)!.text).toBe('Incident commander handed over from Ines Moreau to Dana Cho');
  });

  it('marks comms as sent: logged in the timeline, the cadence restarted from now', () => {
    let doc = apply(withRunbook(), {
      type: 'run.start',
      runId: 'r',
      runbookId: 'rb-rollback',
      mode: 'live',
      incidentId: '',
      title: 'Sync lag',
      severity: 'SEV2',
    });
    doc = apply(
      doc,
      { type: 'comms.sent', incidentId: 'r-inc', audience: 'executive', text: 'All calm.' },
      T0 + 20 * MIN,
    );
    const timer = doc.wb.runbooks.timers.find((t) => t.audience === 'executive')!;
    // SEV2: every hour after the first update.
    expect(timer.deadline).toBe(T0 + 80 * MIN);
    expect(doc.wb.runbooks.incidents[0]!.timeline.at(-1)).toMatchObject({
      kind: 'comms',
      text: 'Executive summary sent:\nAll calm.',
    });
  });
});

describe('step links', () => {
  it('refuses a step linked to a stop condition or wave the workbook does not have, naming it, and changes nothing', () => {
    const doc = withRunbook();
    const stop = refusal(doc, {
      type: 'runbook.step-save',
      runbookId: 'rb-rollback',
      step: { ...step('s3', 'Watch the error budget', 5), stopConditionIds: ['sc-gone'] },
    });
    expect([stop.message, stop.where]).toEqual([
      'Step "Watch the error budget" links to stop condition "sc-gone", which this workbook does not have',
      'step.stopConditionIds',
    ]);
    const wave = refusal(doc, {
      type: 'runbook.step-save',
      runbookId: 'rb-rollback',
      step: { ...step('s3', 'Pause it', 5), waveIds: ['wave-9'] },
    });
    expect([wave.message, wave.where]).toEqual([
      'Step "Pause it" links to wave "wave-9", which this workbook does not have',
      'step.waveIds',
    ]);
    expect(doc.wb.runbooks.runbooks[0]!.steps.map((s) => s.id)).toEqual(['s1', 's2']);
  });

  it('keeps the links of a step whose stop conditions and waves exist', () => {
    let doc = withRunbook();
    const wb = structuredClone(doc.wb) as typeof doc.wb;
    wb.waves.waves.push({ ...({} as (typeof wb.waves.waves)[number]), id: 'wave-1', name: 'Pilot' });
    wb.success.stopConditions.push({
      ...({} as (typeof wb.success.stopConditions)[number]),
      id: 'sc-errors',
      metric: 'Error rate',
    });
    doc = openDoc(wb);
    doc = apply(doc, {
      type: 'runbook.step-save',
      runbookId: 'rb-rollback',
      step: { ...step('s3', 'Pause it', 5), stopConditionIds: ['sc-errors'], waveIds: ['wave-1'] },
    });
    const s3 = doc.wb.runbooks.runbooks[0]!.steps.find((s) => s.id === 's3')!;
    expect([s3.stopConditionIds, s3.waveIds]).toEqual([['sc-errors'], ['wave-1']]);
  });
});
