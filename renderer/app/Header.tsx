import type { SaveStatus } from '../../shared/contract';
import { redo, undo } from '../store/actions';
import { requestIdentity, toggleTheme, useAppStore } from '../store/app-store';
import { OpenProjectorButton } from './projector/OpenProjectorButton';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl+';

function saveLabel(save: SaveStatus): string {
  switch (save.state) {
    case 'saved':
      return 'Saved';
    case 'saving':
      return 'Saving…';
    case 'error':
      return `Not saved: ${save.message}`;
  }
}

/** Long paths keep their start (the drive or home) and their end (the file name). */
export function shortenPath(path: string, max = 56): string {
  if (path.length <= max) return path;
  const tail = Math.ceil(max * 0.65);
  return `${path.slice(0, max - tail - 1)}…${path.slice(-tail)}`;
}

export function Header() {
  const session = useAppStore((s) => s.session);
  const save = useAppStore((s) => s.save);
  const theme = useAppStore((s) => s.theme);
  const wb = session?.workbook ?? null;
  const file = session?.file ?? null;
  const readOnly = file?.readOnly ?? false;

  return (
    <header className="app-header">
      <div className="brand" aria-hidden="true">
        <span className="brand-mark">▲</span>
      </div>
      <div className="doc-info">
        <p className="doc-line">
          <span className="app-name">Rollout War Room</span>
          <span className="doc-sep" aria-hidden="true">
            /
          </span>
          <span className="workbook-name" data-testid="workbook-name">
            {wb?.name ?? 'No workbook open'}
          </span>
          {wb ? (
            <span className="pill" data-testid="revision">
              rev {wb.revision}
            </span>
          ) : null}
          {wb && !readOnly ? (
            <span className={`save-state save-${save.state}`} data-testid="save-state">
              <span className="save-dot" aria-hidden="true" />
              {saveLabel(save)}
            </span>
          ) : null}
          {readOnly ? (
            <span className="badge badge-warn" data-testid="read-only">
              Read-only
            </span>
          ) : null}
        </p>
        {file ? (
          <p className="doc-path" data-testid="file-path" title={file.path}>
            {shortenPath(file.path)}
          </p>
        ) : null}
      </div>
      <div className="header-actions">
        <button
          type="button"
          className="btn ghost who"
          data-testid="identity"
          onClick={() => void requestIdentity('change')}
          title="Every change is signed with this name and role. Click to change it."
        >
          {session?.user ? (
            <>
              <span className="who-name">{session.user.name}</span>
              <span className="who-role">{session.user.role}</span>
            </>
          ) : (
            'Who is editing?'
          )}
        </button>
        <button
          type="button"
          className="btn"
          data-testid="undo"
          disabled={!session?.canUndo || readOnly}
          onClick={() => void undo()}
          aria-keyshortcuts={isMac ? 'Meta+Z' : 'Control+Z'}
          title={`Undo (${MOD}Z)`}
        >
          Undo
        </button>
        <button
          type="button"
          className="btn"
          data-testid="redo"
          disabled={!session?.canRedo || readOnly}
          onClick={() => void redo()}
          aria-keyshortcuts={isMac ? 'Meta+Shift+Z' : 'Control+Shift+Z Control+Y'}
          title={`Redo (${MOD}Shift+Z)`}
        >
          Redo
        </button>
        {wb ? <OpenProjectorButton /> : null}
        <button type="button" className="btn" data-testid="theme-toggle" onClick={toggleTheme}>
          {theme === 'dark' ? 'Light theme' : 'Dark theme'}
        </button>
      </div>
    </header>
  );
}
