import { clockTime, formatDuration } from '../../../shared/domain/format';
import type { BoardModel, BoardWave } from './board-model';
import { Panel } from './Panel';
import { CALL_LOOK, ShapeIcon, StatusTag } from './StatusIcon';

// The top of the board: the call itself, the wave it is for, and why. What a person at the back
// of the room needs from one glance, so it comes first and is never pushed off the screen.

export function VerdictPanel({ model }: { model: BoardModel }) {
  const look = model.call ? CALL_LOOK[model.call] : null;
  return (
    <Panel id="verdict" title="Verdict" className={`pj-verdict pj-fill-${look?.tone ?? 'muted'}`} hideTitle>
      <p className="pj-call" data-testid="projector-verdict" data-call={model.call ?? 'none'}>
        {look ? <ShapeIcon shape={look.shape} className="pj-call-icon" /> : null}
        <span className="pj-call-word">{look ? look.word : 'NO WAVE'}</span>
      </p>
    </Panel>
  );
}

/** "14:00:00" today, "Thu 14:00:00" on another day: a hold often ends days from now. */
function when(ms: number, now: number): string {
  const d = new Date(ms);
  const time = clockTime(d.toISOString());
  return d.toDateString() === new Date(now).toDateString()
    ? time
    : `${d.toLocaleDateString('en-GB', { weekday: 'short' })} ${time}`;
}

function holdLine(wave: BoardWave, now: number): string | null {
  if (wave.state === 'planned') return `Hold ${wave.holdHours} h once live`;
  if (wave.holdEndsAt === null || wave.state === 'promoted' || wave.state === 'rolled-back') return null;
  const at = when(wave.holdEndsAt, now);
  return wave.holdEndsAt > now
    ? `Hold ends in ${formatDuration(wave.holdEndsAt - now)} (at ${at})`
    : `Hold over since ${at}`;
}

export function WavePanel({ model, now }: { model: BoardModel; now: number }) {
  const wave = model.wave;
  const updated = Date.parse(model.updatedAt);
  return (
    <Panel id="wave" title="Wave" className="pj-wave" testId="projector-wave" hideTitle>
      {wave ? (
        <>
          <p className="pj-wave-name" data-testid="projector-wave-name">
            {wave.name}
          </p>
          <p>
            <span className="pj-state" data-testid="projector-wave-state">
              {/* "Live wave", not "LIVE": on a stale board the word must not read as "this is live". */}
              {wave.stateLabel} wave
            </span>{' '}
            {wave.audiencePercent}% of users{wave.segment ? ` · ${wave.segment}` : ''}
          </p>
          {holdLine(wave, now) ? <p data-testid="projector-hold">{holdLine(wave, now)}</p> : null}
        </>
      ) : (
        <p className="pj-wave-name">This workbook has no waves yet.</p>
      )}
      <p className="pj-dim" data-testid="projector-updated">
        Updated {clockTime(model.updatedAt)}, {formatDuration(now - updated)} ago · rev {model.revision}
      </p>
      {!model.following && wave ? (
        <p className="pj-dim" data-testid="projector-picked">
          Wave {wave.index} of {model.waveCount} picked · press 0 for the live wave
        </p>
      ) : null}
    </Panel>
  );
}

export function WhyPanel({ model }: { model: BoardModel }) {
  if (!model.call) return null;
  return (
    <Panel id="why" title={`Why ${model.call}`} className="pj-why" testId="projector-why">
      {model.breaches.length > 0 ? (
        <ul className="pj-breaches">
          {model.breaches.map((b) => (
            <li key={b.id} className="pj-breach" data-testid="projector-breach">
              <p className="pj-breach-head">
                <StatusTag look={{ word: 'BREACHED', shape: 'octagon-cross', tone: 'nogo' }} />{' '}
                <span className="pj-breach-metric">{b.metric}</span>
                {b.elsewhere ? <span> (in {b.elsewhere})</span> : null}
              </p>
              <p>
                <strong className="pj-action">{b.action}</strong> · may be called by {b.callers.join(', ')}
              </p>
              <p className="pj-dim">{b.facts}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {model.reasons.length > 0 ? (
        <ul className="pj-reasons">
          {model.reasons.map((r) => (
            <li key={r} data-testid="projector-reason">
              {r}
            </li>
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}
