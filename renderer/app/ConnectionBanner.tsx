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
