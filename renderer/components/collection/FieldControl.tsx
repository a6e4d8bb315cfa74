import type { KeyboardEvent, Ref } from 'react';
import { useAppStore } from '../../store/app-store';
import type { FieldDescriptor } from './field-types';

interface Props {
  field: FieldDescriptor;
  /** Unique per form, so two open forms never share element ids. */
  idBase: string;
  value: string;
  error: string | undefined;
  onChange(value: string): void;
  inputRef?: Ref<HTMLInputElement & HTMLSelectElement & HTMLTextAreaElement>;
}

const SIZE_CLASS = { sm: 'span-sm', md: 'span-md', lg: 'span-lg', xl: 'span-xl', full: 'span-full' } as const;

/** One labelled field with its hint and its inline error, wired up for screen readers. */
export function FieldControl({ field, idBase, value, error, onChange, inputRef }: Props) {
  const id = `${idBase}-${field.key}`;
  const hintId = field.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: field.key,
    'data-testid': `field-${field.key}`,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': field.required ? true : undefined,
    ref: inputRef,
  };

  const wb = useAppStore((s) => s.session?.workbook);
  const options = field.optionsFrom && wb ? field.optionsFrom(wb) : (field.options ?? []);

  if (field.kind === 'multi')
    return <MultiControl {...{ field, id, value, error, errorId, hintId, options, onChange }} />;
  if (field.kind === 'boolean') {
    return (
      <div className={`field ${SIZE_CLASS[field.size ?? 'md']} field-check${error ? ' has-error' : ''}`}>
        <label className="check">
          <input
            {...common}
            type="checkbox"
            checked={value === 'true'}
            onChange={(e) => onChange(e.target.checked ? 'true' : 'false')}
          />
          {field.label}
        </label>
        <HintAndError field={field} hintId={hintId} error={error} errorId={errorId} />
      </div>
    );
  }

  let control: React.ReactNode;
  switch (field.kind) {
    case 'select':
      control = (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
      break;
    case 'longtext':
      control = (
        <textarea
          {...common}
          rows={2}
          value={value}
          placeholder={field.placeholder}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={submitOnEnter}
        />
      );
      break;
    default:
      control = (
        <input
          {...common}
          type={field.kind === 'date' ? 'date' : field.kind === 'datetime' ? 'datetime-local' : 'text'}
          // Text with a decimal keyboard rather than type=number: a mistyped value stays visible
          // next to its error instead of silently becoming empty.
          inputMode={field.kind === 'number' ? 'decimal' : undefined}
          autoComplete="off"
          value={value}
          placeholder={field.placeholder}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }

  return (
    <div className={`field ${SIZE_CLASS[field.size ?? 'md']}${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {field.label}
        {field.required ? (
          <span className="required-mark" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {control}
      <HintAndError field={field} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

/** The line of help under a field and its inline error, tied to it by id. */
function HintAndError(props: {
  field: FieldDescriptor;
  hintId?: string | undefined;
  error?: string | undefined;
  errorId?: string | undefined;
}) {
  const { field, hintId, error, errorId } = props;
  return (
    <>
      {field.hint ? (
        <p id={hintId} className="field-hint">
          {field.hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error" data-testid={`error-${field.key}`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

/** In a multi-line field Enter still submits, as everywhere else; Shift+Enter adds a line. */
function submitOnEnter(e: KeyboardEvent<HTMLTextAreaElement>) {
  if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
    e.preventDefault();
    e.currentTarget.form?.requestSubmit();
  }
}

interface MultiProps {
  field: Props['field'];
  id: string;
  value: string;
  error: string | undefined;
  errorId: string | undefined;
  hintId: string | undefined;
  options: readonly { value: string; label: string }[];
  onChange(value: string): void;
}

/** Any number of options, as a labelled group of checkboxes (the value is a comma-joined list). */
function MultiControl({ field, id, value, error, errorId, hintId, options, onChange }: MultiProps) {
  const chosen = new Set(value ? value.split(',') : []);
  const toggle = (option: string, on: boolean) => {
    const next = options.map((o) => o.value).filter((v) => (v === option ? on : chosen.has(v)));
    onChange(next.join(','));
  };
  return (
    <fieldset
      className={`field multi span-full${error ? ' has-error' : ''}`}
      data-testid={`field-${field.key}`}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
    >
      <legend>{field.label}</legend>
      {options.length === 0 ? <p className="muted small">Nothing to choose from yet.</p> : null}
      <div className="multi-options">
        {options.map((o) => (
          <label key={o.value} className="check">
            <input
              type="checkbox"
              id={`${id}-${o.value}`}
              value={o.value}
              checked={chosen.has(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            {o.label}
          </label>
        ))}
      </div>
      <HintAndError field={field} hintId={hintId} error={error} errorId={errorId} />
    </fieldset>
  );
}
