import { useState } from 'react';
import { describeChanges } from '../../../shared/areas/cab/diff';
import { isApproval } from '../../../shared/areas/cab/quorum';
import { changedSinceApproval, names } from '../../../shared/areas/cab/review-status';
import { formatWhen } from '../../components/when';
import { useAppStore } from '../../store/app-store';
import { SectionDiffView } from './SectionDiffView';
import { usePlanHash } from './use-plan-hash';
import './cab.css';

// "Changed since approval by …", on every view of the app, until the reviewers look again. It
// names who approved which version and what changed since, section by section. The projector
// has its own, larger banner (renderer/app/projector/ApprovalBanner.tsx) on the same rule.

/** Approvals made on another plan than the one here, judged on the newest hashed workbook. */
export function useChangedSinceApproval() {
  const hasApprovals = useAppStore((s) => s.session?.workbook?.cab.decisions.some(isApproval) ?? false);
  const { hashed } = usePlanHash(hasApprovals);
  return hashed && hasApprovals ? changedSinceApproval(hashed.wb, hashed.hash) : [];
}

export function ChangedSinceBanner() {
  const changed = useChangedSinceApproval();
  const [open, setOpen] = useState(false);
  if (changed.length === 0) return null;
  const approvals = changed.flatMap((c) => c.approvals);
  return (
    <div className="connection-banner approval-banner" role="status" data-testid="changed-since-approval">
      <div className="approval-banner-head">
        <span>
          <strong>Changed since approval by {names(approvals)}.</strong>{' '}
          {changed
            .map((c) =>
              c.sections === null
                ? `${names(c.approvals)}: that version is no longer kept`
                : c.sections.map((s) => `${s.title} (${describeChanges(s)})`).join(', '),
            )
            .join('; ')}
          . Their approval counts again once they re-review.
        </span>
        <button
          type="button"
          className="btn small"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          data-testid="changed-since-toggle"
        >
          {open ? 'Hide what changed' : 'Show what changed'}
        </button>
      </div>
      {open
        ? changed.map((c) => (
            <div key={c.hash} className="approval-banner-diff">
              <p>
                Approved by {c.approvals.map((d) => `${d.reviewer} (${formatWhen(d.at)})`).join(', ')}; since
                then:
              </p>
              {c.sections === null ? (
                <p>That version of the plan is no longer kept; compare with the copy that was sent.</p>
              ) : (
                <SectionDiffView sections={c.sections} testid="changed-since-diff" heading="p" />
              )}
            </div>
          ))
        : null}
    </div>
  );
}
