import { useState } from 'react';
import type { DrillRun } from '../../../shared/areas/drills/run-schema';
import { useCommand } from '../../components/use-command';

// Strengths or areas for improvement of a drill: add a line, edit one in place, remove one. Each
// move sends the whole list as it should read (one command, one undo).

const TEXT = {
  strengths: { title: 'Strengths', noun: 'strength', placeholder: 'What the room did well' },
  improvements: {
    title: 'Areas for improvement',
    noun: 'area for improvement',
    placeholder: 'What got in the way, or was missing',
  },
} as const;

interface Props {
  run: DrillRun;
  list: 'strengths' | 'improvements';
  locked: boolean;
}

export function NotesList({ run, list, locked }: Props) {
  const items = run[list];
  const text = TEXT[list];
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<{ index: number; text: string } | null>(null);
  const { error, busy, run: send } = useCommand();
  const save = (next: string[], then?: () => void) =>
    void send({ type: 'drill.set-list', runId: run.id, list, items: next }, then);

  return (
    <section className="notes-list" data-testid={`drill-${list}`} aria-labelledby={`${list}-heading`}>
      <h3 id={`${list}-heading`}>{text.title}</h3>
      {items.length === 0 ? <p className="muted">None recorded yet.</p> : null}
      <ul>
        {items.map((item, i) =>
          editing?.index === i ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines are plain text and may repeat
            <li key={i} className="note-edit">
              <label className="visually-hidden" htmlFor={`${list}-edit-${i}`}>
                Edit this {text.noun}
              </label>
              <input
                id={`${list}-edit-${i}`}
                data-testid="note-edit"
                value={editing.text}
                maxLength={1000}
                onChange={(e) => setEditing({ index: i, text: e.target.value })}
              />
              <button
                type="button"
                className="btn small primary"
                disabled={busy}
                onClick={() =>
                  save(
                    items.map((x, j) => (j === i ? editing.text : x)),
                    () => setEditing(null),
                  )
                }
              >
                Save
              </button>
              <button type="button" className="btn small" onClick={() => setEditing(null)}>
                Cancel
              </button>
            </li>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines are plain text and may repeat
            <li key={i}>
              <span>{item}</span>
              <span className="row-actions">
                <button
                  type="button"
                  className="btn small"
                  disabled={locked}
                  aria-label={`Edit ${text.noun}: ${item}`}
                  onClick={() => setEditing({ index: i, text: item })}
                >
                  Edit
                </button>
                <button
                  type="button"
                  className="btn small danger"
                  disabled={locked || busy}
                  aria-label={`Remove ${text.noun}: ${item}`}
                  onClick={() => save(items.filter((_, j) => j !== i))}
                >
                  Remove
                </button>
              </span>
            </li>
          ),
        )}
      </ul>
      <form
        className="note-add"
        onSubmit={(e) => {
          e.preventDefault();
          save([...items, draft], () => setDraft(''));
        }}
      >
        <label className="visually-hidden" htmlFor={`${list}-new`}>
          New {text.noun}
        </label>
        <input
          id={`${list}-new`}
          data-testid="note-new"
          value={draft}
          placeholder={text.placeholder}
          maxLength={1000}
          disabled={locked}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="btn" data-testid="note-add" disabled={locked || busy}>
          Add
        </button>
      </form>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
