import { useEffect, useState } from 'react';
import type { Workbook } from '../../../shared/schema/workbook';
import { useAppStore } from '../../store/app-store';
import { planHash } from './content-hash';

// The SHA-256 of the plan this window holds. Worked out a moment after the workbook settles
// (a burst of edits is hashed once), never in the way of the edit itself reaching the screen:
// on a 10 MB workbook a board must show the new reading first and judge approvals after.

const SETTLE_MS = 150;

export interface PlanHash {
  wb: Workbook | null;
  /** The hash of `wb` itself; null until it has been worked out (or when not `needed`). */
  hash: string | null;
  /**
   * The newest version of this workbook hashed so far, with its hash: a consistent pair, possibly
   * an edit behind. For showing where things stand; a decision needs `hash` itself.
   */
  hashed: { wb: Workbook; hash: string } | null;
}

export function usePlanHash(needed = true): PlanHash {
  const wb = useAppStore((s) => s.session?.workbook ?? null);
  const [hashed, setHashed] = useState<{ wb: Workbook; hash: string } | null>(null);
  useEffect(() => {
    if (!wb || !needed) return;
    let live = true;
    const timer = setTimeout(() => {
      void planHash(wb).then((hash) => {
        if (live) setHashed({ wb, hash });
      });
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [wb, needed]);
  // Another file opened since: what was hashed belongs to it, not to this one.
  const same = hashed !== null && wb !== null && hashed.wb.id === wb.id ? hashed : null;
  return { wb, hash: same && same.wb === wb ? same.hash : null, hashed: same };
}
