import { useId } from 'react';

// One labelled text box: a line, or with `rows` a few lines. The label is tied to the box, and an
// error marks it invalid and is read out with it, so every form says where it is wrong the same way.

interface Props {
  label: string;
  testid: string;
  value: string;
  onChange(value: string): void;
  rows?: number;
  placeholder?: string;
  maxLength?: number;
  /** Shown under the box and tied to it; its test id is `<testid>-error`. */
  error?: string | null;
}

export function TextField({ label, testid, value, onChange, rows, placeholder, maxLength, error }: Props) {
  const id = useId();
  const common = {
    id,
    'data-testid': testid,
    value,
    placeholder,
    maxLength,
    autoComplete: 'off',
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {rows ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} onChange={(e) => onChange(e.target.value)} />
      )}
      {error ? (
        <p id={`${id}-error`} className="field-error" data-testid={`${testid}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
