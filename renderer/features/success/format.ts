import type { Guardrail, OutcomeMetric, StopCondition } from '../../../shared/areas/success/schema';

// Plain-language renderings of step-1 items: a room full of people reads sentences faster than
// a row of cells, and a sentence makes a wrong comparator obvious.

export const COMPARATOR_LABEL: Record<StopCondition['comparator'], string> = {
  '>': '>',
  '>=': '≥',
  '<': '<',
  '<=': '≤',
};

export const ACTION_LABEL: Record<StopCondition['action'], string> = {
  pause: 'Pause',
  rollback: 'Roll back',
  escalate: 'Escalate',
};

/** "2" + "%" reads as "2%", but "30" + "min" as "30 min". */
export function withUnit(value: number, unit: string): string {
  const u = unit.trim();
  if (!u) return String(value);
  return /^[%‰°]/.test(u) ? `${value}${u}` : `${value} ${u}`;
}

/** 15 → "15 min", 60 → "1 h", 1440 → "24 h", 10080 → "7 days". */
export function formatWindow(minutes: number): string {
  if (minutes >= 2880 && minutes % 1440 === 0) return `${minutes / 1440} days`;
  if (minutes >= 60 && minutes % 60 === 0) return `${minutes / 60} h`;
  return `${minutes} min`;
}

/** The condition alone: "Sales API 5xx rate > 2% for 15 min". */
export function stopCondition(sc: StopCondition): string {
  return `${sc.metric} ${COMPARATOR_LABEL[sc.comparator]} ${withUnit(sc.threshold, sc.unit)} for ${formatWindow(sc.windowMinutes)}`;
}

/** "Roll back if Sales API 5xx rate > 2% for 15 min — called by Incident commander, On-call SRE". */
export function stopSentence(sc: StopCondition): string {
  return `${ACTION_LABEL[sc.action]} if ${stopCondition(sc)} — called by ${sc.callers.join(', ')}`;
}

/** "At least 75% by 2027-02-15". */
export function outcomeTarget(m: OutcomeMetric): string {
  return `${m.direction === 'at-least' ? 'At least' : 'At most'} ${withUnit(m.target, m.unit)}`;
}

/** "≤ 0.5 % of requests". */
export function guardrailLimit(g: Guardrail): string {
  return `${COMPARATOR_LABEL[g.comparator]} ${withUnit(g.limit, g.unit)}`;
}

export function formatDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}
