import { formatDrillTime } from '../../../shared/areas/drills/clock';

// What every drill screen shares: the EXERCISE mark (so a photo of any screen cannot pass for a
// real incident) and the drill time as T+ beside the wall clock.

export const wallClock = (ms: number) =>
  new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The one EXERCISE mark of every drill screen; `note` says, in words, what this screen is. */
export function ExerciseMark({ large = false, note }: { large?: boolean; note?: string }) {
  return (
    <p className={large ? 'exercise-mark large' : 'exercise-mark'} data-testid="exercise-mark">
      EXERCISE
      {note ? ` — ${note}` : <span className="visually-hidden">: this is a drill, not a real incident</span>}
    </p>
  );
}

export function DrillClockFace({
  drillMs,
  now,
  paused,
  ended,
  speed,
}: {
  drillMs: number | null;
  now: number;
  paused: boolean;
  ended: boolean;
  speed: number;
}) {
  const state =
    drillMs === null ? 'not started' : ended ? 'finished' : paused ? 'paused' : `running at ${speed}×`;
  return (
    <div className="drill-clock" data-testid="drill-clock" aria-live="off">
      <span className="drill-t" data-testid="drill-time">
        {drillMs === null ? 'T+00:00' : formatDrillTime(drillMs)}
      </span>
      <span className="drill-wall" data-testid="drill-wall">
        {wallClock(now)}
      </span>
      <span className={`drill-state ${paused || ended ? 'stopped' : ''}`} data-testid="drill-state">
        {state}
      </span>
    </div>
  );
}

/** A fired inject or played card as the room receives it: when, what, to whom. */
export function FiredItem({
  item,
}: {
  item: {
    id: string;
    title: string;
    detail: string;
    recipients: string[];
    drillMs: number;
    wallMs: number;
    how: string;
  };
}) {
  return (
    <li className="fired-item" data-testid={`fired-${item.id}`}>
      <p className="fired-when">
        <span className="strong">{formatDrillTime(item.drillMs)}</span>{' '}
        <span className="muted">{wallClock(item.wallMs)}</span>
        {item.how === 'card' ? <span className="fired-tag">card</span> : null}
        {item.how === 'now' ? <span className="fired-tag">fired now</span> : null}
      </p>
      <p className="fired-title strong">{item.title}</p>
      {item.detail ? <p className="fired-detail">{item.detail}</p> : null}
      {item.recipients.length > 0 ? <p className="muted small">To: {item.recipients.join(', ')}</p> : null}
    </li>
  );
}
