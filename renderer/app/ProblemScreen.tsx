import type { BackupInfo, OpenProblem } from '../../shared/contract';
import { formatBytes } from '../../shared/domain/format';
import { formatWhen } from '../components/when';
import { openSample, restoreBackup } from '../store/actions';
import { dismissProblem, useAppStore } from '../store/app-store';
import { FileBrowser } from './files/FileBrowser';

const formatTaken = (iso: string) => formatWhen(iso, true);

function BackupList({ backups }: { backups: BackupInfo[] }) {
  if (backups.length === 0) {
    return <p>No backups of this file were found, so there is nothing to restore from here.</p>;
  }
  // Newest first: it is almost always the one to restore.
  const sorted = [...backups].sort((a, b) => Date.parse(b.takenAt) - Date.parse(a.takenAt));
  return (
    <ol className="backup-list" data-testid="backup-list">
      {sorted.map((b, i) => (
        <li key={b.id} className={i === 0 ? 'newest' : undefined} data-testid="backup">
          <div className="backup-text">
            <span className="backup-when">
              {formatTaken(b.takenAt)}
              {i === 0 ? <span className="pill pill-accent">Newest</span> : null}
            </span>
            <span className="muted small">
              Revision {b.revision} · {formatBytes(b.bytes)}
            </span>
          </div>
          <button
            type="button"
            className={i === 0 ? 'btn primary' : 'btn'}
            data-testid="restore-backup"
            aria-label={`Restore this backup, taken ${formatTaken(b.takenAt)}, revision ${b.revision}`}
            onClick={() => void restoreBackup(b.id)}
          >
            Restore this backup
          </button>
        </li>
      ))}
    </ol>
  );
}

/** A file that could not be opened: say what is wrong, that nothing was changed, and the ways out. */
export function ProblemScreen({ problem }: { problem: OpenProblem }) {
  const openName = useAppStore((s) => s.session?.workbook?.name);
  return (
    <div className="section-page problem" data-testid="open-problem">
      <header className="section-header">
        <p className="eyebrow">Could not open this workbook</p>
        <h1 data-testid="problem-title">{problem.title}</h1>
      </header>

      <div className="problem-card">
        <p className="problem-detail" data-testid="problem-detail">
          {problem.detail}
        </p>
        <p className="reassure">
          <strong>Your original file was not changed.</strong> Nothing was reset or overwritten.
        </p>
        <dl className="facts">
          <div>
            <dt>File</dt>
            <dd>
              <code className="break" data-testid="problem-path">
                {problem.path}
              </code>
            </dd>
          </div>
          <div>
            <dt>Copy kept for support</dt>
            <dd>
              {problem.quarantinedTo ? (
                <code className="break" data-testid="problem-quarantine">
                  {problem.quarantinedTo}
                </code>
              ) : (
                'No copy was needed.'
              )}
            </dd>
          </div>
        </dl>
      </div>

      <section aria-labelledby="problem-backups" className="problem-section">
        <h2 id="problem-backups">Restore from a backup</h2>
        <p className="muted">
          Restoring opens the backup as this workbook. The damaged file stays where it is.
        </p>
        <BackupList backups={problem.backups} />
      </section>

      <section aria-labelledby="problem-other" className="problem-section">
        <h2 id="problem-other">Or open something else</h2>
        <div className="card-row">
          <button type="button" className="btn" data-testid="open-sample" onClick={() => void openSample()}>
            Open the sample workbook
          </button>
          {openName ? (
            <button type="button" className="btn" data-testid="back-to-workbook" onClick={dismissProblem}>
              Back to {openName}
            </button>
          ) : null}
        </div>
        <FileBrowser />
      </section>
    </div>
  );
}
