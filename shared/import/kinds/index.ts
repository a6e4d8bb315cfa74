import type { ImportKind } from '../types';
import { deploymentsKind } from './deployments';
import { feedbackKind } from './feedback';
import { incidentsKind } from './incidents';
import { peopleKind } from './people';
import { readingsKind } from './readings';
import { timelineKind } from './timeline';
import { usageKind } from './usage';

// Every import kind the one CSV flow serves, by id. A new kind is a file beside readings.ts and
// one line here; the parsing worker and the dialog find it by its id.

export const IMPORT_KINDS = {
  readings: readingsKind,
  deployments: deploymentsKind,
  incidents: incidentsKind,
  feedback: feedbackKind,
  usage: usageKind,
  people: peopleKind,
  timeline: timelineKind,
} as const;

export type ImportKindId = keyof typeof IMPORT_KINDS;

export function importKind(id: ImportKindId): ImportKind {
  return IMPORT_KINDS[id] as unknown as ImportKind;
}
