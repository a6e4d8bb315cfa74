import type { ActionOutcome } from '../../shared/areas/drills/scoring';
import type { KpiStatus } from '../../shared/areas/pilot/kpis';
import type { Call } from '../../shared/areas/scorecard/schema';
import type { Status } from '../../shared/areas/types';
import type { GateStatus } from '../../shared/areas/waves/gates';

// Every status the room reads is said three ways: a word, a shape and a colour, so it survives
// a colour-blind reader, a washed-out projector and a black-and-white printout.

type Tone = 'ok' | 'warn' | 'bad' | 'info' | 'muted';

const CALL: Record<Call, { word: string; icon: string; tone: Tone }> = {
  GO: { word: 'GO', icon: '●', tone: 'ok' },
  'NO-GO': { word: 'NO-GO', icon: '■', tone: 'bad' },
  HOLD: { word: 'HOLD', icon: '▲', tone: 'warn' },
};

const STATUS: Record<Status, { word: string; icon: string; tone: Tone }> = {
  green: { word: 'Green', icon: '●', tone: 'ok' },
  amber: { word: 'Amber', icon: '▲', tone: 'warn' },
  red: { word: 'Red', icon: '■', tone: 'bad' },
};

const GATE: Record<GateStatus, { word: string; icon: string; tone: Tone }> = {
  continue: { word: 'Continue', icon: '●', tone: 'ok' },
  hold: { word: 'Hold', icon: '▲', tone: 'warn' },
  rollback: { word: 'Roll back', icon: '■', tone: 'bad' },
  escalate: { word: 'Escalate', icon: '◆', tone: 'bad' },
  inconclusive: { word: 'Inconclusive', icon: '?', tone: 'muted' },
};

const KPI: Record<KpiStatus, { word: string; icon: string; tone: Tone }> = {
  pass: { word: 'Pass', icon: '●', tone: 'ok' },
  fail: { word: 'Fail', icon: '■', tone: 'bad' },
  'no-data': { word: 'No data', icon: '?', tone: 'muted' },
};

const OUTCOME: Record<ActionOutcome, { word: string; icon: string; tone: Tone }> = {
  met: { word: 'Met', icon: '●', tone: 'ok' },
  late: { word: 'Late', icon: '▲', tone: 'warn' },
  missed: { word: 'Missed', icon: '■', tone: 'bad' },
  'not-reached': { word: 'Not reached', icon: '○', tone: 'muted' },
};

export type BadgeKind =
  | { kind: 'call'; value: Call }
  | { kind: 'kpi'; value: KpiStatus }
  | { kind: 'outcome'; value: ActionOutcome }
  | { kind: 'status'; value: Status }
  | { kind: 'gate'; value: GateStatus; stale?: boolean };

export function badgeText(b: BadgeKind): { word: string; icon: string; tone: Tone } {
  if (b.kind === 'call') return CALL[b.value];
  if (b.kind === 'status') return STATUS[b.value];
  if (b.kind === 'kpi') return KPI[b.value];
  if (b.kind === 'outcome') return OUTCOME[b.value];
  if (b.stale && b.value === 'inconclusive') return { word: 'Stale', icon: '○', tone: 'muted' };
  return GATE[b.value];
}

export function StatusBadge(props: BadgeKind & { large?: boolean; testid?: string }) {
  const { word, icon, tone } = badgeText(props);
  return (
    <span
      className={`status-badge tone-${tone}${props.large ? ' large' : ''}`}
      data-testid={props.testid}
      data-status={word}
    >
      <span className="status-icon" aria-hidden="true">
        {icon}
      </span>
      {word}
    </span>
  );
}
