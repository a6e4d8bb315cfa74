import { AUDIENCE_LABELS } from '../../../shared/areas/runbooks/schema';
import { clock, overdue, remaining, timerText } from '../../../shared/areas/runbooks/timers';
import { useAppStore } from '../../store/app-store';
import { dismissTimerAlerts, useTimerAlerts } from './alerts';
import { useFrameNow } from './use-frame-now';

// The timers on the projector: every running or paused timer as a clock the back row can read,
// comms cadence as "next update due in 07:42" per audience, and an expiry as a banner (word,
// shape and colour) until someone dismisses it. Drawn from the host's deadlines and the board's
// own clock (`now`), so a projector that slept is right on its next frame.

// One empty list, not a new one per call: a selector returning a fresh [] makes zustand render
// forever while the board draws from its cache (no session yet).
const NONE: readonly never[] = [];

/**
 * `boardNow` is the board's once-a-second clock; the countdowns draw with their own frame clock
 * instead (use-frame-now.ts), so they are right on the first frame after the projector's page
 * comes back from the background, and never a tick behind.
 */
export function ProjectorTimers(_: { now?: number }) {
  const timers = useAppStore((s) => s.session?.workbook?.runbooks.timers ?? NONE);
  const incidents = useAppStore((s) => s.session?.workbook?.runbooks.incidents ?? NONE);
  const now = useFrameNow((t) => timers.map((x) => timerText(x, t)).join('|'));
  const shown = timers
    .filter((t) => t.state === 'running' || t.state === 'paused')
    .sort((a, b) => (a.deadline ?? Infinity) - (b.deadline ?? Infinity))
    .slice(0, 8);
  if (shown.length === 0) return null;
  return (
    <section
      className="pj-panel pj-timers"
      aria-labelledby="pj-timers-title"
      tabIndex={-1}
      data-panel="timers"
      data-testid="projector-timers"
    >
      <h2 id="pj-timers-title" className="pj-heading">
        Timers
      </h2>
      <ul className="pj-timer-list">
        {shown.map((t) => {
          const late = overdue(t, now) > 0;
          const inc = incidents.find((i) => i.id === t.incidentId);
          const name = t.purpose === 'cadence' && t.audience ? `${AUDIENCE_LABELS[t.audience]}` : t.label;
          const text = late
            ? `overdue by ${clock(overdue(t, now))}`
            : `${t.purpose === 'cadence' ? 'next update due in ' : ''}${clock(remaining(t, now))}${t.state === 'paused' ? ' (paused)' : ''}`;
          return (
            <li key={t.id} className={late ? 'pj-timer late' : 'pj-timer'} data-testid={`pj-timer-${t.id}`}>
              <span className="pj-timer-name">
                {late ? <span aria-hidden="true">⚠ </span> : null}
                {name}
                {inc && t.purpose === 'cadence' ? <span className="pj-timer-sub"> · {inc.title}</span> : null}
              </span>
              <span className="pj-timer-clock" data-testid="pj-timer-text">
                {text}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function ProjectorTimerAlert() {
  const alerts = useTimerAlerts((s) => s.alerts);
  if (alerts.length === 0) return null;
  return (
    <div className="pj-banner pj-timer-alert" data-testid="projector-timer-alert">
      <p role="alert">
        ⚠ TIMER EXPIRED —{' '}
        {alerts
          .map((a) => a.label)
          .slice(0, 3)
          .join('; ')}
        {alerts.length > 3 ? ` and ${alerts.length - 3} more` : ''}
      </p>
      <button type="button" className="pj-dismiss" onClick={dismissTimerAlerts}>
        Dismiss
      </button>
    </div>
  );
}
