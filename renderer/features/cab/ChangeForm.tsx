import { type FormEvent, useEffect, useId, useState } from 'react';
import { CHANGE_TYPES, type Change } from '../../../shared/areas/cab/schema';
import type { Workbook } from '../../../shared/schema/workbook';
import { useCommand } from '../../components/use-command';
import { formatWhen } from '../../components/when';
import { useAppStore } from '../../store/app-store';
import { fromLocalInput, splitList, toLocalInput } from './local-time';

// The change record: what changes, for whom, on which service and components, who carries it
// out, and its implementation window. Lead time counts from when it was first written down,
// which the app records and nobody edits.

const TYPE_LABEL: Record<Change['type'], string> = {
  standard: 'Standard (pre-approved)',
  normal: 'Normal',
  emergency: 'Emergency',
};

type Draft = Record<
  'type' | 'title' | 'summary' | 'audience' | 'service' | 'components' | 'implementers' | 'start' | 'end',
  string
> & {
  critical: boolean;
};

const draftOf = (c: Change): Draft => ({
  type: c.type,
  title: c.title,
  summary: c.summary,
  audience: c.audience,
  service: c.service,
  components: c.components.join(', '),
  implementers: c.implementers.join(', '),
  start: toLocalInput(c.start),
  end: toLocalInput(c.end),
  critical: c.critical,
});

export function ChangeForm({ wb }: { wb: Workbook }) {
  const id = useId();
  const readOnly = useAppStore((s) => s.session?.file?.readOnly ?? false);
  const change = wb.cab.change;
  const [draft, setDraft] = useState<Draft>(() => draftOf(change));
  const [dirty, setDirty] = useState(false);
  const { error, where, busy, run } = useCommand();
  // Someone else's edit shows here unless this form has unsaved typing of its own.
  useEffect(() => {
    if (!dirty) setDraft(draftOf(change));
  }, [change, dirty]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setDirty(true);
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    await run(
      {
        type: 'cab.change-update',
        change: {
          type: draft.type as Change['type'],
          title: draft.title.trim(),
          summary: draft.summary.trim(),
          audience: draft.audience.trim(),
          service: draft.service.trim(),
          components: splitList(draft.components),
          implementers: splitList(draft.implementers),
          critical: draft.critical,
          start: fromLocalInput(draft.start),
          end: fromLocalInput(draft.end),
        },
        baseRevision: wb.revision,
      },
      () => setDirty(false),
    );
  };
  const fieldError = (key: string) =>
    error && (where === key || where.startsWith(`change.${key}`) || where.startsWith(`${key}[`))
      ? error
      : null;
  const text = (
    key: 'title' | 'service' | 'components' | 'implementers' | 'audience',
    label: string,
    hint?: string,
  ) => (
    <div className={key === 'service' ? 'field' : 'field span-2'}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        value={draft[key]}
        disabled={readOnly}
        onChange={(e) => set(key, e.target.value)}
        aria-describedby={hint ? `${id}-${key}-hint` : undefined}
        data-testid={`change-${key}`}
      />
      {hint ? (
        <p id={`${id}-${key}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
  const time = (key: 'start' | 'end', label: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type="datetime-local"
        value={draft[key]}
        disabled={readOnly}
        onChange={(e) => set(key, e.target.value)}
        aria-invalid={fieldError(key) ? true : undefined}
        aria-describedby={fieldError(key) ? `${id}-${key}-error` : undefined}
        data-testid={`change-${key}`}
      />
      {fieldError(key) ? (
        <p id={`${id}-${key}-error`} className="field-error" data-testid={`change-${key}-error`}>
          {fieldError(key)}
        </p>
      ) : null}
    </div>
  );

  return (
    <form
      className="collection change-form"
      onSubmit={save}
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="change-form"
    >
      <div className="collection-head">
        <div>
          <h2 id={`${id}-title`}>The change</h2>
          <p className="collection-intro">
            {change.raisedAt
              ? `Raised ${formatWhen(change.raisedAt)}: lead time counts from then.`
              : 'Lead time counts from the first time this record is saved.'}
          </p>
        </div>
      </div>
      <div className="form-grid cab-grid">
        <div className="field">
          <label htmlFor={`${id}-type`}>Change type</label>
          <select
            id={`${id}-type`}
            value={draft.type}
            disabled={readOnly}
            onChange={(e) => set('type', e.target.value)}
            data-testid="change-type"
          >
            {CHANGE_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABEL[t]}
              </option>
            ))}
          </select>
        </div>
        {text('title', 'Title')}
        <div className="field span-full">
          <label htmlFor={`${id}-summary`}>What changes</label>
          <textarea
            id={`${id}-summary`}
            rows={2}
            value={draft.summary}
            disabled={readOnly}
            onChange={(e) => set('summary', e.target.value)}
            data-testid="change-summary"
          />
        </div>
        {text('audience', 'Who is affected')}
        {text('service', 'Service')}
        <label className="check critical-check">
          <input
            type="checkbox"
            checked={draft.critical}
            disabled={readOnly}
            onChange={(e) => set('critical', e.target.checked)}
            data-testid="change-critical"
          />
          A critical service
        </label>
        {text('components', 'Components', 'Separate them with commas.')}
        {text(
          'implementers',
          'Who carries it out',
          'Names, separated by commas: checked for double bookings.',
        )}
        {time('start', 'Window opens')}
        {time('end', 'Window closes')}
      </div>
      {error && !fieldError('start') && !fieldError('end') ? (
        <p className="form-error" role="alert" data-testid="change-error">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button
          type="submit"
          className="btn primary"
          disabled={readOnly || busy || !dirty}
          data-testid="change-save"
        >
          Save the change record
        </button>
        {dirty ? <span className="muted small">Unsaved changes</span> : null}
      </div>
    </form>
  );
}
