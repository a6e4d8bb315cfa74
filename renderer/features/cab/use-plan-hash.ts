import { useEffect, useState } from 'react';
import type { Workbook } from '../../../shared/schema/workbook';
import { useAppStore } from '../../store/app-store';
import { planHash } from './content-hash';

// The SHA-256 of the plan this window holds, for the workbook on screen. Null while it is being
// worked out (a large workbook takes a moment) and when `needed` is false, so views with nothing
// to compare it against (no decisions yet) never pay for it.

export function usePlanHash(needed = true): { wb: Workbook | null; hash: string | null } {
  const wb = useAppStore((s) => s.session?.workbook ?? null);
  const [known, setKnown] = useState<{ wb: Workbook; hash: string } | null>(null);
  useEffect(() => {
    if (!wb || !needed) return;
    let live = true;
    void planHash(wb).then((hash) => {
      if (live) setKnown({ wb, hash });
    });
    return () => {
      live = false;
    };
  }, [wb, needed]);
  // Only a hash of the workbook on screen counts: an older one would misjudge every decision.
  return { wb, hash: known && known.wb === wb ? known.hash : null };
}
