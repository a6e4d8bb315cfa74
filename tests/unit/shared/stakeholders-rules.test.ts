import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decisionInputs, openIncidentRoles } from '../../../shared/areas/stakeholders/decision-inputs';
import { stakeholdersEvidence } from '../../../shared/areas/stakeholders/evidence';
import {
  adkarBarrier,
  barriersByGroup,
  coverageGaps,
  decisionWarnings,
  describeGap,
  flaggedObjections,
  overdueComms,
  themes,
} from '../../../shared/areas/stakeholders/rules';
import type { StakeholderGroup } from '../../../shared/areas/stakeholders/schema';
import { emptyWorkbook } from '../../../shared/schema/workbook';
import { checkin, comms, group, objection, person } from './stakeholders-fixture';

// Step 3's rules on hand-worked cases, and the coverage property the issue asks for.

describe('coverage', () => {
  it('lists exactly the major groups missing a sponsor, a champion or an owner, naming what', () => {
    const groups = [
      group({ id: 'a', name: 'Agents' }),
      group({ id: 'b', name: 'Team leads', champions: [] }),
      group({ id: 'c', name: 'Finance', sponsor: ' ', commsOwner: '' }),
      group({ id: 'd', name: 'Legal', major: false, sponsor: '', champions: [], commsOwner: '' }),
      group({ id: 'e', name: 'Ops', champions: ['  '] }),
    ];
    const gaps = coverageGaps(groups);
    expect(gaps).toEqual([
      { groupId: 'b', group: 'Team leads', missing: ['champion'] },
      { groupId: 'c', group: 'Finance', missing: ['sponsor', 'commsOwner'] },
      { groupId: 'e', group: 'Ops', missing: ['champion'] },
    ]);
    expect(describeGap(gaps[1]!)).toBe('Finance: no sponsor, no training/comms owner');
  });

  const arbGroup = fc.record({
    id: fc.stringMatching(/^[a-z]{1,4}$/),
    name: fc.string({ minLength: 1, maxLength: 8 }),
    size: fc.nat(500),
    role: fc.constantFrom('recipient', 'sponsor', 'influencer'),
    major: fc.boolean(),
    sponsor: fc.constantFrom('', ' ', 'Priya'),
    champions: fc.array(fc.constantFrom('', ' ', 'Leah'), { maxLength: 2 }),
    commsOwner: fc.constantFrom('', 'Tomás'),
    mondayChange: fc.string({ maxLength: 5 }),
  }) as fc.Arbitrary<StakeholderGroup>;
  const groupsArb = fc.uniqueArray(arbGroup, { selector: (g) => g.id, minLength: 1, maxLength: 8 });

  it('property: assigning a sponsor, champion and owner to a group always removes it from the gaps, and nothing else moves', () => {
    fc.assert(
      fc.property(groupsArb, fc.nat(), (groups, pick) => {
        const i = pick % groups.length;
        const before = coverageGaps(groups);
        const after = coverageGaps(
          groups.map((g, k) =>
            k === i ? { ...g, sponsor: 'S', champions: [...g.champions, 'C'], commsOwner: 'O' } : g,
          ),
        );
        expect(after.some((gap) => gap.groupId === groups[i]!.id)).toBe(false);
        expect(after).toEqual(before.filter((gap) => gap.groupId !== groups[i]!.id));
      }),
    );
  });

  it('property: nothing else removes a group from the gaps (other fields, other groups, partial assignments)', () => {
    const edit = fc.oneof(
      fc.record({ name: fc.string({ minLength: 1, maxLength: 8 }) }),
      fc.record({ size: fc.nat(500) }),
      fc.record({ role: fc.constantFrom('recipient', 'sponsor', 'influencer') }),
      fc.record({ mondayChange: fc.string() }),
      fc.record({ sponsor: fc.constant('S') }),
      fc.record({ champions: fc.constant(['C']) }),
      fc.record({ commsOwner: fc.constant('O') }),
    );
    fc.assert(
      fc.property(groupsArb, fc.nat(), edit, (groups, pick, change) => {
        const i = pick % groups.length;
        const target = groups[i]!;
        const before = coverageGaps(groups).find((g) => g.groupId === target.id);
        fc.pre(before !== undefined);
        const changed = { ...target, ...change } as StakeholderGroup;
        const after = coverageGaps(groups.map((g, k) => (k === i ? changed : g)));
        const gap = after.find((g) => g.groupId === target.id);
        // Only filling every missing role closes a gap: one edit closes it only when that edit
        // supplies the one role that was missing.
        const missingBefore = before!.missing;
        const supplies = Object.keys(change).map((k) => (k === 'champions' ? 'champion' : k));
        const closes = missingBefore.every((m) => supplies.includes(m));
        expect(gap === undefined).toBe(closes);
        expect(after.filter((g) => g.groupId !== target.id)).toEqual(
          coverageGaps(groups).filter((g) => g.groupId !== target.id),
        );
      }),
    );
  });
});

describe('ADKAR barrier', () => {
  it('is the first element at 3 or below, in ADKAR order, whatever comes after', () => {
    expect(adkarBarrier(checkin())).toBeNull();
    expect(adkarBarrier(checkin({ awareness: 4, desire: 3, knowledge: 1 }))).toBe('desire');
    expect(adkarBarrier(checkin({ awareness: 1, desire: 1 }))).toBe('awareness');
    expect(adkarBarrier(checkin({ reinforcement: 3 }))).toBe('reinforcement');
    expect(adkarBarrier(checkin({ ability: 4, reinforcement: 4 }))).toBeNull();
  });

  it('a group’s barrier comes from its latest check-in by date, not by list order', () => {
    const list = [
      checkin({ id: 'b', day: '2026-11-08', knowledge: 2 }),
      checkin({ id: 'a', day: '2026-11-01', awareness: 2 }),
      checkin({ id: 'x', groupId: 'g2', day: '2026-11-03' }),
    ];
    const barriers = barriersByGroup(list);
    expect(barriers.get('g1')).toBe('knowledge');
    expect(barriers.get('g2')).toBeNull();
    expect(barriers.has('g3')).toBe(false);
  });
});

describe('resistance and comms', () => {
  it('flags an open objection from a sponsor (by name or by a sponsor group), not a closed one', () => {
    const groups = [group(), group({ id: 'exec', name: 'Executives', role: 'sponsor', sponsor: '' })];
    const people = [person({ id: 'p9', name: 'Hugo Mercer', groupIds: ['exec'] })];
    const list = [
      objection({ id: 'a', person: 'priya raman ' }),
      objection({ id: 'b', person: 'Priya Raman', status: 'closed' }),
      objection({ id: 'c', person: 'Hugo Mercer' }),
      objection({ id: 'd', groupId: 'exec' }),
      objection({ id: 'e', person: 'Leah Brandt' }),
    ];
    expect(flaggedObjections(list, groups, people).map((o) => o.id)).toEqual(['a', 'c', 'd']);
    expect(themes([...list, objection({ theme: 'training ' })])).toEqual([
      { theme: 'Missing data', count: 5, open: 4 },
      { theme: 'training', count: 1, open: 1 },
    ]);
  });

  it('an unsent item is overdue only once its day has passed', () => {
    const list = [
      comms({ id: 'a', due: '2026-11-09' }),
      comms({ id: 'b', due: '2026-11-10' }),
      comms({ id: 'c', due: '2026-11-01', sent: true }),
    ];
    expect(overdueComms(list, '2026-11-10').map((c) => c.id)).toEqual(['a']);
  });
});

describe('decision rights', () => {
  it('warns when a stop condition’s caller is not a known person or role, and when nobody can call a no-go', () => {
    const warnings = decisionWarnings({
      decisions: [
        {
          id: 'd1',
          decision: 'Promote a wave',
          decides: 'Rollout owner',
          escalatesTo: 'CIO',
          communicates: '',
          noGo: false,
        },
      ],
      people: [person({ name: 'Ana Ruiz', title: 'Incident commander' })],
      groups: [group()],
      stopConditions: [
        { id: 'sc1', metric: 'Error rate', callers: ['incident commander', 'Ana Ruiz', 'Bob the SRE'] },
        { id: 'sc2', metric: 'Latency', callers: ['CIO', 'Support agents EMEA'] },
        { id: 'sc3', metric: 'Sync lag', callers: ['Comms lead', 'Priya Shah'] },
      ],
      noGoAuthorities: [],
      incidentRoles: [{ role: 'Comms lead', person: 'Priya Shah' }],
    });
    expect(warnings).toEqual([
      {
        where: 'success.stopConditions/sc1',
        message:
          'Stop condition “Error rate” may be called by “Bob the SRE”, who is not a known person or role',
      },
      { where: 'stakeholders.decisions', message: 'Nobody is named who can call a no-go' },
    ]);
    const ok = decisionWarnings({
      decisions: [
        { id: 'd1', decision: 'Go/no-go', decides: 'CAB', escalatesTo: '', communicates: '', noGo: true },
      ],
      people: [],
      groups: [],
      stopConditions: [{ id: 'sc1', metric: 'Errors', callers: ['Duty manager'] }],
      noGoAuthorities: [{ id: 'n1', name: 'Hugo Mercer', role: 'Duty manager' }],
      incidentRoles: [],
    });
    expect(ok).toEqual([
      { where: 'stakeholders.decisions/d1', message: '“Go/no-go” has nobody to escalate to' },
    ]);
  });
});

describe('decision rights and the incident roles', () => {
  const wbWithIncident = (resolvedAt: string | null, drill = false) => {
    const wb = emptyWorkbook('wb', 'Test', '2026-11-01T00:00:00Z');
    const incident = {
      id: 'inc-1',
      ref: '',
      title: 'Login errors after wave 2',
      severity: 'SEV2' as const,
      drill,
      openedAt: '2026-11-10T10:00:00Z',
      resolvedAt,
      waveId: '' as const,
      deploymentIds: [],
      changeRefs: [],
      batch: '' as const,
      roles: [
        { role: 'commander' as const, person: 'Ana Ruiz', at: '2026-11-10T10:01:00Z', by: 'Ana Ruiz' },
        { role: 'commander' as const, person: 'Dmitri Volkov', at: '2026-11-10T11:00:00Z', by: 'Ana Ruiz' },
      ],
      timeline: [],
    };
    return {
      ...wb,
      runbooks: { ...wb.runbooks, incidents: [incident] },
      success: {
        ...wb.success,
        stopConditions: [
          {
            ...({} as (typeof wb.success.stopConditions)[number]),
            id: 'sc1',
            metric: 'Error rate',
            callers: ['Incident commander', 'Dmitri Volkov', 'Ana Ruiz'],
          },
        ],
      },
    };
  };
  const callerWarnings = (wb: ReturnType<typeof wbWithIncident>) =>
    decisionWarnings(decisionInputs(wb)).filter((w) => w.where.startsWith('success.'));

  it('knows the roles by name, and whoever holds one now in an open real incident (not who handed it over)', () => {
    expect(callerWarnings(wbWithIncident(null)).map((w) => w.message)).toEqual([
      'Stop condition “Error rate” may be called by “Ana Ruiz”, who is not a known person or role',
    ]);
    expect(openIncidentRoles(wbWithIncident(null))).toEqual([
      { incident: 'Login errors after wave 2', role: 'Incident commander', person: 'Dmitri Volkov' },
    ]);
  });

  it('does not count the holders of a resolved incident or a drill', () => {
    for (const wb of [wbWithIncident('2026-11-10T12:00:00Z'), wbWithIncident(null, true)]) {
      expect(callerWarnings(wb).map((w) => w.message)).toEqual([
        'Stop condition “Error rate” may be called by “Dmitri Volkov”, who is not a known person or role',
        'Stop condition “Error rate” may be called by “Ana Ruiz”, who is not a known person or role',
      ]);
    }
  });
});

describe('scorecard evidence', () => {
  const now = Date.parse('2026-11-10T12:00:00Z');
  const wbWith = (groups: StakeholderGroup[], items = [comms()]) => {
    const wb = emptyWorkbook('wb', 'Test', '2026-11-01T00:00:00Z');
    return { ...wb, stakeholders: { ...wb.stakeholders, groups, comms: items } };
  };
  const evidence = (wb: unknown) => stakeholdersEvidence(wb, { waveId: 'w1', now });

  it('champions: amber with no major group, red naming the uncovered ones, green when all are covered', () => {
    expect(evidence(wbWith([]))[0]).toMatchObject({ check: 'champions', status: 'amber' });
    const red = evidence(wbWith([group(), group({ id: 'g2', name: 'Team leads', champions: [] })]))[0]!;
    expect(red).toMatchObject({ check: 'champions', status: 'red' });
    expect(red.summary).toBe('1 of 2 major groups are not covered: Team leads.');
    expect(red.details).toEqual(['Team leads: no champion']);
    expect(evidence(wbWith([group(), group({ id: 'g2', major: false, sponsor: '' })]))[0]!.status).toBe(
      'green',
    );
  });

  it('comms: amber with no plan or a missing audience, red when something due is unsent, green otherwise', () => {
    expect(evidence(wbWith([], []))[1]).toMatchObject({ check: 'comms', status: 'amber' });
    const all = (over = {}) => [
      comms({ id: 'a', audience: 'executives', due: '2026-11-12' }),
      comms({ id: 'b', audience: 'managers', due: '2026-11-10' }),
      comms({ id: 'c', audience: 'end-users', due: '2026-11-01', sent: true, ...over }),
    ];
    expect(evidence(wbWith([], all()))[1]!.status).toBe('green');
    const late = evidence(wbWith([], all({ sent: false })))[1]!;
    expect(late.status).toBe('red');
    expect(late.details[0]).toBe('Overdue since 2026-11-01 (end users): What changes on Monday');
    expect(evidence(wbWith([], all().slice(0, 2)))[1]!.summary).toBe('No message planned for end users.');
  });

  it('comms: once there are runbooks, every incident audience needs the rollout’s own template (the default alone: amber)', () => {
    const plan = [
      comms({ id: 'a', audience: 'executives', due: '2026-11-12' }),
      comms({ id: 'b', audience: 'managers', due: '2026-11-12' }),
      comms({ id: 'c', audience: 'end-users', due: '2026-11-12' }),
    ];
    const base = wbWith([], plan);
    const template = (audience: 'internal' | 'customer' | 'executive') => ({
      id: `t-${audience}`,
      audience,
      name: audience,
      body: 'Update on {{incident}}',
    });
    const withRunbooks = (templates: ReturnType<typeof template>[]) => ({
      ...base,
      runbooks: {
        ...base.runbooks,
        runbooks: [{} as (typeof base.runbooks.runbooks)[number]],
        templates,
      },
    });
    // No runbooks: the templates are not asked for.
    expect(evidence(base)[1]!.status).toBe('green');
    const amber = evidence(withRunbooks([template('internal'), template('executive')]))[1]!;
    expect(amber.status).toBe('amber');
    expect(amber.summary).toBe("Incident comms still use the app's default wording for: customer notice.");
    expect(amber.details).toEqual([
      "Customer notice for incidents: the app's default wording, not yet this rollout's own",
    ]);
    const green = evidence(
      withRunbooks([template('internal'), template('customer'), template('executive')]),
    )[1]!;
    expect(green.status).toBe('green');
    expect(green.details).toEqual([
      "Incident comms templates are this rollout's own: Internal update, Customer notice, Executive summary",
    ]);
  });
});
