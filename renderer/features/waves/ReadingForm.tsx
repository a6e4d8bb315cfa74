import { type FormEvent, useId, useState } from 'react';
import type { Metric, Wave } from '../../../shared/areas/waves/schema';
import { newId } from '../../components/collection/draft';
import { useCommand } from '../../components/use-command';
import { useNow } from '../../components/use-now';

// Typing a reading in, as it is read off a dashboard. The host checks it (a number, inside the
// wave's life, not a duplicate) and says where it is wrong; the form keeps what was typed.

/** "2026-12-01T14:02" in local time, for a datetime-local field. */
function localInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

type Errors = Partial<Record<'metricId' | 'value' | 'at' | 'form', string>>;

export function ReadingForm({ wave, metrics }: { wave: Wave; metrics: readonly Metric[] }) {
  const id = useId();
  const [metricId, setMetricId] = useState(metrics[0]?.id ?? '');
  const [value, setValue] = useState('');
  // "Read at" follows the clock until someone types a time of their own: a form left open
  // for an hour must not record its readings an hour late.
  const now = useNow(15_000);
  const [typedAt, setTypedAt] = useState<string | null>(null);
  const at = typedAt ?? localInput(now);
  const [source, setSource] = useState('');
  // What the form checks itself, several fields at once; then the host's one refusal, shown
  // beside the field it names.
  const [checked, setChecked] = useState<Errors>({});
  const { error, where, busy, run, clear } = useCommand();
  const hostKey = where === 'at' || where === 'value' || where === 'metricId' ? where : 'form';
  const errors: Errors = error ? { ...checked, [hostKey]: error } : checked;
  const metric = metrics.find((m) => m.id === metricId);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: Errors = {};
    const number = Number(value.trim());
    if (!metricId) next.metricId = 'Pick the metric this reading is of';
    if (value.trim() === '' || !Number.isFinite(number)) next.value = 'The value must be a number, like 2.4';
    const when = typedAt === null ? Date.now() : Date.parse(typedAt);
    if (Number.isNaN(when)) next.at = 'Give the time it was read';
    setChecked(next);
    if (Object.keys(next).length > 0) return clear();
    await run(
      {
        type: 'wave.reading-add',
        id: newId('rd'),
        waveId: wave.id,
        metricId,
        at: new Date(when).toISOString(),
        value: number,
        source: source.trim(),
      },
      // The next reading may be typed while this one is on its way: clear only what was sent.
      () => {
        setValue((now) => (now === value ? '' : now));
        setTypedAt((now) => (now === typedAt ? null : now));
      },
    );
  };

  const field = (key: keyof Errors) => ({
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': errors[key] ? `${id}-${key}-error` : undefined,
  });
  const errorText = (key: keyof Errors) =>
    errors[key] ? (
      <p id={`${id}-${key}-error`} className="field-error" data-testid={`reading-error-${key}`}>
        {errors[key]}
      </p>
    ) : null;

  return (
    <form
      className="reading-form"
      onSubmit={submit}
      noValidate
      aria-label={`Record a reading for ${wave.name}`}
      data-testid="reading-form"
    >
      <div className="field">
        <label htmlFor={`${id}-metric`}>Metric</label>
        <select
          id={`${id}-metric`}
          data-testid="reading-metric"
          value={metricId}
          onChange={(e) => setMetricId(e.target.value)}
          {...field('metricId')}
        >
          {metrics.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
        {errorText('metricId')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-value`}>Value{metric?.unit ? ` (${metric.unit})` : ''}</label>
        <input
          id={`${id}-value`}
          data-testid="reading-value"
          inputMode="decimal"
          autoComplete="off"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          {...field('value')}
        />
        {errorText('value')}
      </div>
      <div className="field when">
        <label htmlFor={`${id}-at`}>Read at</label>
        <input
          id={`${id}-at`}
          data-testid="reading-at"
          type="datetime-local"
          value={at}
          onChange={(e) => setTypedAt(e.target.value)}
          {...field('at')}
        />
        {errorText('at')}
      </div>
      <div className="field grow">
        <label htmlFor={`${id}-source`}>Source</label>
        <input
          id={`${id}-source`}
          data-testid="reading-source"
          autoComplete="off"
          value={source}
          placeholder={metric?.source || 'e.g. Grafana'}
          onChange={(e) => setSource(e.target.value)}
        />
      </div>
      <button
        type="submit"
        className="btn primary"
        data-testid="reading-submit"
        disabled={busy || metrics.length === 0}
      >
        Record
      </button>
      {errorText('form')}
    </form>
  );
}
