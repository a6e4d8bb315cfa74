import { requestFile } from '../store/actions';
import { useAppStore } from '../store/app-store';

/** Shown while the web shell's socket is down; calls fail fast meanwhile, so say why. */
export function ConnectionBanner() {
  const connection = useAppStore((s) => s.connection);
  if (connection !== 'lost') return null;
  return (
    <div className="connection-banner" role="alert" data-testid="connection-lost">
      <strong>Connection to the host lost — retrying.</strong> Changes cannot be saved until it is back. If
      this lasts, check that the terminal running Rollout War Room is still open.
    </div>
  );
}

/** Why this window cannot edit, in full (the header has no room), and the way to an editable copy. */
export function ReadOnlyBanner() {
  const file = useAppStore((s) => s.session?.file);
  if (!file?.readOnly) return null;
  return (
    <div className="connection-banner read-only-banner" role="status" data-testid="read-only-reason">
      <span>
        <strong>Read-only.</strong> {file.readOnlyReason ?? 'This workbook cannot be changed here.'}
      </span>
      <button type="button" className="btn small" onClick={() => requestFile('save-as')}>
        Save an editable copy…
      </button>
    </div>
  );
}
