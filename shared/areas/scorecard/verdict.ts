import type { Workbook } from '../../schema/workbook';
// The registry is read inside functions only: areas/index.ts imports this area, which imports
// this file, so the list is not there yet while modules load.
import { AREAS } from '../index';
import type { CheckKey, Evidence, Status } from '../types';
import { type GateVerdict, gatesOf } from '../waves/gates';
import { isActive } from '../waves/moves';
import type { Wave } from '../waves/schema';
import type { Assessment, Call, ScorecardItem } from './schema';

// The go/no-go verdict for a wave, with what triggered it. The checklist's rules:
// - any breached stop condition (in this wave or any wave still live) is NO-GO;
// - two or more of the seven checks not green is NO-GO;
// - a gate of this live wave that is inconclusive or stale holds: HOLD, never GO;
// - otherwise GO (with one check not green, GO says which).

export interface ItemStatus {
  item: ScorecardItem;
  status: Status;
  /** True when the status follows the evidence an area reports. */
  follows: boolean;
  /** What the areas report for this check, if any area speaks to it. */
  evidence: Evidence | null;
  /** The assessment in effect, if any (possibly from an earlier wave). */
  assessment: Assessment | null;
  inherited: boolean;
  /** Set by hand to a status the evidence does not support. */
  disagrees: boolean;
  /** One sentence: why it has this status. */
  summary: string;
}

export interface Verdict {
  waveId: string;
  call: Call;
  /** Each rule that decided the call, as a sentence. */
  reasons: string[];
  items: ItemStatus[];
  notGreen: ItemStatus[];
  /** Gates of this wave (when live). */
  gates: GateVerdict[];
  /** Breached gates in this wave or any live wave. */
  breaches: GateVerdict[];
  /** Gates of this wave that hold (inconclusive or stale). */
  holds: GateVerdict[];
}

const WORSE: Record<Status, number> = { green: 0, amber: 1, red: 2 };

/** What every area reports for a wave, one entry a check (the worst report wins). */
export function collectEvidence(wb: Workbook, waveId: string, now: number): Map<CheckKey, Evidence> {
  const out = new Map<CheckKey, Evidence>();
  for (const area of AREAS) {
    for (const e of area.evidence?.(wb, { waveId, now }) ?? []) {
      const seen = out.get(e.check);
      if (!seen || WORSE[e.status] > WORSE[seen.status]) out.set(e.check, e);
    }
  }
  return out;
}

/** The assessment in effect for an item at a wave: its newest for this wave or an earlier one. */
export function assessmentFor(
  wb: Workbook,
  itemId: string,
  waveId: string,
): { assessment: Assessment | null; inherited: boolean } {
  const order = wb.waves.waves.map((w) => w.id);
  const upTo = order.indexOf(waveId);
  let best: Assessment | null = null;
  let bestRank = -1;
  for (const a of wb.scorecard.assessments) {
    if (a.itemId !== itemId) continue;
    const rank = order.indexOf(a.waveId);
    if (rank < 0 || rank > upTo) continue;
    // Later waves win; within a wave, the later assessment (they are kept in time order).
    if (rank >= bestRank) {
      best = a;
      bestRank = rank;
    }
  }
  return { assessment: best, inherited: best !== null && best.waveId !== waveId };
}

export function itemStatuses(wb: Workbook, waveId: string, now: number): ItemStatus[] {
  const evidence = collectEvidence(wb, waveId, now);
  return wb.scorecard.items.map((item) => {
    const e = item.check ? (evidence.get(item.check) ?? null) : null;
    const { assessment, inherited } = assessmentFor(wb, item.id, waveId);
    const follows = assessment ? assessment.status === null : e !== null;
    if (follows && e) {
      return {
        item,
        status: e.status,
        follows,
        evidence: e,
        assessment,
        inherited,
        disagrees: false,
        summary: e.summary,
      };
    }
    if (assessment?.status) {
      const disagrees = e !== null && e.status !== assessment.status;
      const summary = `Set to ${assessment.status} by ${assessment.by} (${assessment.role}): ${assessment.reason}`;
      return {
        item,
        status: assessment.status,
        follows: false,
        evidence: e,
        assessment,
        inherited,
        disagrees,
        summary,
      };
    }
    // Following evidence that no area reports (yet), or never assessed: not green.
    const summary = follows
      ? 'Set to follow the evidence, but no area reports on this check yet.'
      : 'Not assessed for this wave yet.';
    return { item, status: 'amber', follows, evidence: e, assessment, inherited, disagrees: false, summary };
  });
}

export function verdictFor(wb: Workbook, wave: Wave, now: number): Verdict {
  const items = itemStatuses(wb, wave.id, now);
  const notGreen = items.filter((i) => i.status !== 'green');
  const live = wb.waves.waves.filter((w) => isActive(w) || w.id === wave.id);
  const gates = isActive(wave) ? gatesOf(wb, wave, now) : [];
  const breaches = live
    .flatMap((w) => (w.id === wave.id ? gates : gatesOf(wb, w, now)))
    .filter((g) => g.breached);
  const holds = gates.filter((g) => g.status === 'inconclusive');
  const reasons: string[] = [];
  for (const g of breaches) {
    const where = g.waveId === wave.id ? '' : ` (in ${wb.waves.waves.find((w) => w.id === g.waveId)?.name})`;
    reasons.push(`NO-GO: stop condition breached${where}. ${g.reason}`);
  }
  const list = (xs: ItemStatus[]) => xs.map((i) => `${i.item.label} (${i.status})`).join('; ');
  if (notGreen.length >= 2)
    reasons.push(`NO-GO: ${notGreen.length} checks are not green: ${list(notGreen)}.`);
  let call: Call;
  if (reasons.length > 0) call = 'NO-GO';
  else if (holds.length > 0) {
    call = 'HOLD';
    for (const g of holds) reasons.push(`HOLD: ${g.reason}`);
  } else {
    call = 'GO';
    reasons.push(
      notGreen.length === 1
        ? `GO, with one check not green: ${list(notGreen)}.`
        : `GO: all ${items.length} checks are green and no stop condition is breached.`,
    );
  }
  return { waveId: wave.id, call, reasons, items, notGreen, gates, breaches, holds };
}
