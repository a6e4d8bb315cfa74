import { z } from 'zod';
import { areaCommand } from '../../domain/area-command';
import { DomainError } from '../../domain/errors';
import { choice, entityId, isoDay, optionalText, requiredText } from '../../schema/fields';
import type { Workbook } from '../../schema/workbook';
import type { AreaCommand } from '../types';
import { runAt, runPlan } from './run-helpers';
import { type DrillRun, QUESTION_CATEGORIES } from './run-schema';
import { CAPABILITY_ELEMENTS, CorrectiveActionSchema } from './schema';
import { RATINGS } from './scoring';

// The record a drill leaves after the clock stops: the facilitator's P/S/M/U per objective with a
// note, strengths and areas for improvement, the lessons-learned answers (typed on the laptop or
// from paper), the report's draft/final state, and corrective actions raised from the report.
// All of it waits for the drill to finish: rating a drill still running would rate half of it.
// A final report is frozen: reopen it as a draft first, so a signed-off report never drifts.

/** The run, checked to be finished and (unless `evenFinal`) still a draft. */
function reviewable(wb: Workbook, runId: string, evenFinal = false): { i: number; run: DrillRun } {
  const { index: i, run } = runAt(wb, runId);
  if (run.endedAt === null) {
    throw new DomainError(
      'not-allowed',
      `Finish the drill "${run.scenario.name}" before scoring it`,
      'runId',
    );
  }
  if (run.reportFinal && !evenFinal) {
    throw new DomainError(
      'not-allowed',
      `The report of "${run.scenario.name}" is marked final: mark it as a draft again to change it`,
      'runId',
    );
  }
  return { i, run };
}

const RateSchema = z.strictObject({
  type: z.literal('drill.rate'),
  runId: entityId,
  objectiveId: entityId,
  rating: choice('Rating', RATINGS),
  note: optionalText('Rating note', 2000),
});

export const rateObjective: AreaCommand<typeof RateSchema> = areaCommand(RateSchema, (wb, cmd) => {
  const { i, run } = reviewable(wb, cmd.runId);
  const objective = run.scenario.objectives.find((o) => o.id === cmd.objectiveId);
  if (!objective) {
    throw new DomainError(
      'not-found',
      `The scenario of this drill has no objective "${cmd.objectiveId}"`,
      'objectiveId',
    );
  }
  const score = { objectiveId: objective.id, rating: cmd.rating, note: cmd.note.trim() };
  return runPlan(
    wb,
    run.id,
    `Rated "${objective.text}" ${cmd.rating} in the drill "${run.scenario.name}"`,
    (d) => {
      const scores = d.drills.runs[i]!.scores;
      const at = scores.findIndex((s) => s.objectiveId === objective.id);
      if (at >= 0) scores[at] = score;
      else scores.push(score);
    },
  );
});

const LIST_NAMES = { strengths: 'strength', improvements: 'area for improvement' } as const;

const ListSchema = z.strictObject({
  type: z.literal('drill.set-list'),
  runId: entityId,
  list: choice('List', ['strengths', 'improvements'] as const),
  /** The whole list as it should read: adding, editing and removing are all this one move. */
  items: z.array(requiredText('Each entry', 1000)).max(50, 'At most 50 entries a list'),
});

export const setList: AreaCommand<typeof ListSchema> = areaCommand(ListSchema, (wb, cmd) => {
  const { i, run } = reviewable(wb, cmd.runId);
  const before = run[cmd.list];
  const noun = LIST_NAMES[cmd.list];
  const summary =
    cmd.items.length > before.length
      ? `Added a ${noun} to the drill "${run.scenario.name}"`
      : cmd.items.length < before.length
        ? `Removed a ${noun} from the drill "${run.scenario.name}"`
        : `Edited the ${cmd.list === 'strengths' ? 'strengths' : 'areas for improvement'} of the drill "${run.scenario.name}"`;
  return runPlan(wb, run.id, summary, (d) => {
    d.drills.runs[i]![cmd.list] = cmd.items;
  });
});

const AnswerSchema = z.strictObject({
  type: z.literal('drill.answer'),
  runId: entityId,
  /** An answer's id: a new one adds, an existing one is replaced. */
  id: entityId,
  category: choice('Category', QUESTION_CATEGORIES),
  question: requiredText('Question', 500),
  answer: requiredText('Answer', 4000),
  who: requiredText('Who answered', 120),
  /** Typed in from a paper form rather than on the laptop: said in the history. */
  fromPaper: z.boolean(),
});

export const answerQuestion: AreaCommand<typeof AnswerSchema> = areaCommand(AnswerSchema, (wb, cmd) => {
  const { i, run } = reviewable(wb, cmd.runId);
  const answer = {
    id: cmd.id,
    category: cmd.category,
    question: cmd.question,
    answer: cmd.answer,
    who: cmd.who,
  };
  const at = run.questionnaire.findIndex((a) => a.id === cmd.id);
  if (at < 0 && run.questionnaire.length >= 500) {
    throw new DomainError('out-of-range', 'At most 500 answers a drill', 'id');
  }
  const how = cmd.fromPaper ? ' (from paper)' : '';
  const summary = `${at < 0 ? 'Recorded' : 'Edited'} ${cmd.who}'s answer${how} in the drill "${run.scenario.name}"`;
  return runPlan(wb, run.id, summary, (d) => {
    const list = d.drills.runs[i]!.questionnaire;
    if (at >= 0) list[at] = answer;
    else list.push(answer);
  });
});

const RemoveAnswerSchema = z.strictObject({
  type: z.literal('drill.remove-answer'),
  runId: entityId,
  id: entityId,
});

export const removeAnswer: AreaCommand<typeof RemoveAnswerSchema> = areaCommand(
  RemoveAnswerSchema,
  (wb, cmd) => {
    const { i, run } = reviewable(wb, cmd.runId);
    const at = run.questionnaire.findIndex((a) => a.id === cmd.id);
    if (at < 0) throw new DomainError('not-found', `This drill has no answer "${cmd.id}"`, 'id');
    return runPlan(
      wb,
      run.id,
      `Removed ${run.questionnaire[at]!.who}'s answer from the drill "${run.scenario.name}"`,
      (d) => {
        d.drills.runs[i]!.questionnaire.splice(at, 1);
      },
    );
  },
);

const FinalSchema = z.strictObject({
  type: z.literal('drill.mark-report'),
  runId: entityId,
  final: z.boolean({ error: 'Say whether the report is final (true) or a draft (false)' }),
});

export const markReport: AreaCommand<typeof FinalSchema> = areaCommand(FinalSchema, (wb, cmd) => {
  const { i, run } = reviewable(wb, cmd.runId, true);
  if (run.reportFinal === cmd.final) {
    return { patches: [], inverse: [], touched: [], area: 'drills', summary: '' };
  }
  const what = cmd.final ? 'final' : 'a draft again';
  return runPlan(wb, run.id, `Marked the report of the drill "${run.scenario.name}" ${what}`, (d) => {
    d.drills.runs[i]!.reportFinal = cmd.final;
  });
});

const ActionSchema = z.strictObject({
  type: z.literal('drill.add-action'),
  runId: entityId,
  id: entityId,
  text: requiredText('Corrective action', 500),
  element: choice('Capability element', CAPABILITY_ELEMENTS),
  owner: requiredText('Owner', 120),
  start: isoDay('Start'),
  due: isoDay('Due'),
});

/** A corrective action raised from the report: a tracked item of the improvement plan, linked to the run. */
export const addAction: AreaCommand<typeof ActionSchema> = areaCommand(ActionSchema, (wb, cmd) => {
  // Raising actions is allowed on a final report too: the plan lives on after sign-off.
  const { run } = reviewable(wb, cmd.runId, true);
  if (wb.drills.correctiveActions.some((a) => a.id === cmd.id)) {
    throw new DomainError('duplicate-id', `A corrective action with id "${cmd.id}" already exists`, 'id');
  }
  const parsed = CorrectiveActionSchema.safeParse({
    id: cmd.id,
    text: cmd.text,
    element: cmd.element,
    owner: cmd.owner,
    start: cmd.start,
    due: cmd.due,
    status: 'open',
    // The library scenario it was run from, while it is still in the workbook.
    scenarioId: wb.drills.scenarios.some((s) => s.id === run.scenario.id) ? run.scenario.id : '',
    runId: run.id,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError('invalid-item', issue.message, issue.path.join('.'));
  }
  return runPlan(
    wb,
    run.id,
    `Raised the corrective action "${cmd.text}" from the drill "${run.scenario.name}"`,
    (d) => {
      d.drills.correctiveActions.push(parsed.data);
    },
    [`drills.correctiveActions/${cmd.id}`],
  );
});

export const REVIEW_COMMANDS = [
  rateObjective,
  setList,
  answerQuestion,
  removeAnswer,
  markReport,
  addAction,
] as const;
