import { describe, expect, it } from 'vitest';
import { reviewRun, runLengthMs, runTimeline } from '../../../shared/areas/drills/review';
import { type Command, CommandSchema } from '../../../shared/domain/commands';
import { DomainError } from '../../../shared/domain/errors';
import { type Doc, execute, openDoc, undo } from '../../../shared/domain/history';
import { emptyWorkbook } from '../../../shared/schema/workbook';
import { finishedRun, RUN_T0 } from './drills-run-fixture';

// The post-run record of a drill through the real reducer: ratings, strengths and improvements,
// the questionnaire, draft/final, corrective actions from the report; and what the scoring
// screen reads from a hand-worked run (see drills-run-fixture.ts for the log, worked by hand).

const meta = { who: { name: 'Ines Moreau', role: 'Facilitator' }, at: '2026-12-01T10:00:00.000Z' };

function withRun(run = finishedRun()): Doc {
  const wb = emptyWorkbook('wb', 'Drills', meta.at);
  wb.drills.runs.push(run);
  return openDoc(wb);
}

function parse(cmd: unknown): Command {
  const parsed = CommandSchema.safeParse(cmd);
  if (!parsed.success) throw parsed.error;
  return parsed.data;
}

const apply = (doc: Doc, cmd: unknown): Doc => execute(doc, parse(cmd), meta, [])?.doc ?? doc;

function refusal(doc: Doc, cmd: unknown): string {
  const parsed = CommandSchema.safeParse(cmd);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  try {
    execute(doc, parsed.data, meta, []);
  } catch (error) {
    if (error instanceof DomainError) return `${error.where}: ${error.message}`;
    throw error;
  }
  throw new Error('expected a refusal');
}

const rate = (objectiveId: string, rating: string, note = '') => ({
  type: 'drill.rate',
  runId: 'drun-1',
  objectiveId,
  rating,
  note,
});

describe('the scoring of a finished run', () => {
  it('reads the three times, each expected action and each objective from the log', () => {
    const review = reviewRun(finishedRun());
    expect(review.times).toEqual({ toDetect: 420_000, toDecideRollback: 1_500_000, toFirstComms: 1_740_000 });
    expect(review.expected.map((e) => [e.actionId, e.outcome])).toEqual([
      ['exp-1a', 'met'],
      ['exp-1b', 'late'],
      ['exp-2a', 'met'],
      ['exp-2b', 'late'],
      ['exp-3a', 'missed'],
      ['exp-4a', 'not-reached'],
      ['exp-4b', 'not-reached'],
    ]);
    expect(review.counts).toEqual({ met: 2, late: 2, missed: 1, 'not-reached': 2 });
    expect(review.objectives.map((o) => [o.objectiveId, o.suggested, o.rating, o.given])).toEqual([
      ['obj-detect', 'S', 'S', null],
      ['obj-rollback', 'P', 'P', null],
      ['obj-comms', 'M', 'M', null],
    ]);
  });

  it('lays injects and log entries on one timeline in drill-time order', () => {
    const events = runTimeline(finishedRun());
    expect(events.map((e) => [e.drillMs / 1000, e.kind])).toEqual([
      [0, 'inject'],
      [420, 'detected'],
      [900, 'inject'],
      [960, 'action'],
      [1200, 'action'],
      [1500, 'decision'],
      [1740, 'comms'],
      [1800, 'inject'],
    ]);
    expect(events[5]).toMatchObject({
      title: 'Roll wave 2 back',
      tag: 'rollback',
      wallMs: RUN_T0 + 1_500_000,
    });
    expect(runLengthMs(finishedRun())).toBe(1_800_000);
  });
});

describe('post-run commands', () => {
  it('rates an objective with a note, replacing an earlier rating; the review shows it over the suggestion', () => {
    let doc = apply(withRun(), rate('obj-comms', 'U', 'No update reached the director'));
    doc = apply(doc, rate('obj-comms', 'M', 'One update, late; the director call unanswered'));
    const run = doc.wb.drills.runs[0]!;
    expect(run.scores).toEqual([
      { objectiveId: 'obj-comms', rating: 'M', note: 'One update, late; the director call unanswered' },
    ]);
    expect(reviewRun(run).objectives[2]).toMatchObject({ suggested: 'M', given: 'M', rating: 'M' });
    doc = apply(doc, rate('obj-detect', 'P'));
    expect(reviewRun(doc.wb.drills.runs[0]!).objectives[0]).toMatchObject({ suggested: 'S', rating: 'P' });
  });

  it('refuses a rating not P/S/M/U, an unknown objective, an unfinished run; nothing changes', () => {
    const doc = withRun();
    expect(refusal(doc, rate('obj-comms', 'X'))).toBe('rating: Rating must be one of: P, S, M, U');
    expect(refusal(doc, rate('obj-nope', 'P'))).toBe(
      'objectiveId: The scenario of this drill has no objective "obj-nope"',
    );
    expect(refusal(doc, { ...rate('obj-comms', 'P'), runId: 'nope' })).toBe(
      'runId: No drill run with id "nope"',
    );
    const running = withRun(finishedRun({ endedAt: null }));
    expect(refusal(running, rate('obj-comms', 'P'))).toMatch(
      /^runId: Finish the drill .* before scoring it$/,
    );
    expect(doc.wb.drills.runs[0]!.scores).toEqual([]);
  });

  it('adds, edits and removes strengths and improvements as whole lists; one undo each', () => {
    const set = (list: string, items: string[]) => ({ type: 'drill.set-list', runId: 'drun-1', list, items });
    let doc = apply(withRun(), set('strengths', ['Detection inside seven minutes']));
    doc = apply(doc, set('strengths', ['Detection inside seven minutes', 'Rollback called by the book']));
    doc = apply(doc, set('improvements', ['Nobody owned the call with the sales director']));
    doc = apply(doc, set('strengths', ['Rollback called by the book']));
    const run = doc.wb.drills.runs[0]!;
    expect(run.strengths).toEqual(['Rollback called by the book']);
    expect(run.improvements).toEqual(['Nobody owned the call with the sales director']);
    expect(undo(doc, meta).doc.wb.drills.runs[0]!.strengths).toHaveLength(2);
    expect(refusal(doc, set('strengths', ['  ']))).toBe('items.0: Each entry is required');
  });

  it('records questionnaire answers by category, from the laptop or from paper; an empty author is refused', () => {
    const answer = (id: string, who: string, extra = {}) => ({
      type: 'drill.answer',
      runId: 'drun-1',
      id,
      category: 'what-worked',
      question: 'What helped you most?',
      answer: 'The stop-condition chart on the projector',
      who,
      fromPaper: false,
      ...extra,
    });
    let doc = apply(withRun(), answer('qa-1', 'Ben'));
    const paper = execute(
      doc,
      parse(answer('qa-2', 'Chloé', { category: 'what-to-change', fromPaper: true })),
      meta,
      [],
    )!;
    expect(paper.entry.summary).toBe(
      `Recorded Chloé's answer (from paper) in the drill "Permissions outage after wave 2"`,
    );
    doc = paper.doc;
    doc = apply(doc, answer('qa-1', 'Ben', { answer: 'The chart, and the runbook timer' }));
    expect(doc.wb.drills.runs[0]!.questionnaire.map((a) => [a.id, a.category, a.answer])).toEqual([
      ['qa-1', 'what-worked', 'The chart, and the runbook timer'],
      ['qa-2', 'what-to-change', 'The stop-condition chart on the projector'],
    ]);
    expect(refusal(doc, answer('qa-3', ' '))).toBe('who: Who answered is required');
    expect(refusal(doc, answer('qa-3', 'Ben', { category: 'gossip' }))).toBe(
      'category: Category must be one of: what-happened, what-worked, what-to-change, other',
    );
    doc = apply(doc, { type: 'drill.remove-answer', runId: 'drun-1', id: 'qa-2' });
    expect(doc.wb.drills.runs[0]!.questionnaire).toHaveLength(1);
  });

  it('a final report is frozen until marked a draft again; actions can still be raised from it', () => {
    let doc = apply(withRun(), { type: 'drill.mark-report', runId: 'drun-1', final: true });
    expect(doc.wb.drills.runs[0]!.reportFinal).toBe(true);
    expect(refusal(doc, rate('obj-comms', 'P'))).toMatch(/is marked final: mark it as a draft again/);
    doc = apply(doc, {
      type: 'drill.add-action',
      runId: 'drun-1',
      id: 'ca-1',
      text: 'Name a comms owner for sales leadership',
      element: 'organisation',
      owner: 'Chloé',
      start: '2026-12-02',
      due: '2026-12-16',
    });
    expect(doc.wb.drills.correctiveActions).toEqual([
      {
        id: 'ca-1',
        text: 'Name a comms owner for sales leadership',
        element: 'organisation',
        owner: 'Chloé',
        start: '2026-12-02',
        due: '2026-12-16',
        status: 'open',
        scenarioId: '',
        runId: 'drun-1',
      },
    ]);
    const action = { type: 'drill.add-action', runId: 'drun-1', text: 'x', element: 'training', owner: 'A' };
    expect(refusal(doc, { ...action, id: 'ca-2', start: '2026-12-16', due: '2026-12-02' })).toBe(
      'due: Due must be on or after the start',
    );
    expect(refusal(doc, { ...action, id: 'ca-1', start: '2026-12-02', due: '2026-12-02' })).toMatch(
      /already exists/,
    );
    doc = apply(doc, { type: 'drill.mark-report', runId: 'drun-1', final: false });
    expect(apply(doc, rate('obj-comms', 'P')).wb.drills.runs[0]!.scores).toHaveLength(1);
  });
});
