import { describe, expect, it } from 'vitest';
import { pilotEvidence } from '../../../shared/areas/pilot/evidence';
import { kpiVerdict } from '../../../shared/areas/pilot/kpis';
import { composition, representativeness } from '../../../shared/areas/pilot/representativeness';
import type { Feedback, Kpi, PilotGroup } from '../../../shared/areas/pilot/schema';
import { youSaidDrafts } from '../../../shared/areas/pilot/you-said';
import type { Command } from '../../../shared/domain/commands';
import { DomainError } from '../../../shared/domain/errors';
import { type Doc, execute, openDoc } from '../../../shared/domain/history';
import { emptyWorkbook, type Workbook } from '../../../shared/schema/workbook';

// The pilot's rules on hand-worked cases: is it representative, does each KPI pass and why,
// what the scorecard is told, what a "you said, we did" draft says, and the commands that keep
// a target honest.

const meta = { who: { name: 'Ana Ruiz', role: 'Pilot lead' }, at: '2026-11-20T12:00:00.000Z' };
const group = (over: Partial<PilotGroup>): PilotGroup => ({
  id: 'g1',
  name: 'Support EMEA',
  stakeholderGroupId: '',
  novices: 4,
  experts: 6,
  friendly: 7,
  sceptical: 3,
  regions: ['Lisbon', 'Dublin'],
  edgeCases: ['Month-end close'],
  ...over,
});
const kpi = (over: Partial<Kpi>): Kpi => ({
  id: 'k1',
  name: 'Ticket handling time',
  kind: 'task-time',
  unit: 'min',
  direction: 'below',
  target: 6,
  readings: [],
  targetChanges: [],
  ...over,
});
const item = (over: Partial<Feedback>): Feedback => ({
  id: 'f1',
  ref: '',
  title: 'Search is slow',
  type: 'usability',
  severity: 'high',
  sourceGroup: 'Support EMEA',
  status: 'open',
  change: '',
  response: '',
  batch: '',
  ...over,
});

describe('representativeness', () => {
  it('passes a mixed pilot across regions with edge cases', () => {
    expect(representativeness([group({})])).toEqual([]);
  });

  it('names each way a pilot of friendly experts in one office on the happy path falls short', () => {
    const findings = representativeness([
      group({ novices: 0, experts: 8, friendly: 8, sceptical: 0, regions: ['Lisbon'], edgeCases: [] }),
    ]);
    expect(findings.map((f) => f.key)).toEqual([
      'friendly-only',
      'expert-only',
      'one-region',
      'happy-path-only',
    ]);
    expect(findings[0]!.message).toContain('8 of 8');
    expect(findings[2]!.message).toContain('Lisbon');
  });

  it('judges the groups together: one group brings the sceptics, another the second region', () => {
    const a = group({ id: 'a', sceptical: 0, friendly: 10, regions: ['Lisbon'] });
    const b = group({
      id: 'b',
      sceptical: 2,
      friendly: 0,
      novices: 0,
      experts: 2,
      regions: ['lisbon ', 'Porto'],
      edgeCases: [],
    });
    expect(representativeness([a, b])).toEqual([]);
    expect(composition([a, b]).regions).toEqual(['Lisbon', 'Porto']);
  });

  it('says an empty pilot is empty', () => {
    expect(representativeness([]).map((f) => f.key)).toEqual(['empty']);
    expect(representativeness([group({ novices: 0, experts: 0, friendly: 0, sceptical: 0 })])[0]!.key).toBe(
      'empty',
    );
  });
});

describe('KPI pass / fail', () => {
  it('passes a "below" KPI at or under its target on the latest day, and says so', () => {
    const v = kpiVerdict(
      kpi({
        readings: [
          { day: '2026-11-18', value: 7 },
          { day: '2026-11-19', value: 6 },
        ],
      }),
    );
    expect(v.status).toBe('pass');
    expect(v.reason).toBe('6 min on 2026-11-19 is at or under the target of 6 min.');
  });

  it('fails by the gap, judged on the latest day whatever the order of entry', () => {
    const v = kpiVerdict(
      kpi({
        readings: [
          { day: '2026-11-19', value: 7.5 },
          { day: '2026-11-02', value: 5 },
        ],
      }),
    );
    expect(v.status).toBe('fail');
    expect(v.reason).toBe('7.5 min on 2026-11-19 is 1.5 min over the target of 6 min.');
  });

  it('handles "above" (sentiment) and no data', () => {
    const sentiment = kpi({ kind: 'sentiment', unit: '%', direction: 'above', target: 70 });
    expect(kpiVerdict({ ...sentiment, readings: [{ day: '2026-11-19', value: 64 }] }).reason).toBe(
      '64% on 2026-11-19 is 6% under the target of 70%.',
    );
    expect(kpiVerdict(sentiment).status).toBe('no-data');
  });

  it('reports a target moved after the start, with its original', () => {
    const change = {
      from: 5,
      to: 6,
      at: '2026-11-10T09:00:00.000Z',
      by: 'Ana Ruiz',
      reason: 'new ticket mix',
    };
    expect(kpiVerdict(kpi({ targetChanges: [change] })).moved).toEqual({ original: 5, changes: [change] });
    expect(kpiVerdict(kpi({})).moved).toBeNull();
  });
});

describe('pilot evidence for the scorecard', () => {
  const evidence = (feedback: Feedback[]) => {
    const wb = emptyWorkbook('wb', 'Test', meta.at);
    return pilotEvidence({ ...wb, pilot: { ...wb.pilot, feedback } } satisfies Workbook, {
      waveId: 'w',
      now: 0,
    })[0]!;
  };

  it('is amber with no feedback, red naming what is open, amber naming what awaits a retest, green when all re-tested', () => {
    expect(evidence([]).status).toBe('amber');
    const red = evidence([item({}), item({ id: 'f2', title: 'Export lost', status: 'fixed' })]);
    expect(red.status).toBe('red');
    expect(red.summary).toBe(
      '1 of 2 feedback items still open: “Search is slow”; 1 fixed but not re-tested.',
    );
    const amber = evidence([
      item({ status: 'retested' }),
      item({ id: 'f2', title: 'Export lost', status: 'fixed' }),
    ]);
    expect(amber).toMatchObject({ status: 'amber', summary: 'Fixed but not yet re-tested: “Export lost”.' });
    expect(evidence([item({ status: 'retested' })])).toMatchObject({ status: 'green', check: 'pilot' });
  });
});

describe('you said, we did', () => {
  it('drafts one update per group from re-tested items only, in their words', () => {
    const drafts = youSaidDrafts([
      item({ status: 'retested', change: 'product', response: 'Search now answers in under a second' }),
      item({
        id: 'f2',
        title: 'No refund training',
        type: 'training',
        status: 'retested',
        change: 'training',
        sourceGroup: '',
      }),
      item({ id: 'f3', title: 'Still open', status: 'fixed' }),
    ]);
    expect(drafts.map((d) => [d.audience, d.items])).toEqual([
      ['Support EMEA', 1],
      ['Everyone in the pilot', 1],
    ]);
    expect(drafts[0]!.text).toContain('**You said:** Search is slow (usability friction).');
    expect(drafts[0]!.text).toContain('**We did:** Search now answers in under a second');
    expect(drafts[1]!.text).toContain('made new or updated training');
    expect(drafts.map((d) => d.text).join()).not.toContain('Still open');
  });
});

describe('pilot commands', () => {
  const run = (doc: Doc, command: Command) => execute(doc, command, meta, [])!.doc;
  const refusal = (doc: Doc, command: Command) => {
    try {
      run(doc, command);
    } catch (e) {
      if (e instanceof DomainError) return e;
    }
    throw new Error('not refused');
  };
  const withKpi = () =>
    run(openDoc(emptyWorkbook('wb', 'Test', meta.at)), {
      type: 'item.add',
      collection: 'pilot.kpis',
      item: {
        id: 'k1',
        name: 'Handling time',
        kind: 'task-time',
        unit: 'min',
        direction: 'below',
        target: 5,
      },
    } as Command);

  it('sets a target freely before the start; after it, only with a reason, and keeps the history', () => {
    let doc = run(withKpi(), {
      type: 'pilot.kpi-target',
      baseRevision: 1,
      kpiId: 'k1',
      target: 6,
      reason: '',
    });
    expect(doc.wb.pilot.kpis[0]).toMatchObject({ target: 6, targetChanges: [] });
    doc = run(doc, { type: 'pilot.start', baseRevision: 2 });
    expect(doc.wb.pilot.startedAt).toBe(meta.at);
    const before = doc.wb;
    const noReason = refusal(doc, {
      type: 'pilot.kpi-target',
      baseRevision: 3,
      kpiId: 'k1',
      target: 7,
      reason: ' ',
    });
    expect(noReason.message).toBe('The pilot has started: say why the target moves');
    expect(doc.wb).toBe(before);
    doc = run(doc, {
      type: 'pilot.kpi-target',
      baseRevision: 3,
      kpiId: 'k1',
      target: 7,
      reason: 'new ticket mix',
    });
    expect(doc.wb.pilot.kpis[0]!.targetChanges).toEqual([
      { from: 6, to: 7, at: meta.at, by: 'Ana Ruiz', reason: 'new ticket mix' },
    ]);
  });

  it('refuses to edit a target or readings through the generic editor', () => {
    const doc = withKpi();
    const kpi = doc.wb.pilot.kpis[0]!;
    const e = refusal(doc, {
      type: 'item.update',
      collection: 'pilot.kpis',
      id: 'k1',
      item: { ...kpi, target: 9 },
    } as Command);
    expect(e.message).toContain('is not edited directly');
  });

  it('records one reading a day and refuses a second for the same day', () => {
    const doc = run(withKpi(), {
      type: 'pilot.kpi-reading',
      baseRevision: 1,
      kpiId: 'k1',
      day: '2026-11-19',
      value: 4.5,
    });
    expect(doc.wb.pilot.kpis[0]!.readings).toEqual([{ day: '2026-11-19', value: 4.5 }]);
    expect(
      refusal(doc, { type: 'pilot.kpi-reading', baseRevision: 2, kpiId: 'k1', day: '2026-11-19', value: 3 })
        .message,
    ).toBe('Handling time already has a reading for 2026-11-19');
  });

  it('imports feedback whole, refuses a reference already there, and takes the import back', () => {
    const feedback = (id: string, refs: string[]): Command => ({
      type: 'pilot.feedback-import',
      id,
      fileName: 'survey.csv',
      source: '',
      feedback: refs.map((ref, k) => ({
        rows: [k + 2],
        record: {
          ref,
          title: `Item ${ref}`,
          type: 'usability',
          severity: 'low',
          sourceGroup: '',
          status: 'open',
          change: '',
          response: '',
        },
      })),
    });
    let doc = run(openDoc(emptyWorkbook('wb', 'Test', meta.at)), feedback('imp-a', ['S-1', 'S-2']));
    expect(doc.wb.pilot.feedback.map((f) => [f.id, f.batch])).toEqual([
      ['imp-a-0', 'imp-a'],
      ['imp-a-1', 'imp-a'],
    ]);
    const e = refusal(doc, feedback('imp-b', ['S-3', 'S-2']));
    expect(e.message).toContain("Row 3: feedback item 'S-2' is already in this workbook");
    doc = run(doc, { type: 'wave.import-take-back', importId: 'imp-a', baseRevision: 1 });
    expect(doc.wb.pilot.feedback).toEqual([]);
    expect(doc.wb.waves.imports).toEqual([]);
  });
});
