import { type DragEvent, useId, useRef, useState } from 'react';
import './import.css';

// Picking one file to import: a button that opens the file chooser (keyboard and screen reader
// friendly), and the same area as a drop target. Only the File object leaves here; nothing is
// read or sent, so any import flow (SBOMs now, CSV later) decides what reading it means.
// A drop here is stopped before it reaches the window, where a dropped file opens as a workbook.

interface Props {
  /** What to pick, as the button says it ("Choose an SBOM file"). */
  label: string;
  /** One sentence under it: which files, how big. */
  hint: string;
  /** The file chooser's filter (".json,application/json"). */
  accept: string;
  testid: string;
  disabled?: boolean;
  onFile(file: File): void;
}

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

export function FilePicker({ label, hint, accept, testid, disabled = false, onFile }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [over, setOver] = useState(false);

  const take = (files: FileList | null) => {
    const file = files?.[0];
    if (file) onFile(file);
    // The same file can be picked again after a fix (the input only reports changes).
    if (input.current) input.current.value = '';
  };
  const drag = (e: DragEvent, entering: boolean) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.stopPropagation();
    if (!disabled) setOver(entering);
  };

  return (
    <fieldset
      className={`file-picker${over ? ' over' : ''}${disabled ? ' disabled' : ''}`}
      data-testid={testid}
      onDragEnter={(e) => drag(e, true)}
      onDragOver={(e) => drag(e, true)}
      onDragLeave={(e) => drag(e, false)}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.stopPropagation();
        setOver(false);
        if (!disabled) take(e.dataTransfer.files);
      }}
    >
      {/* The drop area is a second way in, never the only one: the button opens the chooser. */}
      <legend className="visually-hidden">{label}</legend>
      <button
        type="button"
        className="btn"
        disabled={disabled}
        aria-describedby={hintId}
        data-testid={`${testid}-button`}
        onClick={() => input.current?.click()}
      >
        {label}
      </button>
      <span id={hintId} className="muted small">
        {hint} You can also drop it here.
      </span>
      <input
        ref={input}
        type="file"
        accept={accept}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        disabled={disabled}
        data-testid={`${testid}-input`}
        onChange={(e) => take(e.target.files)}
      />
    </fieldset>
  );
}
