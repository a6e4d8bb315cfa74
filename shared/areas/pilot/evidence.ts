import { areaEvidence } from '../../domain/area-command';
import type { Evidence } from '../types';
import { kpiVerdict } from './kpis';
import { representativeness } from './representativeness';
import type { Feedback } from './schema';

// What the pilot tells the scorecard: "pilot feedback has been addressed and re-tested" is green
// only when every feedback item is fixed and re-tested; it names what is still open, and what is
// fixed but not yet re-tested. A pilot with no feedback at all has proved nothing yet. Failing
// KPIs and an unrepresentative pilot are listed as facts beside it, not hidden in the colour.

const titles = (items: readonly Feedback[]) => {
  const shown = items.slice(0, 3).map((f) => `“${f.title}”`);
  return `${shown.join(', ')}${items.length > 3 ? ` and ${items.length - 3} more` : ''}`;
};

export const pilotEvidence = areaEvidence((wb) => {
  const { feedback, groups, kpis } = wb.pilot;
  const open = feedback.filter((f) => f.status === 'open');
  const fixed = feedback.filter((f) => f.status === 'fixed');
  const facts = [
    ...open.map((f) => `Open (${f.severity}, ${f.type}): ${f.title}`),
    ...fixed.map((f) => `Fixed, not re-tested: ${f.title}`),
    ...kpis
      .map((k) => ({ k, v: kpiVerdict(k) }))
      .filter(({ v }) => v.status === 'fail')
      .map(({ k, v }) => `KPI failing — ${k.name}: ${v.reason}`),
    ...(groups.length > 0 ? representativeness(groups).map((f) => `Pilot make-up: ${f.message}`) : []),
  ];
  const report = (status: Evidence['status'], summary: string): Evidence[] => [
    { check: 'pilot', status, summary, details: facts, from: 'pilot' },
  ];
  if (feedback.length === 0) return report('amber', 'No pilot feedback recorded yet.');
  if (open.length > 0) {
    return report(
      'red',
      `${open.length} of ${feedback.length} feedback items still open: ${titles(open)}${fixed.length > 0 ? `; ${fixed.length} fixed but not re-tested` : ''}.`,
    );
  }
  if (fixed.length > 0) {
    return report('amber', `Fixed but not yet re-tested: ${titles(fixed)}.`);
  }
  return report('green', `All ${feedback.length} feedback items are fixed and re-tested.`);
});
