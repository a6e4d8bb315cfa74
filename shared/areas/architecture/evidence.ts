import { areaEvidence } from '../../domain/area-command';
import type { Evidence, EvidenceProvider } from '../types';
import { readiness } from './readiness';

// What the architecture area tells the scorecard: "baseline configs and change controls are
// documented" holds when step 2's three paths are documented and rehearsed, and step 1 records
// the configuration as it is today (the baseline the change is measured from).

// Typed explicitly: inferring it would need the workbook type, which the registry derives.
export const architectureEvidence: EvidenceProvider = areaEvidence((wb) => {
  const r = readiness(wb);
  const report = (status: Evidence['status'], summary: string, details: string[]): Evidence[] => [
    { check: 'baseline', status, summary, details, from: 'architecture' },
  ];
  const names = (keys: typeof r.paths) => keys.map((p) => p.label.toLowerCase()).join(', ');
  const undocumented = r.paths.filter((p) => !p.documented);
  if (undocumented.length > 0) {
    return report('red', `Not documented yet: ${names(undocumented)}.`, r.missing);
  }
  const unrehearsed = r.paths.filter((p) => !p.rehearsed);
  if (unrehearsed.length > 0) {
    return report('amber', `Documented, but not rehearsed: ${names(unrehearsed)}.`, r.missing);
  }
  if (wb.success.baseline.length === 0) {
    return report('amber', 'Rollout paths are ready, but step 1 records no current-state baseline.', [
      'Add the configuration as it is today to Success (baseline), so the change has a reference point.',
    ]);
  }
  return report(
    'green',
    'Deployment path, rollback path and exposure controls are documented and rehearsed.',
    [],
  );
});
