import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/domain/audit';
import type { CollectionKey } from '../../../shared/domain/collections';
import { COLLECTIONS } from '../../../shared/domain/collections';
import type { Command } from '../../../shared/domain/commands';
import { DomainError } from '../../../shared/domain/errors';
import { type Committed, type Doc, execute, openDoc, redo, undo } from '../../../shared/domain/history';
import { applyPatches } from '../../../shared/domain/patches';
import { emptyWorkbook, type Workbook, WorkbookSchema } from '../../../shared/schema/workbook';

// Random command sequences, valid and invalid, against the pure reducer and undo history.

const meta = { who: { name: 'Prop', role: 'Fuzzer' }, at: '2026-11-24T12:00:00.000Z' };
const id = fc.stringMatching(/^[a-z0-9]{1,6}$/);
const label = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0);
const num = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });

const validItem: Record<CollectionKey, fc.Arbitrary<Record<string, unknown>>> = {
  'success.outcomes': fc.record({
    id,
    name: label,
    kind: fc.constantFrom('business', 'service'),
    direction: fc.constantFrom('at-least', 'at-most'),
    target: num,
    unit: fc.constant('%'),
    deadline: fc.constantFrom('2026-12-01', '2027-02-28'),
    owner: fc.constant(''),
  }),
  'success.guardrails': fc.record({
    id,
    name: label,
    kind: fc.constantFrom('latency', 'uptime'),
    comparator: fc.constantFrom('<=', '>='),
    limit: num,
    unit: fc.constant('ms'),
    notes: fc.string({ maxLength: 20 }),
  }),
  'success.baseline': fc.record({ id, area: label, baseline: label, expected: label }),
  'success.stopConditions': fc.record({
    id,
    metric: label,
    comparator: fc.constantFrom('>', '>=', '<', '<='),
    threshold: num,
    unit: fc.constant('%'),
    metricId: fc.constantFrom('', 'm-errors'),
    windowMinutes: fc.integer({ min: 1, max: 10080 }),
    action: fc.constantFrom('pause', 'rollback', 'escalate'),
    callers: fc.array(label, { minLength: 1, maxLength: 3 }),
  }),
  'success.noGoAuthorities': fc.record({ id, name: label, role: label, scope: fc.constant('') }),
  'architecture.environments': fc.record({
    id,
    name: label,
    role: fc.constantFrom('production', 'pre-production'),
    region: fc.constant(''),
    version: fc.constantFrom('', '1.4.2'),
    deployedOn: fc.constantFrom('', '2026-11-12'),
    notes: fc.constant(''),
  }),
  'architecture.parity': fc.record({
    id,
    environmentId: id,
    aspect: fc.constantFrom('data', 'scale'),
    risk: fc.constant('none'),
    difference: fc.constant(''),
    mitigation: fc.constant(''),
  }),
  'architecture.flags': fc.record({
    id,
    key: label,
    controls: fc.constant(''),
    killSwitch: fc.constant('yes'),
    testedOn: fc.constantFrom('', '2026-11-12'),
    owner: fc.constant(''),
  }),
  'architecture.rollback': fc.record({
    id,
    component: label,
    artifact: fc.constant('app 1.4.1'),
    migration: fc.constantFrom('none', 'reversible'),
    migrationPlan: fc.constant(''),
    script: fc.constant(''),
    runbook: fc.constant(''),
    rehearsedOn: fc.constant(''),
    rehearsal: fc.constant(''),
    rehearsalNote: fc.constant(''),
  }),
  // Managed fields (state, startedAt, moves) are left out, as the editor leaves them out.
  'waves.waves': fc.record({
    id,
    name: label,
    audiencePercent: fc.integer({ min: 0, max: 100 }),
    segment: fc.record({ region: fc.constant(''), team: label, tenant: fc.constant('') }),
    holdHours: fc.integer({ min: 0, max: 200 }),
    promotion: fc.constantFrom('auto', 'manual'),
    gates: fc.array(id, { maxLength: 2 }),
    metrics: fc.array(id, { maxLength: 2 }),
  }),
  'waves.metrics': fc.record({
    id,
    name: label,
    unit: fc.constant('%'),
    kind: fc.constantFrom('service', 'user', 'business'),
    source: fc.constant(''),
    staleAfterMinutes: fc.integer({ min: 1, max: 600 }),
    guardrailId: fc.constant(''),
  }),
  // Managed fields (batch: set by imports) are left out, as the editor leaves them out.
  'waves.deployments': fc.record({
    id,
    ref: fc.constant(''),
    at: fc.constantFrom('2026-11-20T10:00:00.000Z', '2026-11-21T23:30:00+02:00'),
    service: label,
    version: fc.constant('1.4.2'),
    status: fc.constantFrom('success', 'failure'),
    waveId: fc.constant(''),
    changes: fc.array(fc.record({ ref: label, committedAt: fc.constant('2026-11-19T09:00:00.000Z') }), {
      maxLength: 2,
    }),
  }),
  'runbooks.incidents': fc.record({
    id,
    ref: fc.constant(''),
    title: label,
    severity: fc.constantFrom('SEV1', 'SEV2'),
    drill: fc.boolean(),
    openedAt: fc.constant('2026-11-20T11:00:00.000Z'),
    resolvedAt: fc.constantFrom(null, '2026-11-20T13:00:00.000Z'),
    waveId: fc.constant(''),
    deploymentIds: fc.array(id, { maxLength: 2 }),
    changeRefs: fc.array(label, { maxLength: 2 }),
  }),
  'runbooks.runbooks': fc.record({ id, name: label, purpose: fc.constant('') }),
  'runbooks.templates': fc.record({
    id,
    audience: fc.constantFrom('internal', 'customer', 'executive'),
    name: label,
    body: fc.constant('Status of {{incident}}: {{status}}'),
  }),
  'runbooks.cadence': fc.record({
    id,
    severity: fc.constantFrom('SEV1', 'SEV2'),
    firstMin: fc.integer({ min: 1, max: 60 }),
    everyMin: fc.integer({ min: 1, max: 120 }),
  }),
  'scorecard.items': fc.record({
    id,
    label,
    owner: fc.constant(''),
    check: fc.constantFrom('', 'success', 'dashboards'),
  }),
  'stakeholders.groups': fc.record({
    id,
    name: label,
    role: fc.constantFrom('recipient', 'sponsor', 'influencer'),
    sponsor: fc.constant(''),
    size: fc.nat(5000),
    major: fc.boolean(),
    champions: fc.array(label, { maxLength: 2 }),
    commsOwner: fc.constant(''),
    mondayChange: fc.constant(''),
  }),
  'stakeholders.people': fc.record({
    id,
    name: label,
    title: fc.constant(''),
    groupIds: fc.array(id, { maxLength: 2 }),
    location: fc.constant(''),
    manager: fc.constant(''),
    email: fc.constantFrom('', 'a@example.org'),
    notes: fc.constant(''),
    batch: fc.constant(''),
  }),
  'stakeholders.checkins': fc.record({
    id,
    groupId: id,
    day: fc.constant('2026-11-20'),
    awareness: fc.integer({ min: 1, max: 5 }),
    desire: fc.integer({ min: 1, max: 5 }),
    knowledge: fc.integer({ min: 1, max: 5 }),
    ability: fc.integer({ min: 1, max: 5 }),
    reinforcement: fc.integer({ min: 1, max: 5 }),
    notes: fc.constant(''),
  }),
  'stakeholders.objections': fc.record({
    id,
    groupId: fc.constant(''),
    person: fc.constant(''),
    what: label,
    raisedOn: fc.constant('2026-11-20'),
    theme: label,
    response: fc.constant(''),
    status: fc.constantFrom('open', 'answered', 'closed'),
  }),
  'stakeholders.comms': fc.record({
    id,
    audience: fc.constantFrom('executives', 'managers', 'end-users'),
    message: label,
    channel: fc.constant(''),
    owner: fc.constant(''),
    due: fc.constant('2026-11-20'),
    sent: fc.boolean(),
  }),
  'stakeholders.decisions': fc.record({
    id,
    decision: label,
    decides: label,
    escalatesTo: fc.constant(''),
    communicates: fc.constant(''),
    noGo: fc.boolean(),
  }),
  'cab.windows': fc.record({
    id,
    kind: fc.constantFrom('maintenance', 'blackout'),
    label,
    start: fc.constant('2026-11-20T22:00:00.000Z'),
    end: fc.constantFrom('2026-11-21T02:00:00.000Z', '2026-11-22T02:00:00.000Z'),
    services: fc.array(label, { maxLength: 2 }),
  }),
  'cab.planned': fc.record({
    id,
    title: label,
    ref: fc.constant(''),
    service: fc.constantFrom('', 'CRM'),
    components: fc.array(label, { maxLength: 2 }),
    people: fc.array(label, { maxLength: 2 }),
    start: fc.constant('2026-11-20T22:00:00.000Z'),
    end: fc.constant('2026-11-21T01:00:00.000Z'),
  }),
  'drills.scenarios': fc.record({
    id,
    name: label,
    summary: fc.constant(''),
    durationSec: fc.constantFrom(600, 3600),
    objectives: fc.constant([{ id: 'o1', text: 'Decide on time', capability: 'rollback' }]),
    injects: fc.uniqueArray(
      fc.record({
        id,
        offsetSec: fc.integer({ min: 0, max: 600 }),
        title: label,
        detail: fc.constant(''),
        recipients: fc.array(label, { maxLength: 2 }),
        expected: fc.constant([]),
      }),
      { maxLength: 3, selector: (i) => i.id },
    ),
    questions: fc.array(label, { maxLength: 2 }),
    source: fc.constantFrom('authored', 'library'),
    sourceNote: fc.constant(''),
  }),
  'drills.correctiveActions': fc.record({
    id,
    text: label,
    element: fc.constantFrom('planning', 'training'),
    owner: label,
    start: fc.constant('2026-11-20'),
    due: fc.constantFrom('2026-11-20', '2026-12-20'),
    status: fc.constantFrom('open', 'done'),
    scenarioId: fc.constant(''),
    runId: fc.constant(''),
  }),
  'drills.runs': fc.record({
    id,
    scenario: fc.constant({
      id: 's1',
      name: 'Permissions outage',
      summary: '',
      durationSec: 600,
      objectives: [],
      injects: [],
      questions: [],
      source: 'authored',
      sourceNote: '',
    }),
    incidentId: fc.constant(''),
    facilitator: label,
    clock: fc.constantFrom(null, { t0Wall: 1_764_000_000_000, speed: 60, pausedAt: null }),
    endedAt: fc.constant(null),
    fired: fc.constant([]),
    cards: fc.constant([]),
    questionIndex: fc.constant(-1),
    log: fc.constant([]),
    scores: fc.constant([]),
    strengths: fc.array(label, { maxLength: 2 }),
    improvements: fc.constant([]),
    questionnaire: fc.constant([]),
    reportFinal: fc.boolean(),
  }),
  'pilot.groups': fc.record({
    id,
    name: label,
    stakeholderGroupId: fc.constant(''),
    novices: fc.nat(50),
    experts: fc.nat(50),
    friendly: fc.nat(50),
    sceptical: fc.nat(50),
    regions: fc.array(label, { maxLength: 2 }),
    edgeCases: fc.array(label, { maxLength: 2 }),
  }),
  'pilot.feedback': fc.record({
    id,
    ref: fc.constant(''),
    title: label,
    type: fc.constantFrom('usability', 'training', 'integration', 'policy'),
    severity: fc.constantFrom('low', 'high'),
    sourceGroup: fc.constantFrom('', 'Finance'),
    status: fc.constantFrom('open', 'fixed', 'retested'),
    change: fc.constantFrom('', 'product', 'training'),
    response: fc.constant(''),
  }),
  'pilot.kpis': fc.record({
    id,
    name: label,
    kind: fc.constantFrom('task-time', 'sentiment'),
    unit: fc.constantFrom('', 'min'),
    direction: fc.constantFrom('below', 'above'),
    target: num,
  }),
  'pilot.updates': fc.record({ id, audience: label, text: label }),
  'adoption.cohorts': fc.record({
    id,
    name: label,
    dimension: fc.constantFrom('function', 'location', 'manager'),
    size: fc.integer({ min: 1, max: 5000 }),
    launchDay: fc.constantFrom('2026-10-01', '2026-11-15'),
    targetPct: fc.integer({ min: 1, max: 100 }),
    targetDays: fc.integer({ min: 1, max: 120 }),
    owner: fc.constant(''),
    action: fc.constant(''),
    actionOwner: fc.constant(''),
  }),
  'adoption.frictions': fc.record({
    id,
    title: label,
    usersAffected: fc.nat(1000),
    minutesLost: fc.integer({ min: 0, max: 600 }),
    owner: fc.constant(''),
    status: fc.constantFrom('open', 'mitigating', 'resolved'),
    notes: fc.constant(''),
  }),
};

const collection = fc.constantFrom(...(Object.keys(COLLECTIONS) as CollectionKey[]));
const garbage = fc.oneof(fc.anything(), fc.record({ id, threshold: fc.string() }));

type Step = { kind: 'command'; command: Command } | { kind: 'undo' } | { kind: 'redo' };

const step: fc.Arbitrary<Step> = fc.oneof(
  collection
    .chain((c) =>
      fc.oneof(
        validItem[c].map((item) => ({ type: 'item.add' as const, collection: c, item })),
        validItem[c].map((item) => ({
          type: 'item.update' as const,
          collection: c,
          id: item.id as string,
          item,
          baseRevision: -1, // filled in with the current revision when run
        })),
        garbage.map((item) => ({ type: 'item.add' as const, collection: c, item })),
        id.map((x) => ({ type: 'item.remove' as const, collection: c, id: x, baseRevision: -1 })),
        fc
          .tuple(id, fc.nat(5))
          .map(([x, toIndex]) => ({ type: 'item.move' as const, collection: c, id: x, toIndex })),
      ),
    )
    .map((command) => ({ kind: 'command' as const, command })),
  label.map((name) => ({ kind: 'command' as const, command: { type: 'workbook.rename' as const, name } })),
  fc.constant({ kind: 'undo' as const }),
  fc.constant({ kind: 'redo' as const }),
);

/** Runs one step against `doc` with `log` as the audit so far; edits are made at the current revision. */
function run(doc: Doc, s: Step, log: readonly AuditEntry[]): Committed | null {
  if (s.kind === 'undo') return undo(doc, meta);
  if (s.kind === 'redo') return redo(doc, meta);
  const cmd = 'baseRevision' in s.command ? { ...s.command, baseRevision: doc.wb.revision } : s.command;
  return execute(doc, cmd as Command, meta, log);
}

const content = ({ revision: _r, updatedAt: _u, ...rest }: Workbook) => rest;

/**
 * Plays `steps` from an empty workbook, skipping refusals; `onCommit` sees each change made.
 * Returns the first workbook, the last document and the audit log.
 */
function play(steps: Step[], onCommit: (done: Committed, before: Doc) => void = () => undefined) {
  const first = emptyWorkbook('wb', 'Prop', meta.at);
  let doc = openDoc(first);
  const log: AuditEntry[] = [];
  for (const s of steps) {
    const before = doc;
    let done: Committed | null;
    try {
      done = run(doc, s, log);
    } catch (error) {
      // A refusal is a DomainError and leaves the document as it was.
      expect(error).toBeInstanceOf(DomainError);
      continue;
    }
    if (!done) continue;
    doc = done.doc;
    log.push(done.entry);
    onCommit(done, before);
  }
  return { first, doc, log };
}

describe('reducer properties', () => {
  it('keeps the workbook valid, revisions in step, and refusals change nothing', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const { doc } = play(steps, (done, before) => {
          expect(done.doc.wb.revision).toBe(before.wb.revision + 1);
          expect(done.entry.rev).toBe(done.doc.wb.revision);
        });
        const parsed = WorkbookSchema.safeParse(doc.wb);
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a window that applies only the pushed patches holds exactly what the host holds', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let window = emptyWorkbook('wb', 'Prop', meta.at);
        play(steps, (done) => {
          const { revision, updatedAt } = done.doc.wb;
          window = { ...applyPatches(window, done.patches), revision, updatedAt };
          expect(window).toEqual(done.doc.wb);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('replaying the audit log from the first state rebuilds the last one', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const { first, doc, log } = play(steps);
        const replayed = log.reduce((wb, entry) => applyPatches(wb, entry.changes), first);
        expect(content(replayed)).toEqual(content(doc.wb));
      }),
      { numRuns: 300 },
    );
  });

  it('undo then redo returns the same content', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        const { doc } = play(steps);
        fc.pre(doc.past.length > 0);
        const roundTrip = redo(undo(doc, meta).doc, meta).doc;
        expect(content(roundTrip.wb)).toEqual(content(doc.wb));
      }),
      { numRuns: 300 },
    );
  });
});
