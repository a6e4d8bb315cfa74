import { type DragEvent, useEffect, useId, useRef } from 'react';
import type { ImportKindId } from '../../shared/import/kinds';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { useImport } from './use-import';
import './import.css';

// The one CSV import dialog, for every import kind: pick or drop a file, see how it was read,
// map its columns, preview, confirm. Escape or Cancel at any step before the confirm leaves the
// workbook exactly as it was.

const PHASE = {
  reading: 'Reading',
  parsing: 'Splitting into rows',
  checking: 'Checking every row of',
} as const;

export function ImportDialog({
  kind: kindId,
  title,
  open,
  onClose,
}: {
  kind: ImportKindId;
  title: string;
  open: boolean;
  onClose: () => void;
}) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const api = useImport(kindId);
  const { flow, kind } = api;

  // biome-ignore lint/correctness/useExhaustiveDependencies: open is the trigger; reset once per opening
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      api.reset();
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // Each step announces itself: focus moves to its heading, as a new page's would.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the step is the trigger
  useEffect(() => {
    if (open && flow.step !== 'pick') headingRef.current?.focus();
  }, [flow.step]);

  const close = () => {
    if (flow.step === 'importing') return; // sent: its answer is on its way
    api.reset();
    onClose();
  };

  // A file dropped anywhere on the dialog is the file to import, never a workbook to open.
  const onDrag = (e: DragEvent) => {
    if (!Array.from(e.dataTransfer.types).includes('Files')) return;
    e.preventDefault();
    e.stopPropagation();
    if (e.type === 'drop' && flow.step === 'pick') {
      const file = e.dataTransfer.files[0];
      if (file) api.pick(file);
    }
  };

  const heading = {
    pick: title,
    reading: `${title}: reading the file`,
    refused: `${title}: this file cannot be imported`,
    map: `${title}: how the file is laid out`,
    preview: `${title}: preview`,
    importing: `${title}: importing`,
    done: `${title}: done`,
  }[flow.step];
  const percent = Math.round((flow.progress?.done ?? 0) * 100);

  return (
    <dialog
      ref={ref}
      className="modal import-dialog"
      aria-labelledby={`${id}-title`}
      data-testid="import-dialog"
      data-step={flow.step}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      onDragEnter={onDrag}
      onDragOver={onDrag}
      onDragLeave={onDrag}
      onDrop={onDrag}
    >
      <div className="import-head">
        <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1} data-testid="import-heading">
          {heading}
        </h2>
        {flow.step !== 'importing' ? (
          <button type="button" className="btn ghost" data-testid="import-cancel" onClick={close}>
            {flow.step === 'done' ? 'Close' : 'Cancel'}
          </button>
        ) : null}
      </div>

      {flow.step === 'pick' ? (
        <div className="import-pick" data-testid="import-pick">
          <p>
            Choose a CSV file of {kind.nouns} exported from a dashboard or a spreadsheet: UTF-8 text, its
            columns separated by semicolons, commas or tabs. Nothing is imported until you have seen the
            preview and confirmed it.
          </p>
          <label className="drop-zone" htmlFor={`${id}-file`}>
            <span className="strong">Choose a file</span>
            <span className="muted">or drop it here</span>
            <input
              id={`${id}-file`}
              type="file"
              accept=".csv,.tsv,.txt,text/csv,text/plain"
              data-testid="import-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) api.pick(file);
              }}
            />
          </label>
        </div>
      ) : null}

      {flow.step === 'reading' ? (
        <div className="import-progress" data-testid="import-progress">
          <label htmlFor={`${id}-progress`}>
            {PHASE[flow.progress?.phase ?? 'reading']} {flow.facts?.name ?? 'the file'}: {percent}%
          </label>
          <progress id={`${id}-progress`} max={100} value={percent} />
          <p className="muted small">Large files are read in the background; you can cancel at any time.</p>
        </div>
      ) : null}

      {flow.step === 'refused' ? (
        <div className="import-refused">
          <p className="form-error" role="alert" data-testid="import-refused">
            {flow.message}
          </p>
          <div className="form-actions">
            <button type="button" className="btn primary" onClick={api.reset}>
              Choose another file
            </button>
          </div>
        </div>
      ) : null}

      {flow.step === 'map' ? <MappingStep api={api} /> : null}
      {flow.step === 'preview' || flow.step === 'importing' ? <PreviewStep api={api} /> : null}

      {flow.step === 'done' ? (
        <div className="import-done" data-testid="import-done">
          <p role="status">
            Imported {flow.imported.toLocaleString()} {flow.imported === 1 ? kind.noun : kind.nouns} from{' '}
            {flow.facts?.name}. The import is listed under Imports on this page and in History, where it can
            be taken back as a whole. The mapping is remembered for the next export of this dashboard.
          </p>
          <div className="form-actions">
            <button type="button" className="btn primary" data-testid="import-close" onClick={close}>
              Close
            </button>
            <button type="button" className="btn" onClick={api.reset}>
              Import another file
            </button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
