import type { Draft } from 'immer';
import { draftChange } from '../../domain/area-command';
import { DomainError } from '../../domain/errors';
import type { Workbook } from '../../schema/workbook';
import type { Plan } from '../types';
import type { Incident, TimelineEntry } from './schema';

// What the runbooks commands share: finding things by id with a message that names them, and
// turning a draft recipe into a Plan.

export function incidentIndex(wb: Workbook, id: string): number {
  const i = wb.runbooks.incidents.findIndex((x) => x.id === id);
  if (i < 0) throw new DomainError('not-found', `No incident with id "${id}"`, 'incidentId');
  return i;
}

export function runIndex(wb: Workbook, id: string): number {
  const i = wb.runbooks.runs.findIndex((x) => x.id === id);
  if (i < 0) throw new DomainError('not-found', `No runbook run with id "${id}"`, 'runId');
  return i;
}

export function runbookIndex(wb: Workbook, id: string): number {
  const i = wb.runbooks.runbooks.findIndex((x) => x.id === id);
  if (i < 0) throw new DomainError('not-found', `No runbook with id "${id}"`, 'runbookId');
  return i;
}

export function timerIndex(wb: Workbook, id: string): number {
  const i = wb.runbooks.timers.findIndex((x) => x.id === id);
  if (i < 0) throw new DomainError('not-found', `No timer with id "${id}"`, 'timerId');
  return i;
}

/** A new entry id, unique in its incident (entries are never deleted, only corrected). */
export const nextEntryId = (incident: Pick<Incident, 'timeline'>, offset = 0) =>
  `e-${incident.timeline.length + 1 + offset}`;

export function entry(
  incident: Pick<Incident, 'timeline'>,
  fields: Pick<TimelineEntry, 'at' | 'kind' | 'text' | 'author'> & Partial<TimelineEntry>,
): TimelineEntry {
  return {
    id: nextEntryId(incident),
    milestone: '',
    approximate: false,
    originalAt: null,
    batch: '',
    ...fields,
  };
}

export function plan(
  wb: Workbook,
  touched: string[],
  summary: string,
  recipe: (draft: Draft<Workbook>) => void,
): Plan {
  return { ...draftChange(wb, recipe), touched, area: 'runbooks', summary };
}
