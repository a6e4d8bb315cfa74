import type { Cab, Decision } from './schema';

// How the board's decisions add up. Each reviewer counts once, by their newest decision. A
// decision counts only while the plan is as they saw it (its hash is the current one); one made
// on an earlier version needs re-review and counts for nothing until then.
//
// The rule per workbook: at least `minApprovals` current approvals (with or without conditions),
// every required reviewer among them, and, when `rejectBlocks`, no current rejection.

export type QuorumState = 'approved' | 'approved-with-conditions' | 'rejected' | 'pending';

export interface QuorumStatus {
  state: QuorumState;
  /** Why, in sentences. */
  reasons: string[];
  /** The newest decision of each reviewer, oldest reviewer first. */
  latest: Decision[];
  /** Those made on the current plan. */
  current: Decision[];
  /** Those made on an earlier version: they need re-review. */
  stale: Decision[];
  approvals: Decision[];
}

export const sameReviewer = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export const isApproval = (d: Pick<Decision, 'decision'>) =>
  d.decision === 'approve' || d.decision === 'approve-with-conditions';

/** Each reviewer's newest decision (by time, then by order recorded). */
export function latestDecisions(decisions: readonly Decision[]): Decision[] {
  const byReviewer = new Map<string, Decision>();
  for (const d of decisions) {
    const key = d.reviewer.trim().toLowerCase();
    const seen = byReviewer.get(key);
    if (!seen || Date.parse(d.at) >= Date.parse(seen.at)) byReviewer.set(key, d);
  }
  return [...byReviewer.values()];
}

export function quorumStatus(
  cab: Pick<Cab, 'decisions' | 'quorum'>,
  currentHash: string | null,
): QuorumStatus {
  const latest = latestDecisions(cab.decisions);
  const isCurrent = (d: Decision) => currentHash !== null && d.reviewedHash === currentHash;
  const current = latest.filter(isCurrent);
  const stale = latest.filter((d) => !isCurrent(d));
  const approvals = current.filter(isApproval);
  const rejections = current.filter((d) => d.decision === 'reject');
  const { minApprovals, required, rejectBlocks } = cab.quorum;
  const reasons: string[] = [];
  const base = { latest, current, stale, approvals };

  if (rejectBlocks && rejections.length > 0) {
    const who = rejections.map((d) => d.reviewer).join(', ');
    return { ...base, state: 'rejected', reasons: [`Rejected by ${who}; one rejection blocks the change.`] };
  }
  const missingRequired = required.filter((name) => !approvals.some((d) => sameReviewer(d.reviewer, name)));
  const short = minApprovals - approvals.length;
  if (short > 0) {
    reasons.push(
      `${approvals.length} of ${minApprovals} approval${minApprovals === 1 ? '' : 's'} needed` +
        ` (${short} more).`,
    );
  }
  if (missingRequired.length > 0) {
    reasons.push(`Waiting for the approval of ${missingRequired.join(', ')}, which is required.`);
  }
  if (stale.length > 0) {
    reasons.push(
      `${stale.map((d) => d.reviewer).join(', ')} decided on an earlier version of the plan: ` +
        're-review needed before it counts.',
    );
  }
  if (short > 0 || missingRequired.length > 0) return { ...base, state: 'pending', reasons };
  const conditional = approvals.filter((d) => d.decision === 'approve-with-conditions');
  if (conditional.length > 0) {
    reasons.unshift(
      `Approved by ${approvals.length} reviewer${approvals.length === 1 ? '' : 's'}, with conditions from ` +
        `${conditional.map((d) => d.reviewer).join(', ')}.`,
    );
    return { ...base, state: 'approved-with-conditions', reasons };
  }
  reasons.unshift(`Approved by ${approvals.map((d) => d.reviewer).join(', ')}.`);
  return { ...base, state: 'approved', reasons };
}

export const QUORUM_LABEL: Record<QuorumState, string> = {
  approved: 'Approved',
  'approved-with-conditions': 'Approved with conditions',
  rejected: 'Rejected',
  pending: 'Pending',
};

/** The rule in words: "2 approvals, including Dana Cho; a rejection blocks". */
export function describeQuorum(q: Cab['quorum']): string {
  const parts = [`${q.minApprovals} approval${q.minApprovals === 1 ? '' : 's'}`];
  if (q.required.length > 0) parts[0] += `, including ${q.required.join(', ')}`;
  parts.push(q.rejectBlocks ? 'one rejection blocks' : 'rejections are recorded but do not block');
  return parts.join('; ');
}
