import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { FORM_ERROR } from './draft';
import { FieldControl } from './FieldControl';
import type { Draft, FieldDescriptor, FieldErrors } from './field-types';

interface Props {
  fields: readonly FieldDescriptor[];
  initial: Draft;
  /** Accessible name of the form, e.g. "Edit stop condition 'ERP order sync lag'". */
  label: string;
  submitLabel: string;
  disabled?: boolean;
  /** The item changed (another window, an undo) since the form opened: offer to reload it. */
  changedElsewhere?: boolean;
  onReload?(): void;
  /** Resolves to null when saved, or to the errors to show inline. */
  onSubmit(draft: Draft): Promise<FieldErrors | null>;
  onCancel(): void;
}

type FieldElement = HTMLInputElement & HTMLSelectElement & HTMLTextAreaElement;

/** The add/edit form: Enter saves, Escape cancels, errors sit beside the fields they concern. */
export function ItemForm(props: Props) {
  const { fields, initial, label, submitLabel, disabled, changedElsewhere, onReload, onSubmit, onCancel } =
    props;
  const idBase = useId();
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const refs = useRef(new Map<string, FieldElement>());

  useEffect(() => {
    const first = fields[0];
    if (first) refs.current.get(first.key)?.focus();
  }, [fields]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await onSubmit(draft).finally(() => setBusy(false));
    if (!result) return;
    setErrors(result);
    // Put the user where the first problem is, so its message is read out with the field.
    const firstBad = fields.find((f) => result[f.key]);
    if (firstBad) refs.current.get(firstBad.key)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    }
  };

  return (
    <form
      className="item-form"
      data-testid="item-form"
      aria-label={label}
      noValidate
      onSubmit={submit}
      onKeyDown={onKeyDown}
    >
      {changedElsewhere && onReload ? (
        <div className="form-warning" role="alert" data-testid="changed-elsewhere">
          <p>
            Someone changed this item after you started editing it. Your text is still here, but saving it
            would overwrite their change, so it will be refused. Reload the item to see what they did.
          </p>
          <button type="button" className="btn small" data-testid="reload-item" onClick={onReload}>
            Reload the item
          </button>
        </div>
      ) : null}
      <div className="form-grid">
        {fields.map((f) => (
          <FieldControl
            key={f.key}
            field={f}
            idBase={idBase}
            value={draft[f.key] ?? ''}
            error={errors[f.key]}
            onChange={(v) => {
              setDraft((d) => ({ ...d, [f.key]: v }));
              // A fixed field should stop shouting; other errors stay until the next save.
              if (errors[f.key]) setErrors(({ [f.key]: _gone, ...rest }) => rest);
            }}
            inputRef={(el: FieldElement | null) => {
              if (el) refs.current.set(f.key, el);
              else refs.current.delete(f.key);
            }}
          />
        ))}
      </div>
      {errors[FORM_ERROR] ? (
        <p className="form-error" role="alert" data-testid="form-error">
          {errors[FORM_ERROR]}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn primary" data-testid="save-item" disabled={disabled || busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="btn" data-testid="cancel-item" onClick={onCancel}>
          Cancel
        </button>
        <span className="form-keys" aria-hidden="true">
          Enter to save · Esc to cancel
        </span>
      </div>
    </form>
  );
}
