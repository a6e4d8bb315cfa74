import type { Workbook } from '../../schema/workbook';
import { AUDIENCE_LABELS, AUDIENCES, type Audience, type Cadence, type Timer } from './schema';
import { newTimer } from './timers';

// Comms cadence: how soon the first update is due after an incident opens, then how often. The
// defaults follow common practice (SEV1: within 15 min, then every 30; SEV2: 30, then hourly);
// a workbook's own rules (runbooks.cadence) replace them per severity. Each audience's next
// update is a host timer, so it survives a restart and alerts once when missed.

export const DEFAULT_CADENCE: Readonly<Record<string, { firstMin: number; everyMin: number }>> = {
  SEV1: { firstMin: 15, everyMin: 30 },
  SEV2: { firstMin: 30, everyMin: 60 },
  SEV3: { firstMin: 60, everyMin: 240 },
  SEV4: { firstMin: 240, everyMin: 1440 },
};

export function cadenceFor(
  rules: readonly Cadence[],
  severity: string,
): { firstMin: number; everyMin: number } {
  const own = rules.find((r) => r.severity === severity);
  return own ?? DEFAULT_CADENCE[severity] ?? { firstMin: 60, everyMin: 60 };
}

export const cadenceTimerId = (incidentId: string, audience: Audience) =>
  `${incidentId.slice(0, 50)}-${audience.slice(0, 3)}`;

/** The cadence timers an incident gets when it opens: one per audience, running. */
export function cadenceTimers(wb: Workbook, incidentId: string, severity: string, now: number): Timer[] {
  const { firstMin } = cadenceFor(wb.runbooks.cadence, severity);
  return AUDIENCES.filter((a) => !wb.runbooks.timers.some((t) => t.id === cadenceTimerId(incidentId, a))).map(
    (audience) =>
      newTimer({
        id: cadenceTimerId(incidentId, audience),
        label: `${AUDIENCE_LABELS[audience]} due`,
        purpose: 'cadence',
        audience,
        incidentId,
        durationMs: firstMin * 60_000,
        state: 'running',
        deadline: now + firstMin * 60_000,
      }),
  );
}
