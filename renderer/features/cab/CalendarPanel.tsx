import { type FormEvent, useId, useState } from 'react';
import { calendarConflicts } from '../../../shared/areas/cab/calendar';
import type { CalendarWindow, PlannedChange } from '../../../shared/areas/cab/schema';
import type { Workbook } from '../../../shared/schema/workbook';
import { newId } from '../../components/collection/draft';
import { useCommand } from '../../components/use-command';
import { formatWhen } from '../../components/when';
import { useAppStore } from '../../store/app-store';
import { fromLocalInput, splitList, toLocalInput } from './local-time';

// The local change calendar: maintenance windows and blackouts, and the other changes already
// planned. Entries are typed in local time. Every clash with this change is listed with the
// rule that found it, and the entry it clashes with is marked in its table.

type Field = { key: string; label: string; kind: 'text' | 'time' | 'list' | 'kind' };

const WINDOW_FIELDS: Field[] = [
  { key: 'kind', label: 'Kind', kind: 'kind' },
  { key: 'label', label: 'Label', kind: 'text' },
  { key: 'start', label: 'From', kind: 'time' },
  { key: 'end', label: 'To', kind: 'time' },
  { key: 'services', label: 'Services (empty: all)', kind: 'list' },
];
const PLANNED_FIELDS: Field[] = [
  { key: 'title', label: 'Change', kind: 'text' },
  { key: 'ref', label: 'Reference', kind: 'text' },
  { key: 'service', label: 'Service', kind: 'text' },
  { key: 'components', label: 'Components', kind: 'list' },
  { key: 'people', label: 'People', kind: 'list' },
  { key: 'start', label: 'From', kind: 'time' },
  { key: 'end', label: 'To', kind: 'time' },
];

type Entry = CalendarWindow | PlannedChange;

function toItem(fields: Field[], draft: Record<string, string>): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const f of fields) {
    const v = draft[f.key] ?? '';
    item[f.key] = f.kind === 'list' ? splitList(v) : f.kind === 'time' ? (fromLocalInput(v) ?? '') : v.trim();
  }
  return item;
}

function draftOf(fields: Field[], entry: Entry | null): Record<string, string> {
  const draft: Record<string, string> = {};
  for (const f of fields) {
    const v = entry ? (entry as unknown as Record<string, unknown>)[f.key] : undefined;
    draft[f.key] =
      f.kind === 'list'
        ? ((v as string[] | undefined) ?? []).join(', ')
        : f.kind === 'time'
          ? toLocalInput((v as string) ?? null)
          : f.kind === 'kind'
            ? ((v as string) ?? 'maintenance')
            : ((v as string) ?? '');
  }
  return draft;
}

interface ListProps {
  wb: Workbook;
  collection: 'cab.windows' | 'cab.planned';
  title: string;
  intro: string;
  fields: Field[];
  entries: readonly Entry[];
  clashing: ReadonlySet<string>;
  labelOf(entry: Entry): string;
}

function CalendarList({ wb, collection, title, intro, fields, entries, clashing, labelOf }: ListProps) {
  const id = useId();
  const readOnly = useAppStore((s) => s.session?.file?.readOnly ?? false);
  const [editing, setEditing] = useState<Entry | 'new' | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const { error, busy, run, clear } = useCommand();
  const open = (entry: Entry | 'new') => {
    clear();
    setEditing(entry);
    setDraft(draftOf(fields, entry === 'new' ? null : entry));
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (editing === null) return;
    const item = toItem(fields, draft);
    const done = () => setEditing(null);
    if (editing === 'new')
      await run(
        {
          type: 'item.add',
          collection,
          item: { id: newId(collection === 'cab.windows' ? 'cw' : 'pc'), ...item },
        },
        done,
      );
    else
      await run(
        {
          type: 'item.update',
          collection,
          id: editing.id,
          item: { id: editing.id, ...item },
          baseRevision: wb.revision,
        },
        done,
      );
  };
  const slug = collection.replace('cab.', '');
  return (
    <section className="collection" aria-labelledby={`${id}-title`} data-testid={`calendar-${slug}`}>
      <div className="collection-head">
        <div>
          <h3 id={`${id}-title`}>{title}</h3>
          <p className="collection-intro">{intro}</p>
        </div>
        <button
          type="button"
          className="btn small"
          disabled={readOnly || editing !== null}
          onClick={() => open('new')}
          data-testid={`add-${slug}`}
        >
          Add
        </button>
      </div>
      {entries.length === 0 ? <p className="collection-empty">None yet.</p> : null}
      <ul className="calendar-entries">
        {entries.map((entry) => (
          <li
            key={entry.id}
            className={clashing.has(entry.id) ? 'clash' : undefined}
            data-testid={`${slug}-entry`}
          >
            <span>
              {clashing.has(entry.id) ? <strong className="tone-text tone-bad">Clashes: </strong> : null}
              {labelOf(entry)} — {formatWhen(entry.start)} to {formatWhen(entry.end)}
            </span>
            <span className="row-actions">
              <button
                type="button"
                className="btn small"
                disabled={readOnly || editing !== null}
                onClick={() => open(entry)}
              >
                Edit
              </button>
              <button
                type="button"
                className="btn small"
                disabled={readOnly || busy}
                onClick={() =>
                  void run({ type: 'item.remove', collection, id: entry.id, baseRevision: wb.revision })
                }
              >
                Delete
              </button>
            </span>
          </li>
        ))}
      </ul>
      {editing !== null ? (
        <form className="item-form" onSubmit={save} noValidate data-testid={`${slug}-form`}>
          <div className="form-grid cab-grid">
            {fields.map((f) => (
              <div className="field" key={f.key}>
                <label htmlFor={`${id}-${f.key}`}>{f.label}</label>
                {f.kind === 'kind' ? (
                  <select
                    id={`${id}-${f.key}`}
                    value={draft[f.key]}
                    onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
                    data-testid={`${slug}-${f.key}`}
                  >
                    <option value="maintenance">Maintenance window</option>
                    <option value="blackout">Blackout</option>
                  </select>
                ) : (
                  <input
                    id={`${id}-${f.key}`}
                    type={f.kind === 'time' ? 'datetime-local' : 'text'}
                    value={draft[f.key] ?? ''}
                    onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
                    data-testid={`${slug}-${f.key}`}
                  />
                )}
              </div>
            ))}
          </div>
          {error ? (
            <p className="form-error" role="alert" data-testid={`${slug}-error`}>
              {error}
            </p>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="btn primary" disabled={busy} data-testid={`${slug}-save`}>
              Save
            </button>
            <button type="button" className="btn" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

export function CalendarPanel({ wb }: { wb: Workbook }) {
  const id = useId();
  const conflicts = calendarConflicts(wb.cab);
  const clashing = new Set(conflicts.map((c) => c.withId).filter((x): x is string => x !== null));
  const hasWindow = wb.cab.change.start !== null && wb.cab.change.end !== null;
  return (
    <section className="collection" aria-labelledby={`${id}-title`} data-testid="calendar">
      <div className="collection-head">
        <div>
          <h2 id={`${id}-title`}>Change calendar</h2>
          <p className="collection-intro">
            {hasWindow
              ? `${conflicts.length === 0 ? 'No conflicts' : `${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'}`} with this change’s window.`
              : 'Set the change’s window to check it against the calendar.'}
          </p>
        </div>
      </div>
      {conflicts.length > 0 ? (
        <ul className="conflicts" data-testid="conflicts">
          {conflicts.map((c) => (
            <li key={`${c.rule}-${c.message}`} data-testid="conflict" data-rule={c.rule}>
              <span className="tone-text tone-bad">
                <span aria-hidden="true">■ </span>
                {c.ruleLabel}:
              </span>{' '}
              {c.message}
            </li>
          ))}
        </ul>
      ) : null}
      <CalendarList
        wb={wb}
        collection="cab.windows"
        title="Maintenance windows and blackouts"
        intro="Changes belong inside a maintenance window; none may touch a blackout."
        fields={WINDOW_FIELDS}
        entries={wb.cab.windows}
        clashing={clashing}
        labelOf={(e) => {
          const w = e as CalendarWindow;
          return `${w.kind === 'blackout' ? 'Blackout' : 'Maintenance'}: ${w.label}${w.services.length > 0 ? ` (${w.services.join(', ')})` : ''}`;
        }}
      />
      <CalendarList
        wb={wb}
        collection="cab.planned"
        title="Other planned changes"
        intro="What else is scheduled: same service, component or person at the same time is a clash."
        fields={PLANNED_FIELDS}
        entries={wb.cab.planned}
        clashing={clashing}
        labelOf={(e) => {
          const p = e as PlannedChange;
          return [p.ref ? `${p.title} (${p.ref})` : p.title, p.service, p.people.join(', ')]
            .filter(Boolean)
            .join(' · ');
        }}
      />
    </section>
  );
}
