import type { Workbook } from '../../schema/workbook';
import { reviewedContent } from './content';
import { diffWorkbooks, type SectionDiff } from './diff';
import { isApproval, latestDecisions } from './quorum';
import type { Decision } from './schema';

// "Changed since approval by …": the approvals (each reviewer's newest decision, when it is an
// approval) whose plan is no longer the current one, grouped by the version they approved, with
// what changed since, section by section. Every view shows this until the reviewers re-review.

export interface ChangedSince {
  /** The version's hash, and the approvals made on it (oldest first). */
  hash: string;
  approvals: Decision[];
  /** What changed from that version to now; null when its plan is no longer kept. */
  sections: SectionDiff[] | null;
}

const diffs = new WeakMap<object, Map<string, SectionDiff[] | null>>();
/** Field values for the first items of each list; the rest are counted and named. */
export const DETAIL_LIMIT = 25;

/** Approvals made on a plan other than the current one; empty while the hash is unknown. */
export function changedSinceApproval(wb: Workbook, currentHash: string | null): ChangedSince[] {
  if (currentHash === null) return [];
  const stale = latestDecisions(wb.cab.decisions).filter(
    (d) => isApproval(d) && d.reviewedHash !== currentHash,
  );
  if (stale.length === 0) return [];
  // A board redraws every second: remember the diffs for this (immutable) workbook.
  let known = diffs.get(wb);
  if (!known) {
    known = new Map();
    diffs.set(wb, known);
  }
  const groups = new Map<string, Decision[]>();
  for (const d of stale) groups.set(d.reviewedHash, [...(groups.get(d.reviewedHash) ?? []), d]);
  return [...groups].map(([hash, approvals]) => {
    if (!known.has(hash)) {
      const version = wb.cab.versions.find((v) => v.hash === hash && v.content !== null);
      known.set(
        hash,
        version ? diffWorkbooks(version.content, reviewedContent(wb), { detailLimit: DETAIL_LIMIT }) : null,
      );
    }
    return { hash, approvals, sections: known.get(hash)! };
  });
}

/** "Priya Raman and Dana Cho", "A, B and C". */
export function names(decisions: readonly Decision[]): string {
  const all = decisions.map((d) => d.reviewer);
  return all.length <= 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
}
