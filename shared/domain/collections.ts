import type { z } from 'zod';
import { StakeholderGroupSchema, WaveSchema } from '../schema/sections';
import {
  BaselineItemSchema,
  GuardrailSchema,
  NoGoAuthoritySchema,
  OutcomeMetricSchema,
  StopConditionSchema,
} from '../schema/success';
import type { Workbook } from '../schema/workbook';

// Every editable list in the workbook is a "collection": one generic add/update/remove/move
// command family serves them all, so a new section needs a registry entry, not new commands.

interface CollectionDef {
  /** What one item is called in messages ("stop condition"). */
  noun: string;
  schema: z.ZodType<{ id: string }>;
  /** Returns the array to read or (inside an immer draft) to mutate. */
  list(wb: Workbook): { id: string }[];
}

export const COLLECTIONS = {
  'success.outcomes': {
    noun: 'outcome metric',
    schema: OutcomeMetricSchema,
    list: (wb) => wb.success.outcomes,
  },
  'success.guardrails': { noun: 'guardrail', schema: GuardrailSchema, list: (wb) => wb.success.guardrails },
  'success.baseline': {
    noun: 'baseline item',
    schema: BaselineItemSchema,
    list: (wb) => wb.success.baseline,
  },
  'success.stopConditions': {
    noun: 'stop condition',
    schema: StopConditionSchema,
    list: (wb) => wb.success.stopConditions,
  },
  'success.noGoAuthorities': {
    noun: 'no-go authority',
    schema: NoGoAuthoritySchema,
    list: (wb) => wb.success.noGoAuthorities,
  },
  'architecture.waves': { noun: 'wave', schema: WaveSchema, list: (wb) => wb.architecture.waves },
  'stakeholders.groups': {
    noun: 'stakeholder group',
    schema: StakeholderGroupSchema,
    list: (wb) => wb.stakeholders.groups,
  },
} as const satisfies Record<string, CollectionDef>;

export type CollectionKey = keyof typeof COLLECTIONS;
export const COLLECTION_KEYS = Object.keys(COLLECTIONS) as [CollectionKey, ...CollectionKey[]];
export type CollectionItem<K extends CollectionKey> = z.infer<(typeof COLLECTIONS)[K]['schema']>;
