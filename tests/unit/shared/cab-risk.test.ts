import { describe, expect, it } from 'vitest';
import { calendarConflicts } from '../../../shared/areas/cab/calendar';
import { QUESTION_IDS } from '../../../shared/areas/cab/questionnaire';
import { assessRisk, firstCondition, scoreQuestionnaire } from '../../../shared/areas/cab/risk';
import { type Answers, type Cab, type Change, emptyCab, emptyChange } from '../../../shared/areas/cab/schema';

// Hand-worked cases for the change's risk (ordered conditions vs the weighted questionnaire, the
// higher taken) and for each calendar rule, edges included.

const DAY = 24 * 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const T0 = Date.parse('2026-11-21T22:00:00.000Z');

const answers = (given: Partial<Answers> = {}): Answers =>
  ({ ...Object.fromEntries(QUESTION_IDS.map((q) => [q, 0])), ...given }) as Answers;

/** A calm normal change: raised 10 days ahead, a 1 h window, two components, every answer 0. */
const change = (over: Partial<Change> = {}): Change => ({
  ...emptyChange(),
  title: 'Move quotes to Compass',
  service: 'CRM',
  components: ['sales-api', 'erp-sync'],
  implementers: ['Jun Park'],
  raisedAt: iso(T0 - 10 * DAY),
  start: iso(T0),
  end: iso(T0 + 3_600_000),
  answers: answers(),
  ...over,
});

describe('risk', () => {
  it('is low when no condition matches and every answer is the calmest', () => {
    const r = assessRisk(change());
    expect(r.condition).toBeNull();
    expect(r.questionnaire).toMatchObject({ score: 0, max: 45, level: 'low', unanswered: [] });
    expect([r.level, r.drivenBy]).toEqual(['low', 'both']);
    expect(r.reasons[0]).toBe('No risk condition applies (low).');
  });

  it('takes the FIRST matching condition: a standard change on a critical service is low by conditions', () => {
    const c = change({ type: 'standard', critical: true });
    expect(firstCondition(c)).toMatchObject({ id: 'standard', level: 'low' });
    // The same service as a normal change reaches the critical-service condition: high.
    expect(firstCondition(change({ critical: true }))).toMatchObject({
      id: 'critical-service',
      level: 'high',
      reason: 'CRM is marked critical: the business stops without it.',
    });
    // An emergency comes before everything.
    expect(firstCondition(change({ type: 'emergency', critical: true }))?.id).toBe('emergency');
  });

  it('names insufficient lead time with the notice given, and stops at the first match', () => {
    const r = assessRisk(change({ raisedAt: iso(T0 - 2 * DAY) }));
    expect(r.condition).toEqual({
      id: 'lead-time',
      label: 'Insufficient lead time',
      level: 'high',
      reason: 'Raised 2 days before its window; a normal change needs 5 days of notice.',
    });
    expect([r.level, r.drivenBy]).toEqual(['high', 'condition']);
    // Exactly 5 days is enough; a raise after the window opened is said so.
    expect(firstCondition(change({ raisedAt: iso(T0 - 5 * DAY) }))).toBeNull();
    expect(firstCondition(change({ raisedAt: iso(T0 + 60_000) }))?.reason).toMatch(
      /^Raised after its window opened/,
    );
  });

  it('flags a missing window (medium), a wide change and a long window', () => {
    expect(firstCondition(change({ start: null, end: null }))).toMatchObject({
      id: 'no-window',
      level: 'medium',
    });
    expect(firstCondition(change({ components: ['a', 'b', 'c', 'd', 'e'] }))?.id).toBe('wide-change');
    expect(firstCondition(change({ end: iso(T0 + 9 * 3_600_000) }))?.reason).toBe(
      'The window lasts 9 h: more than 8 h of exposure.',
    );
  });

  it('scores the questionnaire by weight, with thresholds at 30 % and 60 % of 45', () => {
    const at = (given: Partial<Answers>) => scoreQuestionnaire(answers(given));
    // 9 + 9 + 6 + 3 = 27 = 60 % → high; one point less → medium.
    expect(at({ reach: 3, undo: 3, familiarity: 3, testing: 3 })).toMatchObject({ score: 27, level: 'high' });
    expect(at({ reach: 3, undo: 3, familiarity: 3, testing: 2 })).toMatchObject({
      score: 26,
      level: 'medium',
    });
    // 6 + 6 + 2 = 14 ≥ 13.5 → medium; 13 → low.
    expect(at({ reach: 2, undo: 2, systems: 1 })).toMatchObject({ score: 14, level: 'medium' });
    expect(at({ reach: 2, undo: 2, testing: 1 })).toMatchObject({ score: 13, level: 'low' });
  });

  it('counts an unanswered question at its riskiest, and says how many', () => {
    const q = scoreQuestionnaire({ ...answers(), undo: null, data: null });
    expect(q).toMatchObject({ score: 9 + 6, level: 'medium', unanswered: ['undo', 'data'] });
    expect(scoreQuestionnaire(emptyChange().answers)).toMatchObject({ score: 45, level: 'high' });
  });

  it('takes the higher of the two and shows the answers that drove it', () => {
    // No window: medium by condition. Reach 3 and undo 3 and data 3: 24 points, medium… plus
    // familiarity 2 (4) = 28 → high by the questionnaire, which wins.
    const r = assessRisk(
      change({ start: null, end: null, answers: answers({ reach: 3, undo: 3, data: 3, familiarity: 2 }) }),
    );
    expect([r.condition?.level, r.questionnaire.level, r.level, r.drivenBy]).toEqual([
      'medium',
      'high',
      'high',
      'questionnaire',
    ]);
    expect(r.questionnaire.drivers.slice(0, 3).map((d) => [d.question, d.points])).toEqual([
      ['reach', 9],
      ['undo', 9],
      ['data', 6],
    ]);
    expect(r.reasons[1]).toBe(
      'Questionnaire: 28 of 45 points (high), mostly from: Who notices if it goes wrong? Every user or customer (9); ' +
        'How is it undone? It cannot be undone (9); Does it change stored data? It migrates or deletes data (6).',
    );
    expect(r.reasons[2]).toBe('Risk is high: the higher of the two, set by the questionnaire.');
  });
});

describe('calendar conflicts', () => {
  const cab = (over: Partial<Cab> = {}, c: Partial<Change> = {}): Cab => ({
    ...emptyCab(),
    change: change(c),
    ...over,
  });
  const planned = (id: string, from: number, to: number, over: Record<string, unknown> = {}) => ({
    id,
    title: `Change ${id}`,
    ref: '',
    service: '',
    components: [],
    people: [],
    start: iso(from),
    end: iso(to),
    ...over,
  });
  const win = (
    id: string,
    kind: 'maintenance' | 'blackout',
    from: number,
    to: number,
    services: string[] = [],
  ) => ({
    id,
    kind,
    label: id,
    start: iso(from),
    end: iso(to),
    services,
  });
  const H = 3_600_000;
  const M = 60_000;
  const rules = (c: Cab) => calendarConflicts(c).map((x) => [x.rule, x.withId]);

  it('finds nothing without a window, and nothing on an empty calendar', () => {
    expect(
      calendarConflicts(
        cab({ planned: [planned('p', T0, T0 + H, { service: 'CRM' })] }, { start: null, end: null }),
      ),
    ).toEqual([]);
    expect(calendarConflicts(cab())).toEqual([]);
  });

  it('same service or component already scheduled: overlapping only, names compared without case', () => {
    const c = cab({
      planned: [
        planned('same-service', T0 - 30 * M, T0 + 30 * M, { service: 'crm' }),
        planned('same-component', T0 + 59 * M, T0 + 90 * M, { service: 'ERP', components: ['ERP-Sync'] }),
        planned('touching', T0 + H, T0 + 2 * H, { service: 'CRM' }),
        planned('other', T0, T0 + H, { service: 'Payroll', components: ['payroll-db'] }),
      ],
    });
    expect(rules(c)).toEqual([
      ['already-scheduled', 'same-service'],
      ['already-scheduled', 'same-component'],
    ]);
    expect(calendarConflicts(c)[1]).toMatchObject({
      ruleLabel: 'Same service or component already scheduled',
      message: 'Change same-component also changes component erp-sync in an overlapping window.',
    });
  });

  it('the same person booked twice', () => {
    const c = cab({
      planned: [planned('p', T0 - 2 * H, T0 + M, { people: ['jun park'], service: 'Billing' })],
    });
    expect(calendarConflicts(c)).toEqual([
      {
        rule: 'double-booked',
        ruleLabel: 'Same person booked twice',
        message: 'Jun Park is also working on Change p at the same time.',
        withId: 'p',
      },
    ]);
  });

  it('outside the maintenance window: only when one applies, and the change must fit inside it', () => {
    const inside = win('Saturday night', 'maintenance', T0, T0 + 4 * H);
    const late = win('Late', 'maintenance', T0 + 30 * M, T0 + 4 * H);
    const otherService = win('Payroll nights', 'maintenance', T0 + 10 * H, T0 + 12 * H, ['Payroll']);
    expect(rules(cab({ windows: [inside] }))).toEqual([]);
    expect(rules(cab({ windows: [late] }))).toEqual([['outside-maintenance', null]]);
    expect(rules(cab({ windows: [late, inside] }))).toEqual([]);
    expect(rules(cab({ windows: [otherService] }))).toEqual([]);
  });

  it('inside a blackout, with its edges: touching is not overlapping', () => {
    const after = win('Quarter close', 'blackout', T0 + H, T0 + 48 * H);
    const before = win('Payroll run', 'blackout', T0 - 4 * H, T0);
    const overlapping = win('Month end', 'blackout', T0 + 59 * M, T0 + 48 * H);
    const elsewhere = win('Billing freeze', 'blackout', T0, T0 + H, ['Billing']);
    expect(rules(cab({ windows: [after, before, elsewhere] }))).toEqual([]);
    expect(calendarConflicts(cab({ windows: [overlapping] }))).toEqual([
      {
        rule: 'inside-blackout',
        ruleLabel: 'Inside a blackout',
        message: 'The window overlaps the blackout Month end.',
        withId: 'Month end',
      },
    ]);
  });
});
