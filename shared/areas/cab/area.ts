import { defineArea } from '../types';
import { answerQuestion, setQuorum, updateChange } from './commands';
import { decide, importDecisions, submitForReview } from './review-commands';
import { CabSchema, CalendarWindowSchema, emptyCab, PlannedChangeSchema } from './schema';

// The change-advisory-board record: the change, its risk, the calendar it must fit, and the
// board's decisions, each tied to the exact version of the plan it was made on.

export const cabArea = defineArea({
  id: 'cab',
  nav: { label: 'CAB', title: 'Change advisory board' },
  schema: CabSchema,
  empty: emptyCab,
  collections: {
    windows: {
      noun: 'calendar window',
      schema: CalendarWindowSchema,
      label: (w) => `${w.kind === 'blackout' ? 'Blackout' : 'Maintenance'}: ${w.label}`,
    },
    planned: {
      noun: 'planned change',
      schema: PlannedChangeSchema,
      label: (p) => (p.ref ? `${p.title} (${p.ref})` : p.title),
    },
  },
  commands: [updateChange, answerQuestion, setQuorum, decide, submitForReview, importDecisions],
});
