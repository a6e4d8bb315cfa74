import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { choosePath, isElectron, openFile } from '../store/actions';

interface Props {
  /** Moves focus here (or opens the native dialog) when the menu asks to open a file. */
  focusSerial?: number;
}

/**
 * Open by path. In Electron the native dialog comes first; if the shell says it has none
 * ('unsupported'), the path field is the way in, and it is always there for pasted paths.
 */
export function OpenFileForm({ focusSerial }: Props) {
  const id = useId();
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [dialogOk, setDialogOk] = useState(isElectron);
  const inputRef = useRef<HTMLInputElement>(null);

  const browse = async () => {
    const chosen = await choosePath('open');
    if (chosen === 'unsupported') {
      setDialogOk(false);
      inputRef.current?.focus();
      return;
    }
    if (chosen) await openFile(chosen);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run only when the menu asks again
  useEffect(() => {
    if (!focusSerial) return;
    if (dialogOk) void browse();
    else inputRef.current?.focus();
  }, [focusSerial]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!path.trim() || busy) return;
    setBusy(true);
    const ok = await openFile(path.trim()).finally(() => setBusy(false));
    if (ok) setPath('');
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label="Open a workbook by path">
      <label htmlFor={`${id}-path`}>Path to a .rollout.json file</label>
      <div className="input-row">
        <input
          id={`${id}-path`}
          ref={inputRef}
          data-testid="open-path"
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={path}
          placeholder="e.g. /home/me/rollouts/crm-migration.rollout.json"
          onChange={(e) => setPath(e.target.value)}
        />
        <button
          type="submit"
          className="btn primary"
          data-testid="open-path-submit"
          disabled={busy || !path.trim()}
        >
          Open
        </button>
        {dialogOk ? (
          <button type="button" className="btn" data-testid="choose-open-path" onClick={() => void browse()}>
            Choose file…
          </button>
        ) : null}
      </div>
    </form>
  );
}
