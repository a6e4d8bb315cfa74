import { drillTimeMs } from './clock';
import type { DrillRun } from './run-schema';
import type { Inject } from './schema';

// What each screen of a running drill may show, pure. The participants' screen gets ONLY what
// participants should see: the injects that have fired (title, detail, recipients), the clock and
// the current question. It is built by picking those fields, never by hiding the rest, so an
// expected action or an upcoming inject cannot reach that screen by a forgotten filter.

export interface FiredView {
  id: string;
  title: string;
  detail: string;
  recipients: string[];
  drillMs: number;
  wallMs: number;
  how: DrillRun['fired'][number]['how'];
}

export interface ParticipantView {
  runId: string;
  scenarioName: string;
  /** Drill time now, ms from T0 (frozen while paused), or null before the start. */
  drillMs: number | null;
  paused: boolean;
  ended: boolean;
  speed: number;
  question: string;
  /** Newest first. */
  fired: FiredView[];
}

/** The fired injects and played cards, newest first, with only what recipients are told. */
export function firedViews(run: DrillRun): FiredView[] {
  return run.fired
    .map((f): FiredView => {
      const source =
        run.scenario.injects.find((i) => i.id === f.injectId) ?? run.cards.find((c) => c.id === f.injectId);
      return {
        id: f.injectId,
        title: source?.title ?? f.injectId,
        detail: source?.detail ?? '',
        recipients: source ? [...source.recipients] : [],
        drillMs: f.drillMs,
        wallMs: f.wallMs,
        how: f.how,
      };
    })
    .reverse();
}

export function participantView(run: DrillRun, now: number): ParticipantView {
  return {
    runId: run.id,
    scenarioName: run.scenario.name,
    drillMs: run.clock ? drillTimeMs(run.clock, run.endedAt ?? now) : null,
    paused: run.clock?.pausedAt != null,
    ended: run.endedAt !== null,
    speed: run.clock?.speed ?? 1,
    question: run.questionIndex >= 0 ? (run.scenario.questions[run.questionIndex] ?? '') : '',
    fired: firedViews(run),
  };
}

/** Scheduled injects not yet fired, in the order they will come. */
export function upcoming(run: DrillRun): Inject[] {
  const done = new Set(run.fired.map((f) => f.injectId));
  return run.scenario.injects.filter((i) => !done.has(i.id)).sort((a, b) => a.offsetSec - b.offsetSec);
}

/**
 * The drill a shared screen shows: the one asked for (the facilitator's link names it, so the
 * room keeps seeing it once finished), else the one running; a past drill is never shown unasked.
 */
export function currentRun(runs: readonly DrillRun[], wanted = ''): DrillRun | null {
  if (wanted) return runs.find((r) => r.id === wanted) ?? null;
  return runs.find((r) => r.clock !== null && r.endedAt === null) ?? null;
}
