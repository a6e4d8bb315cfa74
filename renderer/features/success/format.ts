import { COMPARATOR_LABEL } from '../../../shared/areas/success/format';
import type { Guardrail, OutcomeMetric } from '../../../shared/areas/success/schema';
import { withUnit } from '../../../shared/domain/format';

export {
  ACTION_LABEL,
  COMPARATOR_LABEL,
  stopCondition,
  stopSentence,
} from '../../../shared/areas/success/format';

// Plain-language renderings of step-1 items: a room full of people reads sentences faster than
// a row of cells, and a sentence makes a wrong comparator obvious.

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
