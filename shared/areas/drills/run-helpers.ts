import type { Draft } from 'immer';
import { draftChange } from '../../domain/area-command';
import { DomainError } from '../../domain/errors';
import type { Workbook } from '../../schema/workbook';
import type { Plan } from '../types';
import { ClockError, type DrillClock } from './clock';
import type { DrillRun } from './run-schema';

// What the run commands share: finding a run by id (and refusing one in the wrong state) with a
// message that names it, turning clock rule errors into domain errors, and a Plan from a recipe.

export function runAt(wb: Workbook, id: string): { index: number; run: DrillRun } {
  const index = wb.drills.runs.findIndex((r) => r.id === id);
  if (index < 0) throw new DomainError('not-found', `No drill run with id "${id}"`, 'runId');
  return { index, run: wb.drills.runs[index]! };
}

/** A run whose clock is started and that is not finished: the only kind that can fire or log. */
export function liveRun(wb: Workbook, id: string): { index: number; run: DrillRun; clock: DrillClock } {
  const { index, run } = runAt(wb, id);
  if (run.endedAt !== null)
    throw new DomainError('not-allowed', `The drill "${run.scenario.name}" has finished`, 'runId');
  if (run.clock === null)
    throw new DomainError('not-allowed', `Start the drill "${run.scenario.name}" first`, 'runId');
  return { index, run, clock: run.clock };
}

/** Runs a pure clock rule; its refusal becomes a clear domain error on the named field. */
export function clockRule<T>(field: string, rule: () => T): T {
  try {
    return rule();
  } catch (error) {
    if (error instanceof ClockError) throw new DomainError('not-allowed', error.message, field);
    throw error;
  }
}

export function runPlan(
  wb: Workbook,
  runId: string,
  summary: string,
  recipe: (draft: Draft<Workbook>) => void,
  extraTouched: string[] = [],
): Plan {
  return {
    ...draftChange(wb, recipe),
    touched: [`drills.runs/${runId}`, ...extraTouched],
    area: 'drills',
    summary,
  };
}

/** The title of an inject or card by id, for summaries ("" if neither). */
export function injectTitle(run: DrillRun, id: string): string {
  return (
    run.scenario.injects.find((i) => i.id === id)?.title ?? run.cards.find((c) => c.id === id)?.title ?? ''
  );
}

export const drillIncidentId = (runId: string) => `${runId}-inc`;
