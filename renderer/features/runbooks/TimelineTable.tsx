import { useEffect, useId, useRef, useState } from 'react';
import { inTimeOrder } from '../../../shared/areas/runbooks/milestones';
import type { Incident, TimelineEntry } from '../../../shared/areas/runbooks/schema';
import { clockTime } from '../../../shared/domain/format';
import { useCommand } from '../../components/use-command';

// An incident's timeline, always in time order, and the one way to fix a time logged wrong:
// "Correct time" on a row opens a small form in that row (incident.correct). The host keeps the
// first time beside the new one ("first logged …") and refuses a correction that would put a
// milestone out of order, saying which; the form then stays open with the reason and nothing
// changes. Keyboard: Tab to the button, Enter; Escape cancels and gives focus back to the button.

/** "2026-11-24T10:05:30" in local time, for a datetime-local input with seconds. */
export const localInput = (ms: number, seconds = false) => {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, seconds ? 19 : 16);
};

function CorrectTime({
  incident,
  entry,
  onDone,
}: {
  incident: Incident;
  entry: TimelineEntry;
  onDone(): void;
}) {
  const id = useId();
  const cmd = useCommand();
  const input = useRef<HTMLInputElement>(null);
  const [at, setAt] = useState(() => localInput(Date.parse(entry.at), true));
  useEffect(() => input.current?.focus(), []);
  const label = `${entry.kind === 'milestone' ? entry.milestone : entry.kind} at ${clockTime(entry.at)}`;
  return (
    <form
      className="inline-form"
      aria-label={`Correct the time of ${label}`}
      data-testid="correct-form"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone();
      }}
      onSubmit={(e) => {
        e.preventDefault();
        const ms = Date.parse(at);
        if (Number.isNaN(ms)) return cmd.refuse('Give the corrected time', 'at');
        void cmd.run(
          {
            type: 'incident.correct',
            incidentId: incident.id,
            entryId: entry.id,
            at: new Date(ms).toISOString(),
          },
          onDone,
        );
      }}
    >
      <label htmlFor={`${id}-at`}>Corrected time</label>
      <input
        ref={input}
        id={`${id}-at`}
        type="datetime-local"
        step={1}
        value={at}
        onChange={(e) => setAt(e.target.value)}
        aria-describedby={cmd.error ? `${id}-error` : undefined}
        aria-invalid={cmd.error ? true : undefined}
        data-testid="correct-at"
      />
      <button type="submit" className="btn small primary" disabled={cmd.busy} data-testid="correct-save">
        Save time
      </button>
      <button type="button" className="btn small ghost" onClick={onDone}>
        Cancel
      </button>
      {cmd.error ? (
        <p className="field-error" role="alert" id={`${id}-error`} data-testid="correct-error">
          {cmd.error}
        </p>
      ) : null}
    </form>
  );
}

export function TimelineTable({ incident, readOnly }: { incident: Incident; readOnly: boolean }) {
  const [editing, setEditing] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const close = (entryId: string) => {
    setEditing(null);
    // Back to the row's button, wherever the row moved to in time order.
    requestAnimationFrame(() => buttons.current.get(entryId)?.focus());
  };
  return (
    <div className="table-wrap">
      <table className="items timeline" data-testid="timeline">
        <caption className="visually-hidden">Timeline of {incident.title}, in time order</caption>
        <thead>
          <tr>
            <th>Time</th>
            <th>Kind</th>
            <th>What</th>
            <th>Who</th>
            {readOnly ? null : (
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {inTimeOrder(incident.timeline).map((e) => (
            <tr key={e.id} data-testid="timeline-entry" data-kind={e.kind} data-entry={e.id}>
              <td className="nowrap">
                <span data-testid="entry-time">
                  {e.approximate ? '≈ ' : ''}
                  {clockTime(e.at)}
                </span>
                {e.originalAt ? (
                  <span className="muted small block" data-testid="entry-original">
                    first logged {clockTime(e.originalAt)}
                  </span>
                ) : null}
              </td>
              <td className="nowrap">
                <span className={`tag${e.kind === 'alert' ? ' tag-danger' : ''}`}>
                  {e.kind === 'milestone' ? e.milestone : e.kind}
                </span>
              </td>
              <td className="wide pre">
                {e.text}
                {editing === e.id ? (
                  <CorrectTime incident={incident} entry={e} onDone={() => close(e.id)} />
                ) : null}
              </td>
              <td className="nowrap">{e.author}</td>
              {readOnly ? null : (
                <td className="row-actions">
                  <button
                    type="button"
                    className="btn small ghost"
                    ref={(el) => {
                      if (el) buttons.current.set(e.id, el);
                      else buttons.current.delete(e.id);
                    }}
                    aria-expanded={editing === e.id}
                    aria-label={`Correct time of ${e.kind === 'milestone' ? e.milestone : e.kind} at ${clockTime(e.at)}`}
                    onClick={() => setEditing(editing === e.id ? null : e.id)}
                    data-testid="correct-time"
                  >
                    Correct time
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
