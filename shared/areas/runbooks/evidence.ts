import { areaEvidence } from '../../domain/area-command';
import type { Evidence } from '../types';
import type { Run } from './schema';

// "Incident and rollback runbooks are tested, not theoretical": the evidence is each runbook's
// last finished rehearsal, its date and result. Green when every runbook's last rehearsal passed
// within the last 90 days; amber when one is older or was never rehearsed; red when the last
// rehearsal of one failed, or there are no runbooks at all.

const FRESH_MS = 90 * 86_400_000;

export function lastRehearsal(runs: readonly Run[], runbookId: string): Run | null {
  let last: Run | null = null;
  for (const r of runs) {
    if (r.runbookId !== runbookId || r.mode !== 'rehearsal' || !r.endedAt || r.result === 'abandoned')
      continue;
    if (!last || Date.parse(r.endedAt) > Date.parse(last.endedAt!)) last = r;
  }
  return last;
}

export const runbooksEvidence = areaEvidence((wb, ctx) => {
  const { runbooks, runs } = wb.runbooks;
  const report = (status: Evidence['status'], summary: string, details: string[]): Evidence[] => [
    { check: 'runbooks', status, summary, details, from: 'runbooks' },
  ];
  if (runbooks.length === 0) return report('red', 'No runbooks written yet.', []);
  const rows = runbooks.map((b) => ({ b, last: lastRehearsal(runs, b.id) }));
  const details = rows.map(({ b, last }) =>
    last
      ? `${b.name}: rehearsed ${last.endedAt!.slice(0, 10)}, ${last.result}`
      : `${b.name}: never rehearsed`,
  );
  const failed = rows.filter(({ last }) => last?.result === 'failed');
  if (failed.length > 0) {
    return report('red', `Last rehearsal failed: ${failed.map(({ b }) => b.name).join(', ')}.`, details);
  }
  const stale = rows.filter(({ last }) => !last || ctx.now - Date.parse(last.endedAt!) > FRESH_MS);
  if (stale.length > 0) {
    return report(
      'amber',
      `${stale.length} of ${runbooks.length} runbooks not rehearsed in the last 90 days: ${stale.map(({ b }) => b.name).join(', ')}.`,
      details,
    );
  }
  return report('green', `All ${runbooks.length} runbooks passed a rehearsal in the last 90 days.`, details);
});
