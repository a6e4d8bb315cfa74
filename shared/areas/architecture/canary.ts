import { formatWindow } from '../../domain/format';
import type { Workbook } from '../../schema/workbook';
import { stopCondition } from '../success/format';
import { metricsOf } from '../waves/evidence';
import type { Wave } from '../waves/schema';

// "Canary" is not a strategy by itself: a canary counts as defined only when its size, health
// signals, duration and promotion rule are all set. All four live on the wave that is the
// canary (step 5), so this rule reads them there; the architecture area only says which wave.

export type CanaryPartKey = 'size' | 'signals' | 'duration' | 'promotion';

export interface CanaryPart {
  key: CanaryPartKey;
  label: string;
  ok: boolean;
  /** What is set, or what is missing, as one sentence. */
  text: string;
}

export interface CanaryDefinition {
  wave: Wave | null;
  defined: boolean;
  parts: CanaryPart[];
  /** Everything missing, one sentence each (empty when defined). */
  missing: string[];
}

const LABEL: Record<CanaryPartKey, string> = {
  size: 'Size',
  signals: 'Health signals',
  duration: 'Duration',
  promotion: 'Promotion rule',
};

export function canaryDefinition(wb: Workbook): CanaryDefinition {
  const id = wb.architecture.delivery.canaryWaveId;
  if (!id) return { wave: null, defined: false, parts: [], missing: ['No wave is named as the canary.'] };
  const wave = wb.waves.waves.find((w) => w.id === id);
  if (!wave) {
    return {
      wave: null,
      defined: false,
      parts: [],
      missing: [`The canary names a wave that no longer exists (${id}); pick one again.`],
    };
  }
  const parts = [size(wave), signals(wb, wave), duration(wave), promotion(wb, wave)];
  return {
    wave,
    defined: parts.every((p) => p.ok),
    parts,
    missing: parts.filter((p) => !p.ok).map((p) => `${LABEL[p.key]}: ${p.text}`),
  };
}

const part = (key: CanaryPartKey, ok: boolean, text: string): CanaryPart => ({
  key,
  label: LABEL[key],
  ok,
  text,
});

function size(wave: Wave): CanaryPart {
  const who = [wave.segment.region, wave.segment.team, wave.segment.tenant]
    .filter((s) => s.trim())
    .join(' · ');
  const pct = wave.audiencePercent;
  if (pct <= 0) return part('size', false, `${wave.name} reaches 0% of users, so it tests nothing.`);
  if (pct >= 100) return part('size', false, `${wave.name} reaches everyone (100%), so it is not a canary.`);
  return part('size', true, `${pct}% of users${who ? ` (${who})` : ''}.`);
}

function signals(wb: Workbook, wave: Wave): CanaryPart {
  const metrics = metricsOf(wb, wave);
  if (metrics.length === 0) {
    return part('signals', false, `${wave.name} watches no metrics, so nothing says whether it is healthy.`);
  }
  return part('signals', true, `Watches ${metrics.map((m) => m.name).join(', ')}.`);
}

function duration(wave: Wave): CanaryPart {
  if (wave.holdHours <= 0) {
    return part(
      'duration',
      false,
      `${wave.name} holds for 0 h, so it could be promoted the moment it starts.`,
    );
  }
  return part('duration', true, `Holds at least ${formatWindow(wave.holdHours * 60)} before promotion.`);
}

/**
 * The promotion rule is set when objective gates decide it: at least one stop condition gates
 * the wave, each still exists and is judged on a metric. Manual or automatic, both are refused
 * while a gate fails, so the gates are the rule.
 */
function promotion(wb: Workbook, wave: Wave): CanaryPart {
  if (wave.gates.length === 0) {
    return part(
      'promotion',
      false,
      `No stop condition gates ${wave.name}, so nothing objective decides its promotion.`,
    );
  }
  const problems: string[] = [];
  const rules: string[] = [];
  for (const gate of wave.gates) {
    const stop = wb.success.stopConditions.find((s) => s.id === gate);
    if (!stop) problems.push(`a gate names a stop condition that no longer exists (${gate})`);
    else if (!stop.metricId) problems.push(`the gate '${stop.metric}' is not linked to a metric`);
    else rules.push(stopCondition(stop));
  }
  if (problems.length > 0) return part('promotion', false, `${capitalise(problems.join('; '))}.`);
  const who =
    wave.promotion === 'auto'
      ? 'Automatic once the hold is over'
      : 'A person promotes it once the hold is over';
  return part('promotion', true, `${who} and no gate trips: ${rules.join('; ')}.`);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
