import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { RecentFile } from '../../shared/contract';
import {
  choosePath,
  createFile,
  isElectron,
  listRecent,
  openFile,
  openSample,
  run,
  saveAs,
} from '../store/actions';
import { useAppStore } from '../store/app-store';
import { OpenFileForm } from './OpenFileForm';

// The file area: everything about which workbook is open, kept out of the editing screens.

function formatWhen(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function RecentList() {
  const path = useAppStore((s) => s.session?.file?.path);
  const [recent, setRecent] = useState<RecentFile[] | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the list changes when the open file does
  useEffect(() => {
    void listRecent().then(setRecent);
  }, [path]);

  if (!recent) return <p className="muted">Loading recent workbooks…</p>;
  if (recent.length === 0) return <p className="muted">No recent workbooks yet.</p>;
  return (
    <ul className="recent-list" data-testid="recent-files">
      {recent.map((r) => (
        <li key={r.path} data-testid="recent-file" className={r.path === path ? 'current' : undefined}>
          <div className="recent-text">
            <span className="recent-name">{r.name}</span>
            <span className="recent-path" title={r.path}>
              {r.path}
            </span>
            <span className="muted small">Opened {formatWhen(r.openedAt)}</span>
          </div>
          {r.path === path ? (
            <span className="pill">Open now</span>
          ) : (
            <button
              type="button"
              className="btn small"
              aria-label={`Open ${r.name}`}
              onClick={() => void openFile(r.path)}
            >
              Open
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

function TextAction(props: {
  label: string;
  testid: string;
  submitLabel: string;
  submitTestid: string;
  initial?: string;
  placeholder?: string;
  focusSerial?: number;
  disabled?: boolean;
  onSubmit(value: string): Promise<boolean>;
  extra?: React.ReactNode;
}) {
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

export function WorkbookScreen() {
  const session = useAppStore((s) => s.session);
  const intent = useAppStore((s) => s.fileIntent);
  const wb = session?.workbook ?? null;
  const file = session?.file ?? null;
  const serial = (kind: string) => (intent?.kind === kind ? intent.serial : undefined);
  const [saveDialog, setSaveDialog] = useState(isElectron);

  const chooseSave = async () => {
    const chosen = await choosePath('save');
    if (chosen === 'unsupported') setSaveDialog(false);
    else if (chosen) await saveAs(chosen);
  };

  // From the menu, Electron goes straight to the native dialog; the field is the fallback.
  const saveSerial = serial('save-as');
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run only when the menu asks again
  useEffect(() => {
    if (saveSerial && saveDialog) void chooseSave();
  }, [saveSerial]);

  const rename = async (name: string) => (await run({ type: 'workbook.rename', name })) !== null;

  return (
    <div className="section-page" data-testid="section-workbook">
      <header className="section-header">
        <p className="eyebrow">Files</p>
        <h1>Workbook &amp; files</h1>
        {wb && file ? (
          <>
            <p className="lead">
              Editing <strong>{wb.name}</strong>
              {file.readOnly ? ' (read-only)' : ''}, saved at:
            </p>
            <p>
              <code className="break">{file.path}</code>
            </p>
          </>
        ) : (
          <p className="lead">
            No workbook is open. Open the sample, a recent workbook, or create a new one.
          </p>
        )}
      </header>

      <div className="card-grid">
        <section className="card" aria-labelledby="wb-open">
          <h2 id="wb-open">Open</h2>
          <OpenFileForm focusSerial={serial('open')} />
          <div className="card-row">
            <button type="button" className="btn" data-testid="open-sample" onClick={() => void openSample()}>
              Open the sample workbook
            </button>
            <span className="muted small">A three-wave CRM migration to explore or copy from.</span>
          </div>
        </section>

        <section className="card" aria-labelledby="wb-new">
          <h2 id="wb-new">New workbook</h2>
          <TextAction
            label="Workbook name"
            testid="new-workbook-name"
            submitLabel="Create"
            submitTestid="create-workbook"
            placeholder="e.g. Payroll cut-over, Q3"
            focusSerial={serial('new')}
            onSubmit={createFile}
          />
        </section>

        {wb ? (
          <section className="card" aria-labelledby="wb-save">
            <h2 id="wb-save">Save a copy as</h2>
            <TextAction
              label="New file path"
              testid="save-as-path"
              submitLabel="Save as"
              submitTestid="save-as-submit"
              placeholder="e.g. /home/me/rollouts/copy.rollout.json"
              focusSerial={saveDialog ? undefined : saveSerial}
              onSubmit={saveAs}
              extra={
                saveDialog ? (
                  <button
                    type="button"
                    className="btn"
                    data-testid="choose-save-path"
                    onClick={() => void chooseSave()}
                  >
                    Choose location…
                  </button>
                ) : null
              }
            />
          </section>
        ) : null}

        {wb ? (
          <section className="card" aria-labelledby="wb-rename">
            <h2 id="wb-rename">Rename</h2>
            <TextAction
              label="Name shown in the header and reports"
              testid="rename-workbook"
              submitLabel="Rename"
              submitTestid="rename-submit"
              initial={wb.name}
              disabled={file?.readOnly}
              onSubmit={rename}
            />
          </section>
        ) : null}

        <section className="card wide" aria-labelledby="wb-recent">
          <h2 id="wb-recent">Recent workbooks</h2>
          <RecentList />
        </section>
      </div>
    </div>
  );
}
