import { defineArea } from '../types';
import { answerPoll, assessCheck, closePoll, startPoll } from './commands';
import { ScorecardItemSchema, ScorecardSchema } from './schema';

// The go/no-go scorecard, before each wave: the seven checks, their assessments, the polls.

/** The checklist's seven checks, as a new workbook starts with them (your own words may differ). */
export const SEVEN_CHECKS = [
  { id: 'go-success', label: 'Success metrics and stop conditions approved', owner: '', check: 'success' },
  {
    id: 'go-baseline',
    label: 'Baseline configuration and change controls documented',
    owner: '',
    check: 'baseline',
  },
  { id: 'go-pilot', label: 'Pilot feedback addressed and re-tested', owner: '', check: 'pilot' },
  {
    id: 'go-champions',
    label: 'Champions and support teams staffed and scheduled',
    owner: '',
    check: 'champions',
  },
  {
    id: 'go-dashboards',
    label: 'Dashboards and alerts validated under realistic load',
    owner: '',
    check: 'dashboards',
  },
  {
    id: 'go-runbooks',
    label: 'Incident and rollback runbooks tested, not theoretical',
    owner: '',
    check: 'runbooks',
  },
  { id: 'go-comms', label: 'Executive, manager and end-user messages ready', owner: '', check: 'comms' },
] as const;

export const scorecardArea = defineArea({
  id: 'scorecard',
  nav: { label: 'Scorecard', title: 'Go / no-go scorecard' },
  schema: ScorecardSchema,
  empty: () => ({ items: SEVEN_CHECKS.map((c) => ({ ...c })), assessments: [], polls: [] }),
  collections: {
    items: { noun: 'scorecard check', schema: ScorecardItemSchema, label: (i) => i.label },
  },
  commands: [assessCheck, startPoll, answerPoll, closePoll],
});
