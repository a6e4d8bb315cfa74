import type { Call, Poll } from '../../../shared/areas/scorecard/schema';
import { verdictFor } from '../../../shared/areas/scorecard/verdict';
import { ACTION_LABEL, COMPARATOR_LABEL } from '../../../shared/areas/success/format';
import type { Status } from '../../../shared/areas/types';
import type { GateStatus, GateVerdict } from '../../../shared/areas/waves/gates';
import { currentWave, holdEndsAt, STATE_LABEL } from '../../../shared/areas/waves/moves';
import type { Wave, WaveState } from '../../../shared/areas/waves/schema';
import { clockTime, formatWindow, withUnit } from '../../../shared/domain/format';
import type { Workbook } from '../../../shared/schema/workbook';

// What the projector draws, as a small plain object: computed from the workbook and the clock
// by the pure rules (verdictFor), so the board says exactly what every other window says. It is
// also what the board keeps in local storage, so a reload (or a host that went away) still has
// a board to show: a few kilobytes, never the workbook itself.

export const MODEL_VERSION = 1;

export interface BoardWave {
  id: string;
  name: string;
  /** 1-based position among the workbook's waves, for the number keys. */
  index: number;
  audiencePercent: number;
  /** Region, team and tenant, as one line. */
  segment: string;
  state: WaveState;
  stateLabel: string;
  holdHours: number;
  /** Epoch ms when the minimum hold ends, or null before the wave went live. */
  holdEndsAt: number | null;
}

export interface BoardCheck {
  id: string;
  label: string;
  status: Status;
  summary: string;
}

export interface BoardGate {
  id: string;
  metric: string;
  status: GateStatus;
  breached: boolean;
  stale: boolean;
  /** The newest reading, its value already with its unit. */
  latest: { value: string; at: string } | null;
  /** "> 2% for 15 min": the stop condition the gate checks. */
  limit: string;
}

export interface BoardBreach {
  id: string;
  waveId: string;
  stopConditionId: string;
  metric: string;
  /** "Roll back", "Pause", "Escalate". */
  action: string;
  /** Who may make the call the stop condition asks for. */
  callers: string[];
  /** The wave it is breached in, when that is not the wave on the board. */
  elsewhere: string | null;
  /** "All 4 readings in the last 15 min are > 2%; latest 3.9% at 14:02:11." */
  facts: string;
}

export interface BoardPosition {
  id: string;
  label: string;
  person: string;
  answer: { call: Call; reason: string; at: string; by: string } | null;
}

export interface BoardPoll {
  id: string;
  startedAt: string;
  startedBy: string;
  positions: BoardPosition[];
  /** Whose turn it is (positions answer in order), or null when all have answered. */
  nextId: string | null;
  outcome: {
    kind: 'call' | 'cancelled';
    call: Call | null;
    reason: string;
    at: string;
    by: string;
    role: string;
  } | null;
}

export interface BoardModel {
  version: typeof MODEL_VERSION;
  workbookName: string;
  revision: number;
  updatedAt: string;
  /** When this model was computed (epoch ms): a cached board says how old it is. */
  computedAt: number;
  /** True while the board follows the room's current wave (not one picked with a number key). */
  following: boolean;
  waveCount: number;
  wave: BoardWave | null;
  call: Call | null;
  breaches: BoardBreach[];
  /** The verdict's other reasons, as the rules word them. */
  reasons: string[];
  checks: BoardCheck[];
  gates: BoardGate[];
  /** The wave's newest poll: running, or how the last one ended. */
  poll: BoardPoll | null;
}

/** The board for `wb` at `now`: the wave picked by id, else the room's current wave. */
export function boardModel(wb: Workbook, pickedWaveId: string | null, now: number): BoardModel {
  const picked = pickedWaveId ? wb.waves.waves.find((w) => w.id === pickedWaveId) : undefined;
  const wave = picked ?? currentWave(wb);
  const base = {
    version: MODEL_VERSION,
    workbookName: wb.name,
    revision: wb.revision,
    updatedAt: wb.updatedAt,
    computedAt: now,
    following: !picked,
    waveCount: wb.waves.waves.length,
  } as const;
  if (!wave) {
    return { ...base, wave: null, call: null, breaches: [], reasons: [], checks: [], gates: [], poll: null };
  }
  const verdict = verdictFor(wb, wave, now);
  const unitOf = (g: GateVerdict) => wb.waves.metrics.find((m) => m.id === g.metricId)?.unit || g.stop.unit;
  return {
    ...base,
    wave: boardWave(wb, wave),
    call: verdict.call,
    breaches: verdict.breaches.map((g) => breach(wb, wave, g, unitOf(g))),
    // verdictFor lists one reason per breach first; those are drawn as breach call-outs instead.
    reasons: verdict.reasons.slice(verdict.breaches.length),
    checks: verdict.items.map((i) => ({
      id: i.item.id,
      label: i.item.label,
      status: i.status,
      summary: i.summary,
    })),
    gates: verdict.gates.map((g) => ({
      id: g.stopConditionId,
      metric: g.metricName,
      status: g.status,
      breached: g.breached,
      stale: g.stale,
      latest: g.latest ? { value: withUnit(g.latest.value, unitOf(g)), at: g.latest.at } : null,
      limit: `${COMPARATOR_LABEL[g.stop.comparator]} ${withUnit(g.stop.threshold, unitOf(g))} for ${formatWindow(g.stop.windowMinutes)}`,
    })),
    poll: boardPoll(wb.scorecard.polls.filter((p) => p.waveId === wave.id).at(-1)),
  };
}

function boardWave(wb: Workbook, wave: Wave): BoardWave {
  const { region, team, tenant } = wave.segment;
  return {
    id: wave.id,
    name: wave.name,
    index: wb.waves.waves.indexOf(wave) + 1,
    audiencePercent: wave.audiencePercent,
    segment: [region, team, tenant].filter((s) => s.trim() !== '').join(', '),
    state: wave.state,
    stateLabel: STATE_LABEL[wave.state],
    holdHours: wave.holdHours,
    holdEndsAt: holdEndsAt(wave),
  };
}

function breach(wb: Workbook, wave: Wave, g: GateVerdict, unit: string): BoardBreach {
  const latest = g.readings.at(-1);
  const limit = `${COMPARATOR_LABEL[g.stop.comparator]} ${withUnit(g.stop.threshold, unit)}`;
  const all = g.readings.length === 1 ? 'The only reading' : `All ${g.readings.length} readings`;
  const facts =
    `${all} in the last ${formatWindow(g.stop.windowMinutes)} ${g.readings.length === 1 ? 'is' : 'are'} ${limit}` +
    (latest ? `; latest ${withUnit(latest.value, unit)} at ${clockTime(latest.at)}.` : '.');
  return {
    id: `${g.waveId}/${g.stopConditionId}`,
    waveId: g.waveId,
    stopConditionId: g.stopConditionId,
    metric: g.metricName,
    action: ACTION_LABEL[g.stop.action],
    callers: g.stop.callers,
    elsewhere:
      g.waveId === wave.id ? null : (wb.waves.waves.find((w) => w.id === g.waveId)?.name ?? g.waveId),
    facts,
  };
}

function boardPoll(poll: Poll | undefined): BoardPoll | null {
  if (!poll) return null;
  const positions = poll.positions.map((p) => {
    const a = poll.answers.find((x) => x.positionId === p.id);
    return {
      id: p.id,
      label: p.label,
      person: p.person,
      answer: a ? { call: a.answer, reason: a.reason, at: a.at, by: a.by } : null,
    };
  });
  const { outcome } = poll;
  return {
    id: poll.id,
    startedAt: poll.startedAt,
    startedBy: poll.startedBy,
    positions,
    nextId: outcome ? null : (poll.positions[poll.answers.length]?.id ?? null),
    outcome: outcome
      ? {
          kind: outcome.kind,
          call: outcome.call,
          reason: outcome.reason,
          at: outcome.at,
          by: outcome.by,
          role: outcome.role,
        }
      : null,
  };
}

/** A cheap shape check for a model read back from storage (it may be from an older build). */
export function isBoardModel(value: unknown): value is BoardModel {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<BoardModel>;
  return (
    m.version === MODEL_VERSION &&
    typeof m.revision === 'number' &&
    typeof m.computedAt === 'number' &&
    Array.isArray(m.checks) &&
    Array.isArray(m.gates) &&
    Array.isArray(m.breaches) &&
    Array.isArray(m.reasons)
  );
}
