import type { Identity } from '../../domain/identity';
import type { Block, Cell, ExportDocument, Fact, Section, Tone } from '../../export/document';
import type { Workbook } from '../../schema/workbook';
import { formatDrillTime } from './clock';
import { reviewRun, runTimeline, timeOrNever } from './review';
import type { DrillRun } from './run-schema';
import { QUESTION_CATEGORIES } from './run-schema';
import { type ActionOutcome, RATING_TEXT } from './scoring';

// The after-action report and improvement plan of one drill, as an export document (the export
// module makes HTML, PDF and Markdown of it). Built from the same review the scoring screen shows.
// "EXERCISE" is in the title and subtitle of every copy, so a page of it found on a printer is
// never taken for a real incident; it stays DRAFT until the facilitator marks it final.

export interface ReportContext {
  now: number;
  by: Identity | null;
}

const wall = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const wallSeconds = (ms: number) => `${new Date(ms).toISOString().slice(11, 19)} UTC`;

const OUTCOME_TONE: Record<ActionOutcome, Tone> = {
  met: 'ok',
  late: 'warn',
  missed: 'bad',
  'not-reached': 'muted',
};
const RATING_TONE: Record<string, Tone> = { P: 'ok', S: 'info', M: 'warn', U: 'bad' };

export const CATEGORY_LABEL: Record<(typeof QUESTION_CATEGORIES)[number], string> = {
  'what-happened': 'What happened',
  'what-worked': 'What worked',
  'what-to-change': 'What to change',
  other: 'Other',
};

function summarySection(run: DrillRun, review: ReturnType<typeof reviewRun>): Section {
  const { times, counts } = review;
  const started = run.clock ? wall(run.clock.t0Wall) : 'not started';
  const facts: Fact[] = [
    { label: 'Scenario', value: run.scenario.name },
    { label: 'Facilitator', value: run.facilitator },
    { label: 'Started', value: started },
    { label: 'Ended', value: run.endedAt !== null ? wall(run.endedAt) : 'still running' },
    { label: 'Time to detect', value: timeOrNever(times.toDetect, 'not detected') },
    { label: 'Time to decide rollback', value: timeOrNever(times.toDecideRollback, 'no rollback decision') },
    { label: 'Time to first comms', value: timeOrNever(times.toFirstComms, 'no comms sent') },
    {
      label: 'Expected actions',
      value: `${counts.met} met, ${counts.late} late, ${counts.missed} missed, ${counts['not-reached']} not reached`,
      tone: counts.missed > 0 ? 'bad' : counts.late > 0 ? 'warn' : 'ok',
    },
    {
      label: 'Objectives',
      value: review.objectives.map((o) => `${o.rating ?? '–'}`).join(' · ') || 'none',
      detail: review.objectives.map((o) => `${o.rating ?? 'not rated'}: ${o.text}`),
    },
  ];
  return { heading: 'Summary', blocks: [{ kind: 'facts', facts }] };
}

function scenarioSection(run: DrillRun): Section {
  const s = run.scenario;
  const blocks: Block[] = [];
  if (s.summary) blocks.push({ kind: 'paragraph', text: s.summary });
  blocks.push({
    kind: 'table',
    caption: 'Objectives',
    columns: ['Objective', 'Capability'],
    rows: s.objectives.map((o) => [o.text, o.capability.replace('-', ' ')]),
  });
  if (s.questions.length > 0) blocks.push({ kind: 'list', items: s.questions });
  return { heading: 'Scenario and objectives', blocks };
}

function timelineSection(run: DrillRun): Section {
  const rows: Cell[][] = runTimeline(run).map((e) => [
    { text: formatDrillTime(e.drillMs), mono: true },
    { text: wallSeconds(e.wallMs), mono: true },
    e.kind === 'inject' ? `inject (${e.tag})` : e.tag ? `${e.kind}: ${e.tag}` : e.kind,
    e.title,
    e.who,
  ]);
  return {
    heading: 'Timeline',
    blocks: [
      {
        kind: 'table',
        caption: 'Injects as they reached the room and the log, in drill-time order',
        columns: ['Drill time', 'Wall time', 'What', 'Detail', 'Who'],
        rows,
      },
    ],
  };
}

function scoresSection(review: ReturnType<typeof reviewRun>): Section {
  const objectiveRows: Cell[][] = review.objectives.map((o) => [
    o.text,
    o.suggested ? `${o.suggested} (${RATING_TEXT[o.suggested]})` : 'none: rate by hand',
    o.given
      ? { text: `${o.given} (${RATING_TEXT[o.given]})`, tone: RATING_TONE[o.given] ?? 'info' }
      : { text: 'not rated yet', tone: 'muted' },
    o.note,
  ]);
  const expectedRows: Cell[][] = review.expected.map((e) => [
    e.text,
    { text: formatDrillTime(e.byMs), mono: true },
    { text: e.outcome.replace('-', ' '), tone: OUTCOME_TONE[e.outcome] },
    e.evidence,
  ]);
  return {
    heading: 'Scores and ratings',
    blocks: [
      {
        kind: 'table',
        caption: 'Objectives: P performed without challenges, S with some, M with major challenges, U unable',
        columns: ['Objective', 'Suggested from the log', 'Rating', 'Note'],
        rows: objectiveRows,
      },
      {
        kind: 'table',
        caption: 'Expected actions and the evidence in the log',
        columns: ['Expected action', 'By', 'Outcome', 'Evidence'],
        rows: expectedRows,
      },
    ],
  };
}

const listOrNone = (items: string[], none: string): Block =>
  items.length > 0 ? { kind: 'list', items } : { kind: 'slot', label: 'Not recorded', text: none };

function questionnaireSection(run: DrillRun): Section {
  const sections: Section[] = QUESTION_CATEGORIES.flatMap((c) => {
    const answers = run.questionnaire.filter((a) => a.category === c);
    if (answers.length === 0) return [];
    return [
      {
        heading: CATEGORY_LABEL[c],
        blocks: [
          {
            kind: 'table',
            columns: ['Question', 'Answer', 'Who'],
            rows: answers.map((a) => [a.question, a.answer, a.who]),
          } satisfies Block,
        ],
      },
    ];
  });
  return {
    heading: 'Lessons learned',
    blocks: sections.length === 0 ? [listOrNone([], 'No questionnaire answers were typed in.')] : [],
    sections,
  };
}

function actionsSection(wb: Workbook, run: DrillRun): Section {
  const actions = wb.drills.correctiveActions.filter((a) => a.runId === run.id);
  return {
    heading: 'Improvement plan',
    blocks: [
      {
        kind: 'table',
        caption: 'Corrective actions raised by this drill, tracked in the workbook',
        columns: ['Corrective action', 'Capability element', 'Owner', 'Start', 'Due', 'Status'],
        rows: actions.map((a) => [
          a.text,
          a.element,
          a.owner,
          a.start,
          a.due,
          {
            text: a.status.replace('-', ' '),
            tone: a.status === 'done' ? 'ok' : a.status === 'dropped' ? 'muted' : 'info',
          },
        ]),
      },
    ],
  };
}

/** The after-action report of `run` (a run of `wb.drills.runs`). */
export function drillReport(wb: Workbook, run: DrillRun, ctx: ReportContext): ExportDocument {
  const review = reviewRun(run);
  const provenance: Fact[] = [
    { label: 'Workbook', value: `${wb.name} (revision ${wb.revision})` },
    { label: 'Drill run', value: run.id, mono: true },
    { label: 'Report', value: run.reportFinal ? 'final' : 'draft: not yet marked final' },
    {
      label: 'Made',
      value: `${wall(ctx.now)}${ctx.by ? ` by ${ctx.by.name} (${ctx.by.role})` : ''}, with Rollout War Room`,
    },
  ];
  return {
    title: `EXERCISE: after-action report, ${run.scenario.name}`,
    subtitle: `EXERCISE, not a real incident. Tabletop drill facilitated by ${run.facilitator}${run.clock ? ` on ${wall(run.clock.t0Wall).slice(0, 10)}` : ''}.`,
    ...(run.reportFinal ? {} : { watermark: 'DRAFT' }),
    provenance,
    sections: [
      summarySection(run, review),
      scenarioSection(run),
      timelineSection(run),
      scoresSection(review),
      { heading: 'Strengths', blocks: [listOrNone(run.strengths, 'No strengths recorded yet.')] },
      {
        heading: 'Areas for improvement',
        blocks: [listOrNone(run.improvements, 'No areas for improvement recorded yet.')],
      },
      questionnaireSection(run),
      actionsSection(wb, run),
    ],
  };
}
