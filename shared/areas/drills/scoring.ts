import { z } from 'zod';
import { entityId, optionalText, requiredText } from '../../schema/fields';
import { formatDrillTime } from './clock';
import type { Scenario } from './schema';

// Scoring a drill from its log, pure. Times come from the log's drill time (ms from T0), so a
// paused or sped-up drill scores the same as one run in real time. A rating follows HSEEP's
// scale: P performed without challenges, S with some, M with major challenges, U unable to be
// performed. The suggestion comes from the expected actions; the facilitator has the last word.

export const LOG_KINDS = ['detected', 'decision', 'comms', 'action', 'note'] as const;

export const DrillLogEntrySchema = z.strictObject({
  id: entityId,
  kind: z.enum(LOG_KINDS, { error: `Kind must be one of: ${LOG_KINDS.join(', ')}` }),
  /** Drill time, ms from T0. */
  drillMs: z.number().int().min(0),
  /** Wall time, epoch ms. */
  wallMs: z.number().int().min(0),
  who: requiredText('Who', 120),
  text: optionalText('What', 2000),
  /** The expected action this shows (an expected action id), or ''. */
  expectedId: z.union([entityId, z.literal('')]),
  /** For a decision: what was decided. */
  decision: z.enum(['', 'rollback', 'hold', 'continue', 'escalate']),
});
export type DrillLogEntry = z.infer<typeof DrillLogEntrySchema>;

export const RATINGS = ['P', 'S', 'M', 'U'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_TEXT: Record<Rating, string> = {
  P: 'Performed without challenges',
  S: 'Performed with some challenges',
  M: 'Performed with major challenges',
  U: 'Unable to be performed',
};

export interface DrillTimes {
  /** ms from T0 to the first "detected" entry; null if never. */
  toDetect: number | null;
  /** ms from T0 to the first decision to roll back; null if never. */
  toDecideRollback: number | null;
  /** ms from T0 to the first communication sent; null if never. */
  toFirstComms: number | null;
}

function first(
  log: readonly DrillLogEntry[],
  match: (e: DrillLogEntry) => boolean,
): DrillLogEntry | undefined {
  // The log is kept in the order things were typed; the earliest by drill time counts.
  return log.filter(match).sort((a, b) => a.drillMs - b.drillMs)[0];
}

export function drillTimes(log: readonly DrillLogEntry[]): DrillTimes {
  return {
    toDetect: first(log, (e) => e.kind === 'detected')?.drillMs ?? null,
    toDecideRollback: first(log, (e) => e.kind === 'decision' && e.decision === 'rollback')?.drillMs ?? null,
    toFirstComms: first(log, (e) => e.kind === 'comms')?.drillMs ?? null,
  };
}

export type ActionOutcome = 'met' | 'late' | 'missed' | 'not-reached';

export interface ExpectedResult {
  injectId: string;
  actionId: string;
  text: string;
  objectiveId: string;
  byMs: number;
  outcome: ActionOutcome;
  /** The log entry that showed it, if any. */
  entry: DrillLogEntry | null;
  /** One line for the report. */
  evidence: string;
}

/**
 * Each expected action: met if logged by its time, late if logged after, missed if never. An
 * action whose inject never fired (the drill ended first) is "not-reached" and counts for nothing.
 */
export function scoreExpected(
  scenario: Scenario,
  log: readonly DrillLogEntry[],
  firedInjectIds?: ReadonlySet<string>,
): ExpectedResult[] {
  return scenario.injects.flatMap((inject) =>
    inject.expected.map((action): ExpectedResult => {
      const byMs = action.bySec * 1000;
      const entry = first(log, (e) => e.expectedId === action.id) ?? null;
      const reached = firedInjectIds === undefined || firedInjectIds.has(inject.id);
      const outcome: ActionOutcome =
        entry !== null ? (entry.drillMs <= byMs ? 'met' : 'late') : reached ? 'missed' : 'not-reached';
      const due = `"${action.text}" expected by ${formatDrillTime(byMs)}`;
      const evidence =
        entry !== null
          ? `${due}: ${outcome} at ${formatDrillTime(entry.drillMs)} by ${entry.who}`
          : outcome === 'missed'
            ? `${due}: missed (not logged)`
            : `${due}: not reached (its inject did not fire)`;
      return {
        injectId: inject.id,
        actionId: action.id,
        text: action.text,
        objectiveId: action.objectiveId,
        byMs,
        outcome,
        entry,
        evidence,
      };
    }),
  );
}

export interface ObjectiveRating {
  objectiveId: string;
  /** From the expected actions; null when it has none that were reached (rate it by hand). */
  suggested: Rating | null;
  /** The facilitator's rating if given, else the suggestion. */
  rating: Rating | null;
  evidence: string[];
}

/**
 * The suggestion: every reached action met → P; some late, none missed → S; some missed but some
 * done → M; none done → U.
 */
export function suggestRating(outcomes: readonly ActionOutcome[]): Rating | null {
  const reached = outcomes.filter((o) => o !== 'not-reached');
  if (reached.length === 0) return null;
  const missed = reached.filter((o) => o === 'missed').length;
  const late = reached.filter((o) => o === 'late').length;
  if (missed === reached.length) return 'U';
  if (missed > 0) return 'M';
  if (late > 0) return 'S';
  return 'P';
}

export function rateObjectives(
  scenario: Scenario,
  results: readonly ExpectedResult[],
  overrides: Readonly<Record<string, Rating>> = {},
): ObjectiveRating[] {
  return scenario.objectives.map((o) => {
    const mine = results.filter((r) => r.objectiveId === o.id);
    const suggested = suggestRating(mine.map((r) => r.outcome));
    return {
      objectiveId: o.id,
      suggested,
      rating: overrides[o.id] ?? suggested,
      evidence: mine.map((r) => r.evidence),
    };
  });
}
