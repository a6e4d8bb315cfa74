import { clockTime, formatDuration } from '../../domain/format';
import type { Workbook } from '../../schema/workbook';
import { type GateVerdict, gatesOf, missingGates } from './gates';
import type { Wave, WaveState } from './schema';

// The life of a wave and the rules for moving it. Pure, so the reducer enforces them, the
// screens explain them before anyone clicks, and the host's promotion rule uses the same words.

export const TRANSITIONS: Record<WaveState, readonly WaveState[]> = {
  planned: ['live'],
  live: ['holding', 'paused', 'promoted', 'rolled-back'],
  holding: ['live', 'paused', 'promoted', 'rolled-back'],
  paused: ['live', 'rolled-back'],
  promoted: [],
  // After a roll back and a fix, a wave can be planned again: its moves keep the story.
  'rolled-back': ['planned'],
};

export const STATE_LABEL: Record<WaveState, string> = {
  planned: 'Planned',
  live: 'Live',
  holding: 'Holding',
  promoted: 'Promoted',
  'rolled-back': 'Rolled back',
  paused: 'Paused',
};

/** The verb for a move, as a button says it. */
export const MOVE_LABEL: Record<WaveState, string> = {
  planned: 'Plan again',
  live: 'Go live',
  holding: 'Hold',
  promoted: 'Promote',
  'rolled-back': 'Roll back',
  paused: 'Pause',
};

const ACTIVE: readonly WaveState[] = ['live', 'holding', 'paused'];
export const isActive = (wave: Wave) => ACTIVE.includes(wave.state);

/** When the wave's minimum hold ends (it counts from going live), or null before it started. */
export function holdEndsAt(wave: Wave): number | null {
  return wave.startedAt ? Date.parse(wave.startedAt) + wave.holdHours * 3_600_000 : null;
}

/**
 * What stands in the way of moving `wave` to `to` now: empty when the move is allowed outright.
 * Throws nothing; a move that is not a transition at all is reported as the only blocker.
 */
export function blockersFor(wb: Workbook, wave: Wave, to: WaveState, now: number): string[] {
  if (!TRANSITIONS[wave.state].includes(to)) {
    const can = TRANSITIONS[wave.state].map((s) => STATE_LABEL[s].toLowerCase());
    return [
      `A ${STATE_LABEL[wave.state].toLowerCase()} wave cannot become ${STATE_LABEL[to].toLowerCase()}` +
        (can.length ? `; it can become ${can.join(' or ')}.` : '; it is finished.'),
    ];
  }
  if (to === 'live' && wave.state === 'planned') {
    const index = wb.waves.waves.findIndex((w) => w.id === wave.id);
    return wb.waves.waves
      .slice(0, index)
      .filter((w) => w.state !== 'promoted')
      .map((w) => `${w.name} comes first and is ${STATE_LABEL[w.state].toLowerCase()}, not promoted.`);
  }
  if (to !== 'promoted') return [];
  const blockers: string[] = [];
  const ends = holdEndsAt(wave);
  if (ends !== null && now < ends) {
    blockers.push(
      `The ${wave.holdHours} h hold ends at ${clockTime(new Date(ends).toISOString())} ` +
        `(in ${formatDuration(ends - now)}).`,
    );
  }
  for (const gate of gatesOf(wb, wave, now)) {
    if (gate.status !== 'continue') blockers.push(`Gate ${gate.metricName}: ${gate.reason}`);
  }
  for (const id of missingGates(wb, wave))
    blockers.push(`Gate ${id} names a stop condition that no longer exists.`);
  return blockers;
}

export type WaveAction = 'promote' | 'hold' | 'roll back' | 'escalate' | 'not started' | 'finished';

export interface WaveDecision {
  action: WaveAction;
  /** Every fact behind it, one a line. */
  reasons: string[];
  gates: GateVerdict[];
  holdEndsAt: number | null;
}

/**
 * The objective verdict for a wave: promote / hold / roll back (or escalate), with why. A breach
 * decides first (the most severe action wins), then anything that holds: an inconclusive or
 * stale gate, a breach calling for a pause, the hold not over.
 */
export function decideWave(wb: Workbook, wave: Wave, now: number): WaveDecision {
  const gates = gatesOf(wb, wave, now);
  const ends = holdEndsAt(wave);
  if (wave.state === 'planned')
    return { action: 'not started', reasons: ['Not live yet.'], gates, holdEndsAt: ends };
  if (!isActive(wave)) {
    return { action: 'finished', reasons: [`${STATE_LABEL[wave.state]}.`], gates, holdEndsAt: ends };
  }
  const rollback = gates.filter((g) => g.status === 'rollback');
  if (rollback.length > 0)
    return { action: 'roll back', reasons: rollback.map((g) => g.reason), gates, holdEndsAt: ends };
  const escalate = gates.filter((g) => g.status === 'escalate');
  if (escalate.length > 0)
    return { action: 'escalate', reasons: escalate.map((g) => g.reason), gates, holdEndsAt: ends };
  const holding = gates.filter((g) => g.status !== 'continue').map((g) => g.reason);
  for (const id of missingGates(wb, wave))
    holding.push(`Gate ${id} names a stop condition that no longer exists.`);
  if (gates.length === 0)
    holding.push('No stop condition gates this wave, so nothing objective says it is safe.');
  if (ends !== null && now < ends) {
    holding.push(`The ${wave.holdHours} h hold ends in ${formatDuration(ends - now)}.`);
  }
  if (wave.state === 'paused') holding.unshift('The wave is paused.');
  if (holding.length > 0) return { action: 'hold', reasons: holding, gates, holdEndsAt: ends };
  return {
    action: 'promote',
    reasons: [
      `The ${wave.holdHours} h hold is over and ${gates.length === 1 ? 'its gate passes' : `all ${gates.length} gates pass`}.`,
      ...gates.map((g) => g.reason),
    ],
    gates,
    holdEndsAt: ends,
  };
}

/** The wave the room is working on: the first active one, else the first planned one. */
export function currentWave(wb: Workbook): Wave | null {
  return (
    wb.waves.waves.find(isActive) ??
    wb.waves.waves.find((w) => w.state === 'planned') ??
    wb.waves.waves.at(-1) ??
    null
  );
}
