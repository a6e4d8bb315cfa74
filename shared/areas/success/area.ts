import { defineArea } from '../types';
import { approveSuccess, successEvidence } from './commands';
import {
  BaselineItemSchema,
  GuardrailSchema,
  NoGoAuthoritySchema,
  OutcomeMetricSchema,
  StopConditionSchema,
  SuccessSchema,
} from './schema';

// Checklist step 1: what success means, what risk is unacceptable, and who can call a no-go.

export const successArea = defineArea({
  id: 'success',
  nav: { label: 'Success', title: 'Success & stop conditions', step: 1 },
  schema: SuccessSchema,
  empty: () => ({
    outcomes: [],
    guardrails: [],
    baseline: [],
    stopConditions: [],
    noGoAuthorities: [],
    approval: null,
  }),
  collections: {
    outcomes: { noun: 'outcome metric', schema: OutcomeMetricSchema, label: (m) => m.name },
    guardrails: { noun: 'guardrail', schema: GuardrailSchema, label: (g) => g.name },
    baseline: { noun: 'baseline item', schema: BaselineItemSchema, label: (b) => b.area },
    stopConditions: { noun: 'stop condition', schema: StopConditionSchema, label: (s) => s.metric },
    noGoAuthorities: { noun: 'no-go authority', schema: NoGoAuthoritySchema, label: (n) => n.name },
  },
  commands: [approveSuccess],
  evidence: successEvidence,
});
