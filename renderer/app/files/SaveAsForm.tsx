import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { FolderEntry } from '../../../shared/contract';
import { toBridgeError } from '../../bridge';
import { listFolders, saveAs, saveWithDialog } from '../../store/actions';
import { useAppStore } from '../../store/app-store';

// Save a copy as: a bare file name in one of the folders the host offers. The host checks the
// name and refuses to replace an existing file unless the user says so here.

export function SaveAsForm({ focusSerial }: { focusSerial: number | undefined }) {
  const id = useId();
  const dialogs = useAppStore((s) => s.session?.dialogs ?? false);
  const [folders, setFolders] = useState<FolderEntry[]>([]);
  const [folderId, setFolderId] = useState('workbooks');
  const [fileName, setFileName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [replace, setReplace] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void listFolders().then((f) => setFolders(f ?? []));
  }, []);
  useEffect(() => {
    if (focusSerial) nameRef.current?.focus();
  }, [focusSerial]);

  const save = async (overwrite: boolean) => {
    if (busy || !fileName.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await saveAs({ folderId, fileName, overwrite });
      setReplace(null);
      setFileName('');
    } catch (err) {
      const e = toBridgeError(err);
      if (e.code === 'exists') setReplace(e.message);
      else setError(e.message);
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(false);
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Save a copy as</h2>
      <form className="inline-form" onSubmit={submit} noValidate>
        <label htmlFor={`${id}-folder`}>Folder</label>
        <select
          id={`${id}-folder`}
          data-testid="save-as-folder"
          value={folderId}
          onChange={(e) => setFolderId(e.target.value)}
        >
          {folders.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label} ({f.path})
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-name`}>File name</label>
        <div className="input-row">
          <input
            id={`${id}-name`}
            ref={nameRef}
            data-testid="save-as-name"
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={fileName}
            placeholder="e.g. crm-migration-copy"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
            onChange={(e) => {
              setFileName(e.target.value);
              setError(null);
              setReplace(null);
            }}
          />
          <button
            type="submit"
            className="btn primary"
            data-testid="save-as-submit"
            disabled={busy || !fileName.trim()}
          >
            Save as
          </button>
          {dialogs ? (
            <button
              type="button"
              className="btn"
              data-testid="save-dialog"
              onClick={() => void saveWithDialog()}
            >
              Choose location…
            </button>
          ) : null}
        </div>
        <p id={`${id}-hint`} className="field-hint">
          .rollout.json is added for you. The copy becomes the open workbook.
        </p>
        {error ? (
          <p id={`${id}-error`} className="field-error" data-testid="save-as-error">
            {error}
          </p>
        ) : null}
        {replace ? (
          <div className="form-warning" role="alert" data-testid="save-as-exists">
            <p>{replace}</p>
            <button
              type="button"
              className="btn small danger"
              data-testid="save-as-replace"
              onClick={() => void save(true)}
            >
              Replace it
            </button>
          </div>
        ) : null}
      </form>
    </section>
  );
}
