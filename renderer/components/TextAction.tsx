import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';

interface Props {
  label: string;
  testid: string;
  submitLabel: string;
  submitTestid: string;
  initial?: string;
  placeholder?: string;
  /** Focuses the field when it changes (a menu item asked for this form). */
  focusSerial?: number | undefined;
  disabled?: boolean;
  /** Resolves true when done (the field then clears, unless it edits an existing value). */
  onSubmit(value: string): Promise<boolean>;
  extra?: ReactNode;
}

/** One labelled text field with its submit button: name a workbook, rename it, and so on. */
export function TextAction(props: Props) {
  const id = useId();
  const [value, setValue] = useState(props.initial ?? '');
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (props.focusSerial) ref.current?.focus();
  }, [props.focusSerial]);
  useEffect(() => setValue(props.initial ?? ''), [props.initial]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!value.trim() || busy) return;
    setBusy(true);
    const ok = await props.onSubmit(value.trim()).finally(() => setBusy(false));
    if (ok && props.initial === undefined) setValue('');
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <label htmlFor={id}>{props.label}</label>
      <div className="input-row">
        <input
          id={id}
          ref={ref}
          data-testid={props.testid}
          type="text"
          autoComplete="off"
          value={value}
          placeholder={props.placeholder}
          disabled={props.disabled}
          onChange={(e) => setValue(e.target.value)}
        />
        <button
          type="submit"
          className="btn primary"
          data-testid={props.submitTestid}
          disabled={busy || props.disabled || !value.trim()}
        >
          {props.submitLabel}
        </button>
        {props.extra}
      </div>
    </form>
  );
}
