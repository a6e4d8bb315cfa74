import { describe, expect, it } from 'vitest';
import { drillReport } from '../../../shared/areas/drills/report';
import type { Block, ExportDocument, Section } from '../../../shared/export/document';
import { cellText } from '../../../shared/export/document';
import { toMarkdown } from '../../../shared/export/markdown';
import { emptyWorkbook } from '../../../shared/schema/workbook';
import { finishedRun, HOSTILE } from './drills-run-fixture';

// The after-action report as an export document, checked on the hand-worked run: what each
// section holds, EXERCISE on every copy, DRAFT until final. Escaping is the renderers' job, but a
// hostile inject title is followed through the Markdown here (the HTML is checked in e2e).

const NOW = Date.parse('2026-12-01T11:00:00.000Z');
const by = { name: 'Ines Moreau', role: 'Facilitator' };

function report(run = finishedRun()) {
  const wb = emptyWorkbook('wb', 'Fernhill drills', '2026-12-01T09:00:00.000Z');
  wb.drills.runs.push(run);
  wb.drills.correctiveActions.push(
    {
      id: 'ca-1',
      text: 'Name a comms owner for sales leadership',
      element: 'organisation',
      owner: 'Chloé',
      start: '2026-12-02',
      due: '2026-12-16',
      status: 'in-progress',
      scenarioId: '',
      runId: run.id,
    },
    {
      id: 'ca-other',
      text: 'From another drill',
      element: 'training',
      owner: 'X',
      start: '2026-12-02',
      due: '2026-12-16',
      status: 'open',
      scenarioId: '',
      runId: 'another',
    },
  );
  return drillReport(wb, run, { now: NOW, by });
}

const section = (doc: ExportDocument, heading: string): Section => {
  const s = doc.sections.find((x) => x.heading === heading);
  if (!s) throw new Error(`no section ${heading}`);
  return s;
};
const table = (b: Block | undefined) => {
  if (b?.kind !== 'table') throw new Error('not a table');
  return b.rows.map((r) => r.map(cellText));
};

describe('the after-action report', () => {
  it('says EXERCISE in title and subtitle, and carries DRAFT until marked final', () => {
    const draft = report();
    expect(draft.title).toBe('EXERCISE: after-action report, Permissions outage after wave 2');
    expect(draft.subtitle).toBe(
      'EXERCISE, not a real incident. Tabletop drill facilitated by Ines Moreau on 2026-12-01.',
    );
    expect(draft.watermark).toBe('DRAFT');
    const final = report(finishedRun({ reportFinal: true }));
    expect(final.watermark).toBeUndefined();
    expect(final.title).toMatch(/^EXERCISE/);
    expect(draft.sections.map((s) => s.heading)).toEqual([
      'Summary',
      'Scenario and objectives',
      'Timeline',
      'Scores and ratings',
      'Strengths',
      'Areas for improvement',
      'Lessons learned',
      'Improvement plan',
    ]);
  });

  it('summarises the times and outcomes, and lists the timeline with T+ and wall time', () => {
    const doc = report();
    const facts = section(doc, 'Summary').blocks[0]!;
    if (facts.kind !== 'facts') throw new Error('facts');
    const value = (label: string) => facts.facts.find((f) => f.label === label)?.value;
    expect(value('Time to detect')).toBe('T+07:00');
    expect(value('Time to decide rollback')).toBe('T+25:00');
    expect(value('Time to first comms')).toBe('T+29:00');
    expect(value('Expected actions')).toBe('2 met, 2 late, 1 missed, 2 not reached');
    expect(value('Ended')).toBe('2026-12-01 09:40 UTC');
    const rows = table(section(doc, 'Timeline').blocks[0]);
    expect(rows).toHaveLength(8);
    expect(rows[0]).toEqual([
      'T+00:00',
      '09:00:00 UTC',
      'inject (scheduled)',
      'Service desk: three tickets in ten minutes',
      'On-call engineer, Service desk',
    ]);
    expect(rows[5]).toEqual([
      'T+25:00',
      '09:25:00 UTC',
      'decision: rollback',
      'Roll wave 2 back',
      'Ines Moreau',
    ]);
  });

  it('shows each rating beside its suggestion and note, and each expected action with its evidence', () => {
    const run = finishedRun({
      scores: [{ objectiveId: 'obj-comms', rating: 'U', note: 'The director call went unanswered' }],
    });
    const [objectives, expected] = section(report(run), 'Scores and ratings').blocks;
    expect(table(objectives)).toEqual([
      [
        'Recognise an access regression from support signals before a customer does',
        'S (Performed with some challenges)',
        'not rated yet',
        '',
      ],
      [
        'Reach a rollback decision by the book within the stop-condition window',
        'P (Performed without challenges)',
        'not rated yet',
        '',
      ],
      [
        'Tell the affected teams what is happening and what to do meanwhile',
        'M (Performed with major challenges)',
        'U (Unable to be performed)',
        'The director call went unanswered',
      ],
    ]);
    const rows = table(expected);
    expect(rows.map((r) => r[2])).toEqual([
      'met',
      'late',
      'met',
      'late',
      'missed',
      'not reached',
      'not reached',
    ]);
    expect(rows[1]![3]).toBe(
      '"Check the access-denied rate against its stop condition" expected by T+15:00: late at T+16:00 by Ana',
    );
  });

  it("lists strengths, improvements, answers by category and only this run's corrective actions", () => {
    const doc = report(
      finishedRun({
        strengths: ['Detection inside seven minutes'],
        improvements: ['Nobody owned the call with the sales director'],
        questionnaire: [
          {
            id: 'q1',
            category: 'what-to-change',
            question: 'What would you change?',
            answer: 'A comms owner',
            who: 'Ben',
          },
          {
            id: 'q2',
            category: 'what-happened',
            question: 'What happened first?',
            answer: 'Tickets',
            who: 'Ana',
          },
        ],
      }),
    );
    expect(section(doc, 'Strengths').blocks).toEqual([
      { kind: 'list', items: ['Detection inside seven minutes'] },
    ]);
    expect(section(doc, 'Lessons learned').sections!.map((s) => s.heading)).toEqual([
      'What happened',
      'What to change',
    ]);
    expect(table(section(doc, 'Improvement plan').blocks[0])).toEqual([
      [
        'Name a comms owner for sales leadership',
        'organisation',
        'Chloé',
        '2026-12-02',
        '2026-12-16',
        'in progress',
      ],
    ]);
    const empty = report();
    expect(section(empty, 'Strengths').blocks[0]).toMatchObject({
      kind: 'slot',
      text: 'No strengths recorded yet.',
    });
  });

  it('keeps a hostile inject title as text: plain in the document, escaped in Markdown', () => {
    const run = finishedRun();
    run.scenario.injects[0]!.title = HOSTILE;
    const doc = report(run);
    expect(table(section(doc, 'Timeline').blocks[0])[0]![3]).toBe(HOSTILE);
    const md = toMarkdown(doc);
    expect(md).toContain('\\<img src=x onerror=alert\\(1\\)\\>');
    expect(md).not.toMatch(/(^|[^\\])<img/m);
    expect(md).toContain('# EXERCISE: after-action report');
  });
});
