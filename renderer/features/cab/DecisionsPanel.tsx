import { useId } from 'react';
import {
  describeQuorum,
  QUORUM_LABEL,
  type QuorumState,
  quorumStatus,
} from '../../../shared/areas/cab/quorum';
import { DECISION_LABEL } from '../../../shared/areas/cab/review-commands';
import type { Decision } from '../../../shared/areas/cab/schema';
import type { Workbook } from '../../../shared/schema/workbook';
import { formatWhen } from '../../components/when';
import { QuorumForm } from './QuorumForm';

// The board's decisions and where they stand under the workbook's quorum rule. Each decision
// says whether it was made on the current plan (it counts) or an earlier one (re-review), and
// where it came from: recorded here, or imported from a signed file (with its key fingerprint).

const STATE: Record<QuorumState, { icon: string; tone: string }> = {
  approved: { icon: '●', tone: 'ok' },
  'approved-with-conditions': { icon: '◐', tone: 'ok' },
  rejected: { icon: '■', tone: 'bad' },
  pending: { icon: '▲', tone: 'warn' },
};

const DECISION_TONE: Record<Decision['decision'], string> = {
  approve: 'ok',
  'approve-with-conditions': 'ok',
  reject: 'bad',
  defer: 'warn',
};

interface Props {
  wb: Workbook;
  hash: string | null;
  /** The CAB page edits the quorum rule; review mode only reads it. */
  editable: boolean;
}

export function DecisionsPanel({ wb, hash, editable }: Props) {
  const id = useId();
  const status = quorumStatus(wb.cab, hash);
  const state = STATE[status.state];
  const decisions = [...wb.cab.decisions].reverse();
  return (
    <section className="collection" aria-labelledby={`${id}-title`} data-testid="decisions">
      <div className="collection-head">
        <div>
          <h2 id={`${id}-title`}>Decisions</h2>
          <p className="collection-intro" data-testid="quorum-rule">
            Quorum: {describeQuorum(wb.cab.quorum)}. Each reviewer counts once, by their newest decision, and
            only while the plan is the one they saw.
          </p>
        </div>
        <span
          className={`status-badge tone-${state.tone}`}
          data-testid="quorum-state"
          data-status={status.state}
        >
          <span className="status-icon" aria-hidden="true">
            {state.icon}
          </span>
          {hash === null && wb.cab.decisions.length > 0 ? 'Checking…' : QUORUM_LABEL[status.state]}
        </span>
      </div>
      {hash !== null ? (
        <ul className="quorum-reasons" data-testid="quorum-reasons">
          {status.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
      {decisions.length === 0 ? (
        <p className="collection-empty">No decisions yet. Reviewers record theirs in review mode.</p>
      ) : (
        <div className="table-wrap">
          <table className="items decisions-table">
            <thead>
              <tr>
                <th scope="col">Reviewer</th>
                <th scope="col">Decision</th>
                <th scope="col">Comment</th>
                <th scope="col">When</th>
                <th scope="col">Plan</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {decisions.map((d) => {
                const current = hash !== null && d.reviewedHash === hash;
                return (
                  <tr
                    key={d.id}
                    data-testid="decision-row"
                    data-reviewer={d.reviewer}
                    data-decision={d.decision}
                  >
                    <td className="strong">
                      {d.reviewer}
                      {d.role ? <span className="muted small"> {d.role}</span> : null}
                    </td>
                    <td>
                      <span className={`tone-text tone-${DECISION_TONE[d.decision]}`}>
                        {DECISION_LABEL[d.decision]}
                      </span>
                      {d.conditions ? <p className="small">Conditions: {d.conditions}</p> : null}
                    </td>
                    <td className="wide">{d.comment}</td>
                    <td className="nowrap">{formatWhen(d.at)}</td>
                    <td>
                      <code className="hash" title={d.reviewedHash}>
                        {d.reviewedHash.slice(0, 12)}
                      </code>
                      <p className="small" data-testid="decision-plan">
                        {hash === null ? '' : current ? 'Current plan' : 'Earlier version: re-review'}
                      </p>
                    </td>
                    <td className="small">
                      {d.signed ? (
                        <>
                          Signed file, key <code data-testid="decision-key">{d.signed.keyFingerprint}</code>
                        </>
                      ) : (
                        'Recorded here'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {editable ? <QuorumForm wb={wb} /> : null}
    </section>
  );
}
