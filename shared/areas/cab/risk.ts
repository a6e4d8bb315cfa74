import { formatDuration } from '../../domain/format';
import { MAX_SCORE, QUESTIONS, type QuestionId } from './questionnaire';
import type { Change, RiskLevel } from './schema';

// A change's risk, two ways, and the higher of the two taken:
// - ordered risk conditions: the first one that matches sets a level (order is precedence: a
//   pre-approved standard change is low even on a critical service, an emergency is always high);
// - the weighted questionnaire: score / maximum, with thresholds. An unanswered question counts
//   as its riskiest answer until someone answers it: unknown risk is not low risk.
// Both are shown with what drove them, so a reviewer can argue with the inputs, not the output.

export const RANK: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };
const higher = (a: RiskLevel, b: RiskLevel): RiskLevel => (RANK[b] > RANK[a] ? b : a);

/** A normal change needs this much notice between being raised and its window opening. */
export const NORMAL_LEAD_MS = 5 * 24 * 3_600_000;
/** A change touching this many components or more is a wide change. */
export const WIDE_CHANGE = 5;
/** A window longer than this keeps the service exposed for a long time. */
export const LONG_WINDOW_MS = 8 * 3_600_000;
/** Questionnaire thresholds, as a share of the maximum score. */
export const HIGH_SHARE = 0.6;
export const MEDIUM_SHARE = 0.3;

export interface RiskCondition {
  id: string;
  label: string;
  level: RiskLevel;
  /** Why it matches this change, or null when it does not. */
  test(change: Change): string | null;
}

export const RISK_CONDITIONS: readonly RiskCondition[] = [
  {
    id: 'emergency',
    label: 'Emergency change',
    level: 'high',
    test: (c) =>
      c.type === 'emergency' ? 'It goes in without the usual lead time, testing and review.' : null,
  },
  {
    id: 'standard',
    label: 'Pre-approved standard change',
    level: 'low',
    test: (c) =>
      c.type === 'standard' ? 'A repeatable change from the pre-approved list; review is a formality.' : null,
  },
  {
    id: 'critical-service',
    label: 'Critical service affected',
    level: 'high',
    test: (c) =>
      c.critical
        ? `${c.service.trim() || 'The service'} is marked critical: the business stops without it.`
        : null,
  },
  {
    id: 'lead-time',
    label: 'Insufficient lead time',
    level: 'high',
    test: (c) => {
      if (!c.start || !c.raisedAt) return null;
      const lead = Date.parse(c.start) - Date.parse(c.raisedAt);
      if (lead >= NORMAL_LEAD_MS) return null;
      const given = lead <= 0 ? 'after its window opened' : `${formatDuration(lead)} before its window`;
      return `Raised ${given}; a normal change needs ${formatDuration(NORMAL_LEAD_MS)} of notice.`;
    },
  },
  {
    id: 'no-window',
    label: 'No implementation window',
    level: 'medium',
    test: (c) =>
      !c.start || !c.end ? 'Without a window, lead time and calendar clashes cannot be checked.' : null,
  },
  {
    id: 'wide-change',
    label: 'Wide change',
    level: 'medium',
    test: (c) =>
      c.components.length >= WIDE_CHANGE
        ? `It touches ${c.components.length} components (${WIDE_CHANGE} or more is wide).`
        : null,
  },
  {
    id: 'long-window',
    label: 'Long implementation window',
    level: 'medium',
    test: (c) => {
      if (!c.start || !c.end) return null;
      const span = Date.parse(c.end) - Date.parse(c.start);
      return span > LONG_WINDOW_MS
        ? `The window lasts ${formatDuration(span)}: more than ${formatDuration(LONG_WINDOW_MS)} of exposure.`
        : null;
    },
  },
];

export interface ConditionHit {
  id: string;
  label: string;
  level: RiskLevel;
  reason: string;
}

export interface AnswerDriver {
  question: QuestionId;
  text: string;
  /** The answer's words, or "not answered". */
  answer: string;
  /** weight × answer (an unanswered question counts as 3). */
  points: number;
  answered: boolean;
}

export interface QuestionnaireResult {
  score: number;
  max: number;
  level: RiskLevel;
  unanswered: QuestionId[];
  /** Every question with its points, most points first: the top ones drove the level. */
  drivers: AnswerDriver[];
}

export interface RiskAssessment {
  level: RiskLevel;
  /** The first condition that matched, or null (which counts as low). */
  condition: ConditionHit | null;
  questionnaire: QuestionnaireResult;
  /** Which of the two set the level ('both' when they agree). */
  drivenBy: 'condition' | 'questionnaire' | 'both';
  /** The assessment in sentences, for the summary and the packet. */
  reasons: string[];
}

/** The first risk condition that matches, in order: later ones are not even looked at. */
export function firstCondition(change: Change): ConditionHit | null {
  for (const c of RISK_CONDITIONS) {
    const reason = c.test(change);
    if (reason !== null) return { id: c.id, label: c.label, level: c.level, reason };
  }
  return null;
}

export function scoreQuestionnaire(answers: Change['answers']): QuestionnaireResult {
  const drivers = QUESTIONS.map((q): AnswerDriver => {
    const a = answers[q.id];
    const answered = a !== null && a !== undefined;
    return {
      question: q.id,
      text: q.text,
      answer: answered ? q.options[a]! : 'not answered',
      points: q.weight * (answered ? a : 3),
      answered,
    };
  });
  const score = drivers.reduce((sum, d) => sum + d.points, 0);
  const share = score / MAX_SCORE;
  const level: RiskLevel = share >= HIGH_SHARE ? 'high' : share >= MEDIUM_SHARE ? 'medium' : 'low';
  return {
    score,
    max: MAX_SCORE,
    level,
    unanswered: drivers.filter((d) => !d.answered).map((d) => d.question),
    // Stable sort: equal points keep the questionnaire's order.
    drivers: [...drivers].sort((a, b) => b.points - a.points),
  };
}

export function assessRisk(change: Change): RiskAssessment {
  const condition = firstCondition(change);
  const questionnaire = scoreQuestionnaire(change.answers);
  const byCondition = condition?.level ?? 'low';
  const level = higher(byCondition, questionnaire.level);
  const drivenBy =
    byCondition === questionnaire.level
      ? 'both'
      : RANK[byCondition] > RANK[questionnaire.level]
        ? 'condition'
        : 'questionnaire';
  const top = questionnaire.drivers
    .filter((d) => d.points > 0)
    .slice(0, 3)
    .map((d) => `${d.text} ${d.answer} (${d.points})`);
  const reasons = [
    condition
      ? `Risk condition: ${condition.label} (${condition.level}). ${condition.reason}`
      : 'No risk condition applies (low).',
    `Questionnaire: ${questionnaire.score} of ${questionnaire.max} points (${questionnaire.level})` +
      (top.length > 0 ? `, mostly from: ${top.join('; ')}.` : '.') +
      (questionnaire.unanswered.length > 0
        ? ` ${questionnaire.unanswered.length} unanswered, counted at their riskiest.`
        : ''),
    `Risk is ${level}: the higher of the two${drivenBy === 'both' ? ', which agree' : `, set by the ${drivenBy}`}.`,
  ];
  return { level, condition, questionnaire, drivenBy, reasons };
}
