import { formatDrillTime } from '../../../shared/areas/drills/clock';
import type { TimelineEvent } from '../../../shared/areas/drills/review';

// A drill's timeline at one replay position: what has happened by then (injects and the room's
// log, decisions marked), the position on a track, and what is still to come, dimmed. The same
// drawing serves the main window and the projector (which sizes it for the back row).

const KIND_LABEL: Record<TimelineEvent['kind'], string> = {
  inject: 'Inject',
  detected: 'Detected',
  decision: 'Decision',
  comms: 'Comms',
  action: 'Action',
  note: 'Note',
};

const wallClock = (ms: number) => new Date(ms).toISOString().slice(11, 19);

interface Props {
  events: readonly TimelineEvent[];
  positionMs: number;
  lengthMs: number;
  /** The projector shows only what has happened; the main window shows what is to come too. */
  upcoming?: boolean;
  /** Show only the latest this many of what has happened (the projector's room is limited). */
  latest?: number;
}

export function ReplayTimeline({ events, positionMs, lengthMs, upcoming = true, latest }: Props) {
  const shown = events.filter((e) => e.drillMs <= positionMs);
  const list = upcoming ? events : shown.slice(-(latest ?? shown.length));
  const pct = Math.min(100, (positionMs / Math.max(1, lengthMs)) * 100);
  return (
    <div className="replay-timeline">
      <div className="replay-track" aria-hidden="true">
        {events.map((e) => (
          <span
            key={e.key}
            className={`replay-mark kind-${e.kind}`}
            style={{ left: `${(e.drillMs / Math.max(1, lengthMs)) * 100}%` }}
          />
        ))}
        <span className="replay-head" style={{ left: `${pct}%` }} />
      </div>
      <p className="replay-count" data-testid="replay-count">
        {shown.length} of {events.length} events by {formatDrillTime(positionMs)}
      </p>
      <ol className="replay-events" data-testid="replay-events">
        {list.map((e) => {
          const past = e.drillMs <= positionMs;
          return (
            <li
              key={e.key}
              className={`replay-event kind-${e.kind}${past ? '' : ' upcoming'}`}
              data-testid="replay-event"
              data-past={past ? 'yes' : 'no'}
            >
              <span className="mono when">
                {formatDrillTime(e.drillMs)} <span className="wall">{wallClock(e.wallMs)} UTC</span>
              </span>
              <span className="what">
                <span className="tag">{KIND_LABEL[e.kind]}</span>
                {e.kind === 'decision' && e.tag ? (
                  <strong className="replay-decision"> {e.tag}</strong>
                ) : null}{' '}
                {e.title}
                {e.who ? <span className="who"> — {e.who}</span> : null}
                {past ? null : <span className="visually-hidden"> (not yet)</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
