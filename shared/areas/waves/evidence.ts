import { areaEvidence } from '../../domain/area-command';
import { formatDuration } from '../../domain/format';
import type { Workbook } from '../../schema/workbook';
import type { Evidence, EvidenceContext, EvidenceProvider } from '../types';
import { doraLine, waveScope } from './dora';
import { readingsOf, timelineOf } from './reading-index';
import type { Metric, Wave } from './schema';

// What the waves area tells the scorecard: "dashboards and alerts are validated" means the
// metrics that gate a wave are defined, have a source, and (once the wave is live) keep sending
// fresh readings. Before a wave starts, its gates must at least be linked to metrics.

/** The metrics a wave depends on: those its gates judge, then those it watches. */
export function metricsOf(wb: Workbook, wave: Wave): Metric[] {
  const ids = new Set<string>();
  for (const id of wave.gates) {
    const stop = wb.success.stopConditions.find((s) => s.id === id);
    if (stop?.metricId) ids.add(stop.metricId);
  }
  for (const id of wave.metrics) ids.add(id);
  return wb.waves.metrics.filter((m) => ids.has(m.id));
}

export function wavesEvidence(wb: Workbook, ctx: EvidenceContext): Evidence[] {
  const wave = wb.waves.waves.find((w) => w.id === ctx.waveId);
  if (!wave) return [];
  const report = (status: Evidence['status'], summary: string, details: string[]): Evidence[] => [
    { check: 'dashboards', status, summary, details, from: 'waves' },
  ];
  const metrics = metricsOf(wb, wave);
  const unlinked = wave.gates
    .map((id) => wb.success.stopConditions.find((s) => s.id === id))
    .filter((s) => s && !s.metricId)
    .map((s) => `Stop condition '${s!.metric}' is not linked to a metric.`);
  if (metrics.length === 0)
    return report('red', `${wave.name} watches no metrics, so nothing can alert.`, unlinked);
  const noSource = metrics
    .filter((m) => !m.source.trim())
    .map((m) => `${m.name} has no source dashboard named.`);
  if (!wave.startedAt) {
    const problems = [...unlinked, ...noSource];
    return problems.length > 0
      ? report(
          'amber',
          `${problems.length} of the metrics and gates for ${wave.name} are not wired up.`,
          problems,
        )
      : report('green', `All ${metrics.length} metrics for ${wave.name} are defined with a source.`, []);
  }
  const facts: string[] = [...unlinked, ...noSource];
  // The delivery figures are shown with the evidence; they inform the call but do not set it.
  const scope = waveScope(wave, ctx.now);
  const delivery = scope ? doraLine(wb, scope) : null;
  let fresh = 0;
  let silent = 0;
  for (const m of metrics) {
    const newest = timelineOf(readingsOf(wb.waves.readings, wave.id, m.id)).times.at(-1) ?? null;
    if (newest === null) {
      silent++;
      facts.push(`${m.name}: no readings in ${wave.name}.`);
    } else if (ctx.now - newest > m.staleAfterMinutes * 60_000) {
      facts.push(
        `${m.name}: newest reading ${formatDuration(ctx.now - newest)} old (stale after ${m.staleAfterMinutes} min).`,
      );
    } else {
      fresh++;
    }
  }
  const summary = `${fresh} of ${metrics.length} metrics for ${wave.name} have fresh readings.`;
  const status =
    silent === metrics.length ? 'red' : fresh === metrics.length && facts.length === 0 ? 'green' : 'amber';
  return report(status, summary, delivery ? [...facts, delivery] : facts);
}

// Typed explicitly: inferring it would need the workbook type, which the registry derives.
export const wavesEvidenceProvider: EvidenceProvider = areaEvidence(wavesEvidence);
