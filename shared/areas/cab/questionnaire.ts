// The risk questionnaire: seven questions a change owner can answer honestly in two minutes.
// Each answer is 0 (least risky) to 3 (riskiest) and each question has a weight: undoing a change
// and how many people notice matter more than how it was tested. The score is the weighted sum.

export const QUESTION_IDS = [
  'reach',
  'undo',
  'familiarity',
  'systems',
  'downtime',
  'data',
  'testing',
] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

export interface Question {
  id: QuestionId;
  text: string;
  weight: number;
  /** Answers from 0 (least risky) to 3 (riskiest). */
  options: readonly [string, string, string, string];
}

export const QUESTIONS: readonly Question[] = [
  {
    id: 'reach',
    text: 'Who notices if it goes wrong?',
    weight: 3,
    options: ['Nobody outside the team', 'One team', 'One business unit or region', 'Every user or customer'],
  },
  {
    id: 'undo',
    text: 'How is it undone?',
    weight: 3,
    options: [
      'Automatic rollback, rehearsed',
      'Manual rollback, rehearsed',
      'Manual rollback, never rehearsed',
      'It cannot be undone',
    ],
  },
  {
    id: 'familiarity',
    text: 'Has this team made this kind of change before?',
    weight: 2,
    options: ['Routinely', 'A few times', 'Once, a while ago', 'Never'],
  },
  {
    id: 'systems',
    text: 'How many systems change together?',
    weight: 2,
    options: ['One', 'Two', 'Three or four', 'Five or more'],
  },
  {
    id: 'downtime',
    text: 'Do users lose service while it goes in?',
    weight: 2,
    options: ['No', 'For seconds', 'For minutes', 'For an hour or more'],
  },
  {
    id: 'data',
    text: 'Does it change stored data?',
    weight: 2,
    options: ['No', 'It only reads data', 'It writes data, reversibly', 'It migrates or deletes data'],
  },
  {
    id: 'testing',
    text: 'How was it tested?',
    weight: 1,
    options: [
      'Production-like data and load',
      'Staging with real workflows',
      'Automated tests only',
      'Not tested',
    ],
  },
];

export const QUESTION_BY_ID = new Map(QUESTIONS.map((q) => [q.id, q]));

/** The highest possible score: every question at its riskiest answer. */
export const MAX_SCORE = QUESTIONS.reduce((sum, q) => sum + q.weight * 3, 0);
