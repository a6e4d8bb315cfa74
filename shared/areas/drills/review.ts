import { formatDrillTime } from './clock';
import type { DrillRun } from './run-schema';
import {
  type DrillLogEntry,
  type DrillTimes,
  drillTimes,
  type ExpectedResult,
  type ObjectiveRating,
  type Rating,
  rateObjectives,
  scoreExpected,
} from './scoring';

// What the scoring screen, the replay and the after-action report all read about a finished run,
// computed once from its log: the three times, each expected action's outcome, each objective's
// suggested and given rating, and the run's events in time order. Pure, so the report and the
// screen can never disagree.

export interface ObjectiveReview extends ObjectiveRating {
  text: string;
  capability: string;
  /** The facilitator's rating and note, if given (else the suggestion stands in `rating`). */
  given: Rating | null;
  note: string;
}

export interface RunReview {
  times: DrillTimes;
  expected: ExpectedResult[];
  objectives: ObjectiveReview[];
  /** How many expected actions were met, late, missed, not reached. */
  counts: Record<ExpectedResult['outcome'], number>;
}

export function reviewRun(run: DrillRun): RunReview {
  const fired = new Set(run.fired.map((f) => f.injectId));
  const expected = scoreExpected(run.scenario, run.log, fired);
  const given: Record<string, Rating> = {};
  for (const s of run.scores) given[s.objectiveId] = s.rating;
  const objectives = rateObjectives(run.scenario, expected, given).map((r, k): ObjectiveReview => {
    const o = run.scenario.objectives[k]!;
    const score = run.scores.find((s) => s.objectiveId === o.id);
    return {
      ...r,
      text: o.text,
      capability: o.capability,
      given: score?.rating ?? null,
      note: score?.note ?? '',
    };
  });
  const counts = { met: 0, late: 0, missed: 0, 'not-reached': 0 };
  for (const e of expected) counts[e.outcome]++;
  return { times: drillTimes(run.log), expected, objectives, counts };
}

/** One thing on the run's timeline: an inject reaching the room, or a log entry. */
export interface TimelineEvent {
  key: string;
  drillMs: number;
  wallMs: number;
  kind: 'inject' | DrillLogEntry['kind'];
  /** The line shown: the inject's title, or what was logged. */
  title: string;
  /** Who: the inject's recipients, or who logged it. */
  who: string;
  /** A decision's choice, or how an inject fired. */
  tag: string;
}

/** Every fired inject and log entry, in drill-time order (injects first on a tie: they prompt). */
export function runTimeline(run: DrillRun): TimelineEvent[] {
  const injects: TimelineEvent[] = run.fired.map((f, k) => {
    const scripted = run.scenario.injects.find((i) => i.id === f.injectId);
    const card = run.cards.find((c) => c.id === f.injectId);
    const title = scripted?.title ?? card?.title ?? f.injectId;
    const recipients = scripted?.recipients ?? card?.recipients ?? [];
    return {
      key: `f${k}`,
      drillMs: f.drillMs,
      wallMs: f.wallMs,
      kind: 'inject',
      title,
      who: recipients.join(', '),
      tag: f.how,
    };
  });
  const entries: TimelineEvent[] = run.log.map((e) => {
    const action = run.scenario.injects.flatMap((i) => i.expected).find((a) => a.id === e.expectedId);
    const title = e.text || action?.text || e.kind;
    return {
      key: `l${e.id}`,
      drillMs: e.drillMs,
      wallMs: e.wallMs,
      kind: e.kind,
      title,
      who: e.who,
      tag: e.decision,
    };
  });
  return [...injects, ...entries].sort(
    (a, b) => a.drillMs - b.drillMs || Number(b.kind === 'inject') - Number(a.kind === 'inject'),
  );
}

/** The run's length on its own clock: to its last event (a drill often ends before its script). */
export function runLengthMs(run: DrillRun): number {
  return Math.max(1000, ...run.fired.map((f) => f.drillMs), ...run.log.map((e) => e.drillMs));
}

/** "T+12:30" or "not reached", for a time that may never have happened. */
export const timeOrNever = (ms: number | null, never = 'never'): string =>
  ms === null ? never : formatDrillTime(ms);
