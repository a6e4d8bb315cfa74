import { useEffect } from 'react';
import { Link } from 'wouter';
import { reviewSummary } from '../../../shared/areas/cab/summary';
import { IdentityDialog } from '../../app/IdentityDialog';
import { Toasts } from '../../app/Toasts';
import { useNow } from '../../components/use-now';
import { toggleTheme, useAppStore } from '../../store/app-store';
import { ChangedSinceBanner } from './ChangedSinceBanner';
import { ExportDecisions, ReviewerKey } from './DecisionFiles';
import { DecisionForm } from './DecisionForm';
import { DecisionsPanel } from './DecisionsPanel';
import { SummaryView } from './SummaryView';
import { usePlanHash } from './use-plan-hash';
import './cab.css';

// Review mode (#/review): a CAB member reads the workbook on one page and decides. Nothing here
// edits the plan — there are no edit controls at all, whatever the file allows — and the
// decision is tied to the hash of exactly what this page shows. A window chooses review mode;
// another window on the same file can go on editing, and this page shows what changes.

export const REVIEW_ROUTE = '/review';

export function ReviewMode() {
  const session = useAppStore((s) => s.session);
  const { wb, hash, hashed } = usePlanHash(true);
  const now = useNow(30_000);
  const name = wb?.cab.change.title.trim() || wb?.name;
  useEffect(() => {
    document.title = `Review${name ? `: ${name}` : ''} — Rollout War Room`;
  }, [name]);

  if (!session || !wb) {
    return (
      <main className="review-page" data-testid="review-mode">
        <h1>Review mode</h1>
        <p className="muted">{session ? 'No workbook is open.' : 'Connecting to the host…'}</p>
        <Link href="/files">Open a workbook</Link>
      </main>
    );
  }
  const summary = reviewSummary(wb, now);
  return (
    <div className="review-page" data-testid="review-mode">
      <header className="review-header">
        <div>
          <p className="eyebrow">Review mode · read-only</p>
          <h1>{summary.title}</h1>
          <p className="muted small">
            {wb.name} · revision {wb.revision} · plan{' '}
            <code title={hash ?? undefined}>{hash ? hash.slice(0, 12) : '…'}</code>
            {session.file?.readOnly ? ' · this copy is read-only here' : ''}
          </p>
        </div>
        <div className="review-actions">
          <button type="button" className="btn small" onClick={toggleTheme}>
            Light / dark
          </button>
          <Link href="/cab" className="btn small" data-testid="leave-review">
            Leave review mode
          </Link>
        </div>
      </header>
      <ChangedSinceBanner />
      <main className="review-main" id="main">
        <SummaryView summary={summary} />
        <DecisionsPanel wb={wb} hash={hashed?.hash ?? null} editable={false} />
        <DecisionForm wb={wb} hash={hash} />
        <section className="collection" aria-label="Your decisions, offline">
          <h2>Reviewing offline?</h2>
          <p className="collection-intro">
            Export the decisions you recorded here as a signed file and send it to the owner. Nothing but your
            decisions goes back.
          </p>
          <ReviewerKey />
          <div className="form-actions">
            <ExportDecisions />
          </div>
        </section>
      </main>
      <Toasts />
      <IdentityDialog />
    </div>
  );
}
