import { useCallback, useEffect, useState } from 'react';
import type { FolderEntry } from '../../../shared/contract';
import { formatBytes } from '../../../shared/domain/format';
import { formatWhen } from '../../components/when';
import { listFolders, openFile } from '../../store/actions';
import { useAppStore } from '../../store/app-store';

// The host's file browser: every workbook in the workbooks folder and in folders allowed when
// the app started. Files are opened by the ids the host gave out; the page never names a path.

export function FileBrowser() {
  const path = useAppStore((s) => s.session?.file?.path ?? null);
  const revision = useAppStore((s) => s.session?.workbook?.revision);
  const [folders, setFolders] = useState<FolderEntry[] | null>(null);
  const refresh = useCallback(() => {
    void listFolders().then((f) => setFolders(f ?? []));
  }, []);
  // Re-read when the open file changes (a Save As adds a file) or is renamed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: path and revision are the triggers
  useEffect(refresh, [path, revision === 0]);

  if (!folders) return <p className="muted">Looking for workbooks…</p>;
  return (
    <div className="file-browser" data-testid="file-browser">
      {folders.map((folder) => (
        <section key={folder.id} className="folder" aria-labelledby={`folder-${folder.id}`}>
          <div className="folder-head">
            <h3 id={`folder-${folder.id}`}>{folder.label}</h3>
            <code className="folder-path break" title={folder.path}>
              {folder.path}
            </code>
          </div>
          {folder.error ? <p className="form-error">{folder.error}</p> : null}
          {folder.files.length === 0 && !folder.error ? (
            <p className="muted small">No workbooks here yet.</p>
          ) : (
            <ul className="file-list">
              {folder.files.map((f) => (
                <li
                  key={f.id}
                  data-testid="file-entry"
                  data-file={f.fileName}
                  className={f.open ? 'current' : undefined}
                >
                  <div className="file-text">
                    <span className="file-title">{f.title ?? f.fileName}</span>
                    <span className="muted small">
                      {f.title ? `${f.fileName} · ` : ''}
                      {formatBytes(f.bytes)} · changed {formatWhen(f.modifiedAt)}
                    </span>
                  </div>
                  {f.open ? (
                    <span className="pill">Open now</span>
                  ) : (
                    <button
                      type="button"
                      className="btn small"
                      data-testid="open-file"
                      aria-label={`Open ${f.title ?? f.fileName}`}
                      onClick={() => void openFile(f.id)}
                    >
                      Open
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <button type="button" className="btn small ghost" data-testid="refresh-files" onClick={refresh}>
        Refresh list
      </button>
    </div>
  );
}
