import { useEffect, useRef, useState } from 'react';
import type { RecentFile } from '../../../shared/contract';
import { TextAction } from '../../components/TextAction';
import { formatWhen } from '../../components/when';
import {
  createFile,
  listRecent,
  openFile,
  openLocalFile,
  openSample,
  openWithDialog,
  run,
  saveWithDialog,
} from '../../store/actions';
import { useAppStore } from '../../store/app-store';
import { FileBrowser } from './FileBrowser';
import { SaveAsForm } from './SaveAsForm';

// The file area: everything about which workbook is open, kept out of the editing screens.

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
        <li key={r.id} data-testid="recent-file" className={r.path === path ? 'current' : undefined}>
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
              onClick={() => void openFile(r.id)}
            >
              Open
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Picks a workbook file from this computer; the same as dropping it on the window. */
function UploadCard() {
  const input = useRef<HTMLInputElement>(null);
  const dialogs = useAppStore((s) => s.session?.dialogs ?? false);
  return (
    <section className="card" aria-labelledby="wb-upload">
      <h2 id="wb-upload">
        {dialogs ? 'Open a file from this computer' : 'Add a workbook from this computer'}
      </h2>
      <p className="muted small">
        {dialogs
          ? 'Choose a .rollout.json file, or drag one onto the window.'
          : 'Choose a .rollout.json file, or drag one onto the window. It is checked, then kept as a copy in your workbooks folder; the original is not changed.'}
      </p>
      <div className="card-row">
        {dialogs ? (
          <button
            type="button"
            className="btn primary"
            data-testid="open-dialog"
            onClick={() => void openWithDialog()}
          >
            Choose a file…
          </button>
        ) : (
          <>
            <input
              ref={input}
              type="file"
              accept=".json,application/json"
              className="visually-hidden"
              data-testid="upload-input"
              tabIndex={-1}
              aria-hidden="true"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void openLocalFile(file);
              }}
            />
            <button
              type="button"
              className="btn primary"
              data-testid="upload"
              onClick={() => input.current?.click()}
            >
              Choose a file…
            </button>
          </>
        )}
      </div>
    </section>
  );
}

export function FilesScreen() {
  const session = useAppStore((s) => s.session);
  const intent = useAppStore((s) => s.fileIntent);
  const wb = session?.workbook ?? null;
  const file = session?.file ?? null;
  const serial = (kind: string) => (intent?.kind === kind ? intent.serial : undefined);

  // From the menu, the desktop app goes straight to the native dialogs.
  const openSerial = serial('open');
  const saveSerial = serial('save-as');
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run only when the menu asks again
  useEffect(() => {
    if (openSerial && session?.dialogs) void openWithDialog();
  }, [openSerial]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run only when the menu asks again
  useEffect(() => {
    if (saveSerial && session?.dialogs) void saveWithDialog();
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
              <code className="break" data-testid="open-path">
                {file.path}
              </code>
            </p>
          </>
        ) : (
          <p className="lead">
            No workbook is open. Open one below, start from the sample, or create a new one.
          </p>
        )}
      </header>

      <div className="card-grid">
        <section className="card wide" aria-labelledby="wb-open">
          <h2 id="wb-open">Open a workbook</h2>
          <FileBrowser />
          <div className="card-row">
            <button type="button" className="btn" data-testid="open-sample" onClick={() => void openSample()}>
              Open the sample workbook
            </button>
            <span className="muted small">A three-wave CRM migration to explore or copy from.</span>
          </div>
        </section>

        <UploadCard />

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

        {wb ? <SaveAsForm focusSerial={session?.dialogs ? undefined : saveSerial} /> : null}

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
