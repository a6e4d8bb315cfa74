import { z } from 'zod';
import { choice, entityId, optionalText, requiredText } from '../../schema/fields';
import { MAX_SPEED, MIN_SPEED } from './clock';
import { CorrectiveActionSchema, ScenarioSchema } from './schema';
import { DrillLogEntrySchema, RATINGS } from './scoring';

// A drill run: one tabletop, from "ready" through the clock running to the scored report. It
// keeps a copy of the scenario as it was run, so editing the library afterwards never rewrites
// what a past drill's report, replay or ratings say. Wall times are epoch ms (the clock's unit);
// drill times are ms from T0.

const epochMs = z.number().finite().min(0);

export const DrillClockSchema = z.strictObject({
  t0Wall: z.number().finite(),
  speed: z.number().min(MIN_SPEED).max(MAX_SPEED),
  pausedAt: epochMs.nullable(),
});

/** How an inject reached the room: on schedule, by "jump to next", played now, or a card. */
export const FIRED_HOW = ['scheduled', 'jump', 'now', 'card'] as const;

export const FiredInjectSchema = z.strictObject({
  /** A scenario inject's id, or a hand card's id. */
  injectId: entityId,
  drillMs: z.number().int().min(0),
  wallMs: epochMs,
  how: z.enum(FIRED_HOW),
});

/** An unscheduled inject in the facilitator's hand, played at any moment (or written on the spot). */
export const InjectCardSchema = z.strictObject({
  id: entityId,
  title: requiredText('Card title', 200),
  detail: optionalText('Card detail', 4000),
  recipients: z.array(requiredText('Recipient', 120)).max(30, 'At most 30 recipients a card'),
});

export const ObjectiveScoreSchema = z.strictObject({
  objectiveId: entityId,
  rating: choice('Rating', RATINGS),
  /** Why: the facilitator's words beside the evidence the log gives. */
  note: optionalText('Rating note', 2000),
});

export const QUESTION_CATEGORIES = ['what-happened', 'what-worked', 'what-to-change', 'other'] as const;

export const QuestionnaireAnswerSchema = z.strictObject({
  id: entityId,
  category: choice('Category', QUESTION_CATEGORIES),
  question: requiredText('Question', 500),
  answer: optionalText('Answer', 4000),
  /** Who answered; answers typed in from paper name the person who wrote them. */
  who: requiredText('Who', 120),
});

export const DrillRunSchema = z.strictObject({
  id: entityId,
  /** The scenario as it was when the run was created. */
  scenario: ScenarioSchema,
  /** The drill's incident in the runbooks area (marked drill: true), or '' until it has one. */
  incidentId: z.union([entityId, z.literal('')]),
  facilitator: requiredText('Facilitator', 120),
  /** null until the facilitator starts the clock. */
  clock: DrillClockSchema.nullable(),
  /** Wall time the drill was finished, or null. */
  endedAt: epochMs.nullable(),
  fired: z.array(FiredInjectSchema),
  cards: z.array(InjectCardSchema).max(100, 'At most 100 cards in a hand'),
  /** The discussion question participants see (an index into scenario.questions), or -1. */
  questionIndex: z.number().int().min(-1),
  log: z.array(DrillLogEntrySchema),
  scores: z.array(ObjectiveScoreSchema),
  strengths: z.array(requiredText('Strength', 1000)).max(50),
  improvements: z.array(requiredText('Area for improvement', 1000)).max(50),
  questionnaire: z.array(QuestionnaireAnswerSchema).max(500),
  /** The report carries a DRAFT watermark until this is true. */
  reportFinal: z.boolean(),
});

export type DrillRun = z.infer<typeof DrillRunSchema>;
export type InjectCard = z.infer<typeof InjectCardSchema>;
export type ObjectiveScore = z.infer<typeof ObjectiveScoreSchema>;
export type QuestionnaireAnswer = z.infer<typeof QuestionnaireAnswerSchema>;

/** The drills section: the library, the runs made from it, and what they left to fix. */
export const DrillsSchema = z.strictObject({
  scenarios: z.array(ScenarioSchema),
  runs: z.array(DrillRunSchema),
  correctiveActions: z.array(CorrectiveActionSchema),
});
export type Drills = z.infer<typeof DrillsSchema>;
