import './import.css';

// How far a long import has got: a labelled progress bar (announced politely, not on every
// tick) and what it is doing, with a way to stop it. Shared by the import flows.

interface Props {
  /** "Reading juice-shop.cdx.json". */
  label: string;
  /** "412 of 1,101 components"; empty while the amount is unknown. */
  detail: string;
  /** 0–1, or null while the amount is unknown. */
  fraction: number | null;
  testid: string;
  onCancel(): void;
}

export function ImportProgress({ label, detail, fraction, testid, onCancel }: Props) {
  return (
    <div className="import-progress" data-testid={testid}>
      <div className="import-progress-text" role="status" aria-live="polite">
        <span className="strong">{label}</span> <span className="muted">{detail}</span>
      </div>
      <progress
        aria-label={label}
        max={1}
        // An indeterminate bar until the amount is known.
        {...(fraction === null ? {} : { value: fraction })}
      />
      <button type="button" className="btn small" onClick={onCancel} data-testid={`${testid}-cancel`}>
        Stop
      </button>
    </div>
  );
}
