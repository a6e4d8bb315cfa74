import { formatWindow, withUnit } from '../../domain/format';
import type { StopCondition } from './schema';

// Plain-language renderings of stop conditions, shared by the Success screen, the wave gates and
// the projector: a room reads sentences faster than cells, and a sentence makes a wrong
// comparator obvious.

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

/** True when `value` trips the stop condition's comparator against its threshold. */
export function trips(sc: Pick<StopCondition, 'comparator' | 'threshold'>, value: number): boolean {
  switch (sc.comparator) {
    case '>':
      return value > sc.threshold;
    case '>=':
      return value >= sc.threshold;
    case '<':
      return value < sc.threshold;
    case '<=':
      return value <= sc.threshold;
  }
}

/** The condition alone: "Sales API 5xx rate > 2% for 15 min". */
export function stopCondition(sc: StopCondition): string {
  return `${sc.metric} ${COMPARATOR_LABEL[sc.comparator]} ${withUnit(sc.threshold, sc.unit)} for ${formatWindow(sc.windowMinutes)}`;
}

/** "Roll back if Sales API 5xx rate > 2% for 15 min — called by Incident commander, On-call SRE". */
export function stopSentence(sc: StopCondition): string {
  return `${ACTION_LABEL[sc.action]} if ${stopCondition(sc)} — called by ${sc.callers.join(', ')}`;
}
