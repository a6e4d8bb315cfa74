import type { Tone } from '../../export/document';
import type { Workbook } from '../../schema/workbook';
import { readiness } from '../architecture/readiness';
import type { Verdict } from '../scorecard/verdict';
import { verdictFor } from '../scorecard/verdict';
import { stopSentence } from '../success/format';
import { isActive } from '../waves/moves';
import type { Wave } from '../waves/schema';
import { type Conflict, calendarConflicts } from './calendar';
import { assessRisk, type RiskAssessment } from './risk';
import type { RiskLevel } from './schema';

// The one-page summary a reviewer reads before deciding, built once and shown twice: on the
// review page and in the CAB packet. Each line says what the workbook holds now; where another
// part of the workbook has not recorded its piece yet, the line says so and where it comes from,
// so "not recorded" is never mistaken for "nothing to worry about".

export interface SummaryLine {
  key: 'what' | 'who' | 'window' | 'risk' | 'blast' | 'stops' | 'rollback' | 'scorecard' | 'drill';
  label: string;
  /** The headline, or null when nothing is recorded yet (then `pending` says where it comes from). */
  value: string | null;
  details: string[];
  tone?: Tone;
  pending?: string;
}

export interface ReviewSummary {
  title: string;
  lines: SummaryLine[];
  risk: RiskAssessment;
  conflicts: Conflict[];
  /** The wave the scorecard speaks for (the live one, else the next), and its verdict. */
  wave: Wave | null;
  verdict: Verdict | null;
}

const RISK_TONE: Record<RiskLevel, Tone> = { low: 'ok', medium: 'warn', high: 'bad' };
const CALL_TONE: Record<string, Tone> = { GO: 'ok', HOLD: 'warn', 'NO-GO': 'bad' };

/** The wave a reviewer cares about now: the live one, else the next planned, else the last. */
export function currentWave(wb: Workbook): Wave | null {
  const waves = wb.waves.waves;
  return waves.find(isActive) ?? waves.find((w) => w.state === 'planned') ?? waves.at(-1) ?? null;
}

const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function whatLine(wb: Workbook): SummaryLine {
  const c = wb.cab.change;
  const parts = [
    c.service ? `Service: ${c.service}${c.critical ? ' (critical)' : ''}` : '',
    c.components.length > 0 ? `Components: ${c.components.join(', ')}` : '',
  ].filter(Boolean);
  return c.summary.trim()
    ? { key: 'what', label: 'What changes', value: c.summary.trim(), details: parts }
    : {
        key: 'what',
        label: 'What changes',
        value: null,
        details: parts,
        pending: 'Not described yet: the change record on the CAB page says it.',
      };
}

function whoLine(wb: Workbook): SummaryLine {
  const waves = wb.waves.waves.map(
    (w) =>
      `${w.name}: ${w.audiencePercent}%${[w.segment.region, w.segment.team, w.segment.tenant]
        .filter(Boolean)
        .map((s) => `, ${s}`)
        .join('')}`,
  );
  const audience = wb.cab.change.audience.trim();
  if (!audience && waves.length === 0) {
    return {
      key: 'who',
      label: 'For whom',
      value: null,
      details: [],
      pending: 'Not recorded yet: say who is affected in the change record, and plan the waves (step 5).',
    };
  }
  return {
    key: 'who',
    label: 'For whom',
    value: audience || `${waves.length} wave${waves.length === 1 ? '' : 's'}`,
    details: waves,
  };
}

function windowLine(wb: Workbook, conflicts: Conflict[]): SummaryLine {
  const c = wb.cab.change;
  if (!c.start || !c.end) {
    return {
      key: 'window',
      label: 'When',
      value: null,
      details: [],
      pending: 'No implementation window yet: set it in the change record.',
    };
  }
  return {
    key: 'window',
    label: 'When',
    value: `${when(c.start)} to ${when(c.end)}${conflicts.length > 0 ? `, ${conflicts.length} calendar conflict${conflicts.length === 1 ? '' : 's'}` : ', no calendar conflicts'}`,
    details: conflicts.map((x) => `${x.ruleLabel}: ${x.message}`),
    tone: conflicts.length > 0 ? 'warn' : 'ok',
  };
}

function blastLine(wb: Workbook): SummaryLine {
  const b = wb.architecture.blastRadius;
  const details = [
    b.audience ? `Audience: ${b.audience}` : '',
    b.regions ? `Regions: ${b.regions}` : '',
    b.tenants ? `Tenants: ${b.tenants}` : '',
    b.firstWaveCap !== null ? `First wave at most ${b.firstWaveCap}% of users` : '',
  ].filter(Boolean);
  return details.length > 0
    ? { key: 'blast', label: 'Blast radius', value: details[0]!, details: details.slice(1) }
    : {
        key: 'blast',
        label: 'Blast radius',
        value: null,
        details: [],
        pending: 'Not recorded yet: step 2 (Architecture) limits the audience, regions and tenants.',
      };
}

function rollbackLine(wb: Workbook): SummaryLine {
  const path = readiness(wb).paths.find((p) => p.key === 'rollback')!;
  const steps = wb.architecture.rollback;
  if (steps.length === 0 && path.undocumented.length > 0) {
    return {
      key: 'rollback',
      label: 'Rollback readiness',
      value: null,
      details: path.undocumented,
      pending: 'No rollback plan yet: step 2 (Architecture) records how each part rolls back.',
    };
  }
  const ready = path.documented && path.rehearsed;
  return {
    key: 'rollback',
    label: 'Rollback readiness',
    value: ready
      ? 'Documented and rehearsed'
      : path.documented
        ? 'Documented, not rehearsed'
        : 'Not fully documented',
    details: [...path.undocumented, ...path.unrehearsed],
    tone: ready ? 'ok' : path.documented ? 'warn' : 'bad',
  };
}

function scorecardLine(wave: Wave | null, verdict: Verdict | null): SummaryLine {
  if (!wave || !verdict) {
    return {
      key: 'scorecard',
      label: 'Go / no-go',
      value: null,
      details: [],
      pending: 'No waves yet: the scorecard speaks for a wave (step 5).',
    };
  }
  const notGreen = verdict.notGreen.map((i) => `${i.item.label}: ${i.status}`);
  return {
    key: 'scorecard',
    label: 'Go / no-go',
    value: `${verdict.call} for ${wave.name}`,
    details: [...verdict.reasons.slice(0, 3), ...notGreen],
    tone: CALL_TONE[verdict.call],
  };
}

export function reviewSummary(wb: Workbook, now: number): ReviewSummary {
  const risk = assessRisk(wb.cab.change);
  const conflicts = calendarConflicts(wb.cab);
  const wave = currentWave(wb);
  const verdict = wave ? verdictFor(wb, wave, now) : null;
  const stops = wb.success.stopConditions.map(stopSentence);
  const lines: SummaryLine[] = [
    whatLine(wb),
    whoLine(wb),
    windowLine(wb, conflicts),
    {
      key: 'risk',
      label: 'Risk',
      value: `${risk.level[0]!.toUpperCase()}${risk.level.slice(1)} (${wb.cab.change.type} change)`,
      details: risk.reasons,
      tone: RISK_TONE[risk.level],
    },
    blastLine(wb),
    stops.length > 0
      ? { key: 'stops', label: 'Stop conditions', value: `${stops.length} set`, details: stops }
      : {
          key: 'stops',
          label: 'Stop conditions',
          value: null,
          details: [],
          pending: 'None yet: step 1 says when to pause, roll back or escalate.',
        },
    rollbackLine(wb),
    scorecardLine(wave, verdict),
    {
      key: 'drill',
      label: 'Last drill',
      value: null,
      details: [],
      pending:
        'Drills are not recorded yet: the runbooks area will show the last tabletop drill and its result here.',
    },
  ];
  return { title: wb.cab.change.title.trim() || wb.name, lines, risk, conflicts, wave, verdict };
}
