import { useState } from 'react';
import { metricsOf } from '../../../shared/areas/waves/evidence';
import {
  decideWave,
  holdEndsAt,
  isActive,
  MOVE_LABEL,
  STATE_LABEL,
  TRANSITIONS,
  type WaveAction,
} from '../../../shared/areas/waves/moves';
import type { Wave, WaveState } from '../../../shared/areas/waves/schema';
import { clockTime, formatDuration } from '../../../shared/domain/format';
import type { Workbook } from '../../../shared/schema/workbook';
import { formatWhen } from '../../components/when';
import { GatesTable } from './GatesTable';
import { MovePanel } from './MovePanel';
import { ReadingForm } from './ReadingForm';
import { WaveCharts } from './WaveCharts';
import { segmentText } from './wave-collections';

// One wave on the Waves screen: where it stands, what its gates say, what to do about it, and
// how to record what the dashboards show.

const DECISION: Record<WaveAction, { word: string; icon: string; tone: string }> = {
  promote: { word: 'PROMOTE', icon: '●', tone: 'ok' },
  hold: { word: 'HOLD', icon: '▲', tone: 'warn' },
  'roll back': { word: 'ROLL BACK', icon: '■', tone: 'bad' },
  escalate: { word: 'ESCALATE', icon: '◆', tone: 'bad' },
  'not started': { word: 'NOT STARTED', icon: '○', tone: 'muted' },
  finished: { word: 'DONE', icon: '✓', tone: 'muted' },
};

function Hold({ wave, now }: { wave: Wave; now: number }) {
  const ends = holdEndsAt(wave);
  if (ends === null) return <span>Holds {wave.holdHours} h once live</span>;
  if (now >= ends || !isActive(wave))
    return (
      <span>
        {wave.holdHours} h hold {isActive(wave) ? 'over' : ''}
      </span>
    );
  return (
    <span data-testid="hold-countdown">
      {wave.holdHours} h hold ends at {clockTime(new Date(ends).toISOString())} (in{' '}
      {formatDuration(ends - now)})
    </span>
  );
}

export function WaveCard({
  wb,
  wave,
  now,
  readOnly,
}: {
  wb: Workbook;
  wave: Wave;
  now: number;
  readOnly: boolean;
}) {
  const [moving, setMoving] = useState<WaveState | null>(null);
  const decision = decideWave(wb, wave, now);
  // The move the gates call for stands out; the others stay plain (a promotion is never urged
  // while a gate fails).
  const called =
    decision.action === 'promote' ? 'promoted' : decision.action === 'roll back' ? 'rolled-back' : null;
  const last = wave.moves.at(-1);
  // A finished wave's gates no longer decide anything: say how it ended instead.
  if (!isActive(wave) && last && decision.action === 'finished') {
    decision.reasons = [
      `${STATE_LABEL[wave.state]} by ${last.by} (${last.role}) on ${formatWhen(last.at)}: ${last.reason}`,
    ];
  }
  const d = DECISION[decision.action];
  const metrics = metricsOf(wb, wave);
  const moves = TRANSITIONS[wave.state];

  return (
    <section
      className={`wave-card state-${wave.state}`}
      aria-labelledby={`wave-${wave.id}-name`}
      data-testid={`wave-${wave.id}`}
    >
      <header className="wave-head">
        <div>
          <h2 id={`wave-${wave.id}-name`}>{wave.name}</h2>
          <p className="muted">
            {wave.audiencePercent}% · {segmentText(wave)} · <Hold wave={wave} now={now} /> ·{' '}
            {wave.promotion === 'auto' ? 'promotes automatically' : 'promoted by a person'}
          </p>
        </div>
        <span className="wave-state" data-testid="wave-state">
          {STATE_LABEL[wave.state]}
        </span>
      </header>

      <div className={`decision tone-${d.tone}`} data-testid="wave-decision" role="status">
        <span className="decision-word">
          <span aria-hidden="true">{d.icon}</span> {d.word}
        </span>
        <ul>
          {decision.reasons.slice(0, 4).map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </div>

      {isActive(wave) ? <GatesTable gates={decision.gates} metrics={wb.waves.metrics} now={now} /> : null}
      <WaveCharts wb={wb} wave={wave} gates={decision.gates} now={now} />
      {wave.state === 'planned' ? (
        <p className="muted">
          Gated by {wave.gates.length} stop condition{wave.gates.length === 1 ? '' : 's'}; they start judging
          when the wave goes live.
        </p>
      ) : null}

      {moves.length > 0 && !readOnly ? (
        <div className="card-row wave-actions">
          {moves.map((to) => (
            <button
              key={to}
              type="button"
              className={`btn${to === 'rolled-back' ? ' danger' : ''}${to === called ? ' called' : ''}`}
              data-testid={`move-${to}`}
              aria-pressed={moving === to}
              onClick={() => setMoving(moving === to ? null : to)}
            >
              {MOVE_LABEL[to]}
            </button>
          ))}
        </div>
      ) : null}
      {moving ? <MovePanel wave={wave} to={moving} now={now} onDone={() => setMoving(null)} /> : null}

      {isActive(wave) && !readOnly ? <ReadingForm wave={wave} metrics={metrics} /> : null}

      {wave.moves.length > 0 ? (
        <details className="changes wave-story">
          <summary>
            Story of this wave ({wave.moves.length} move{wave.moves.length === 1 ? '' : 's'})
          </summary>
          <ol>
            {wave.moves.map((m) => (
              <li key={`${m.at}-${m.to}`}>
                <time dateTime={m.at}>{formatWhen(m.at)}</time>: {STATE_LABEL[m.from]} → {STATE_LABEL[m.to]}{' '}
                by {m.by} ({m.role}): {m.reason}
                {m.override ? <strong> Override: {m.override}</strong> : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}
