import { Link } from 'wouter';
import type { Workbook } from '../../../shared/schema/workbook';
import { useAppStore } from '../../store/app-store';
import { CalendarPanel } from './CalendarPanel';
import { ChangeForm } from './ChangeForm';
import { ImportDecisions, ReviewerKey } from './DecisionFiles';
import { DecisionsPanel } from './DecisionsPanel';
import { RiskPanel } from './RiskPanel';
import { ComparePanel, PacketPanel, SubmitPanel } from './SharePanels';
import { usePlanHash } from './use-plan-hash';
import './cab.css';

// The change-advisory-board page, for the change's owner: the change record, its risk, the
// calendar, then the board's side — submit, the packet, decisions and the quorum, decision files
// from reviewers who worked offline, and a comparison with the copy that was sent.

function Review({ wb }: { wb: Workbook }) {
  const { hash, hashed } = usePlanHash(true);
  return (
    <>
      <DecisionsPanel wb={wb} hash={hashed?.hash ?? null} editable />
      <section className="collection board-work" aria-label="Working with the board">
        <div className="collection-head">
          <div>
            <h2>Working with the board</h2>
            <p className="collection-intro">
              Reviewers decide in review mode, here or on their own copy; decisions made elsewhere come back
              as signed files.
            </p>
          </div>
          <Link href="/review" className="btn primary" data-testid="open-review">
            Open review mode
          </Link>
        </div>
        <SubmitPanel wb={wb} hash={hash} />
        <PacketPanel />
        <div>
          <h3>Decisions from reviewers working offline</h3>
          <ImportDecisions />
          <ReviewerKey />
        </div>
        <ComparePanel />
      </section>
    </>
  );
}

export function CabScreen() {
  const wb = useAppStore((s) => s.session?.workbook);
  if (!wb) return null;
  return (
    <div className="section-page" data-testid="section-cab">
      <header className="section-header">
        <p className="eyebrow">Review</p>
        <h1>Change advisory board</h1>
        <p className="lead">
          Record the change and its risk, check it against the calendar, and collect the board’s decisions,
          each tied to the exact plan it approved.
        </p>
      </header>
      <ChangeForm wb={wb} />
      <RiskPanel wb={wb} />
      <CalendarPanel wb={wb} />
      <Review wb={wb} />
    </div>
  );
}
