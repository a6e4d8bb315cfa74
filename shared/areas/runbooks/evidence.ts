import { areaEvidence } from '../../domain/area-command';
import { reviewRun } from '../drills/review';
import type { DrillRun } from '../drills/run-schema';
import { RATINGS, type Rating } from '../drills/scoring';
import type { Evidence } from '../types';
import type { Run } from './schema';

// "Incident and rollback runbooks are tested, not theoretical": the evidence is each runbook's
// last finished rehearsal, its date and result, and the tabletop drills it was used in (a
// runbook run on a drill's incident), when and how the drill was rated. Green when every
// runbook was tested (a passed rehearsal, or a drill rated P, S or M) within the last 90 days;
// amber when one is older or was never tested; red when one's last test failed (a failed
// rehearsal, or a drill rated U: the room could not do it), or there are no runbooks at all.

const FRESH_MS = 90 * 86_400_000;

export function lastRehearsal(runs: readonly Run[], runbookId: string): Run | null {
  let last: Run | null = null;
  for (const r of runs) {
    if (r.runbookId !== runbookId || r.mode !== 'rehearsal' || !r.endedAt || r.result === 'abandoned')
      continue;
    if (!last || Date.parse(r.endedAt) > Date.parse(last.endedAt!)) last = r;
  }
  return last;
}

/** A runbook used in a finished drill: when the drill ended and its worst objective rating. */
export interface DrillExercise {
  runbookId: string;
  drillRunId: string;
  scenario: string;
  endedAt: number;
  /** The worst of the objectives' ratings (the facilitator's, else the suggestion); null if none. */
  rating: Rating | null;
}

function worstRating(run: DrillRun): Rating | null {
  const ratings = reviewRun(run).objectives.flatMap((o) => (o.rating ? [o.rating] : []));
  if (ratings.length === 0) return null;
  return RATINGS[Math.max(...ratings.map((r) => RATINGS.indexOf(r)))]!;
}

/** Every runbook use in a finished drill, newest first. */
export function drillExercises(drillRuns: readonly DrillRun[], runs: readonly Run[]): DrillExercise[] {
  const out: DrillExercise[] = [];
  for (const drill of drillRuns) {
    if (drill.endedAt === null || drill.incidentId === '') continue;
    const used = new Set(runs.filter((r) => r.incidentId === drill.incidentId).map((r) => r.runbookId));
    const rating = used.size > 0 ? worstRating(drill) : null;
    for (const runbookId of used) {
      out.push({
        runbookId,
        drillRunId: drill.id,
        scenario: drill.scenario.name,
        endedAt: drill.endedAt,
        rating,
      });
    }
  }
  return out.sort((a, b) => b.endedAt - a.endedAt);
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const runbooksEvidence = areaEvidence((wb, ctx) => {
  const { runbooks, runs } = wb.runbooks;
  const report = (status: Evidence['status'], summary: string, details: string[]): Evidence[] => [
    { check: 'runbooks', status, summary, details, from: 'runbooks' },
  ];
  if (runbooks.length === 0) return report('red', 'No runbooks written yet.', []);
  const exercises = drillExercises(wb.drills.runs, runs);
  const rows = runbooks.map((b) => {
    const last = lastRehearsal(runs, b.id);
    const drill = exercises.find((x) => x.runbookId === b.id) ?? null;
    const rehearsedAt = last ? Date.parse(last.endedAt!) : -1;
    // The newer of the two tests decides: a later good drill outweighs an older failed rehearsal.
    const drillIsLast = drill !== null && drill.endedAt > rehearsedAt;
    const testedAt = drillIsLast ? drill.endedAt : last ? rehearsedAt : null;
    const failed = drillIsLast ? drill.rating === 'U' : last?.result === 'failed';
    return { b, last, drill, testedAt, failed };
  });
  const details = rows.map(({ b, last, drill }) => {
    const parts = [last ? `rehearsed ${last.endedAt!.slice(0, 10)}, ${last.result}` : 'never rehearsed'];
    if (drill) {
      const rated = drill.rating ? `rated ${drill.rating}` : 'not rated';
      parts.push(`exercised in the drill "${drill.scenario}" ${day(drill.endedAt)}, ${rated}`);
    }
    return `${b.name}: ${parts.join('; ')}`;
  });
  const failed = rows.filter((r) => r.failed);
  if (failed.length > 0) {
    return report('red', `Last test failed: ${failed.map(({ b }) => b.name).join(', ')}.`, details);
  }
  const stale = rows.filter(({ testedAt }) => testedAt === null || ctx.now - testedAt > FRESH_MS);
  if (stale.length > 0) {
    return report(
      'amber',
      `${stale.length} of ${runbooks.length} runbooks not tested in the last 90 days: ${stale.map(({ b }) => b.name).join(', ')}.`,
      details,
    );
  }
  const drilled = rows.filter((r) => r.drill !== null).length;
  const via = drilled > 0 ? ` (${drilled} of them in a drill)` : '';
  return report('green', `All ${runbooks.length} runbooks tested in the last 90 days${via}.`, details);
});
