import type { Timer } from '../../../shared/areas/runbooks/schema';
import { overdue, timerText } from '../../../shared/areas/runbooks/timers';
import { useCommand } from '../../components/use-command';
import { useFrameNow } from './use-frame-now';

// The timers of the workbook, drawn from the deadlines the host keeps: the countdown is
// recomputed from the deadline on every frame (use-frame-now.ts), so a window that was throttled
// or asleep is right again the moment it draws. The buttons send commands; the host does the
// arithmetic.

export function TimerRow({ timer, readOnly }: { timer: Timer; readOnly: boolean }) {
  const now = useFrameNow((t) => timerText(timer, t));
  const cmd = useCommand();
  const send = (action: 'start' | 'pause' | 'resume' | 'reset' | 'extend', minutes?: number) =>
    void cmd.run({ type: 'timer.control', timerId: timer.id, action, ...(minutes ? { minutes } : {}) });
  const late = overdue(timer, now) > 0 && timer.state === 'running';
  return (
    <tr data-testid={`timer-${timer.id}`} className={late ? 'timer-late' : undefined}>
      <td className="strong">{timer.label}</td>
      <td className="nowrap timer-clock" data-testid="timer-text" aria-live="off">
        {late ? <span className="tag tag-danger">OVERDUE</span> : null} {timerText(timer, now)}
      </td>
      <td className="row-actions">
        {timer.state === 'running' ? (
          <button
            type="button"
            className="btn small"
            disabled={readOnly || cmd.busy}
            onClick={() => send('pause')}
          >
            Pause
          </button>
        ) : null}
        {timer.state === 'paused' || timer.state === 'ready' ? (
          <button
            type="button"
            className="btn small"
            disabled={readOnly || cmd.busy}
            onClick={() => send(timer.state === 'ready' ? 'start' : 'resume')}
          >
            {timer.state === 'ready' ? 'Start' : 'Resume'}
          </button>
        ) : null}
        <button
          type="button"
          className="btn small"
          disabled={readOnly || cmd.busy}
          onClick={() => send('extend', 5)}
        >
          +5 min
        </button>
        <button
          type="button"
          className="btn small ghost"
          disabled={readOnly || cmd.busy}
          onClick={() => send('reset')}
        >
          Reset
        </button>
        {cmd.error ? (
          <span className="field-error" role="alert">
            {cmd.error}
          </span>
        ) : null}
      </td>
    </tr>
  );
}

export function TimerList({
  timers,
  readOnly,
  caption,
}: {
  timers: readonly Timer[];
  readOnly: boolean;
  caption: string;
}) {
  if (timers.length === 0) return <p className="collection-empty">No timers running.</p>;
  return (
    <div className="table-wrap">
      <table className="items" data-testid="timer-list">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th>Timer</th>
            <th>Time</th>
            <th>
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {timers.map((t) => (
            <TimerRow key={t.id} timer={t} readOnly={readOnly} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
