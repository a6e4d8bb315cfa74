import { createHash } from 'node:crypto';
import { canonicalContent } from '../../shared/areas/cab/content';

// SHA-256 of the plan's canonical JSON, on the host's side. Windows compute the same with Web
// Crypto over the same text (renderer/features/cab/content-hash.ts); a unit test checks that
// both give one answer.

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The hash a CAB decision keeps for the plan in `wb` (a workbook, a file, or raw JSON of one). */
export function planHash(wb: unknown): string {
  return sha256Hex(canonicalContent(wb));
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Re-hashes the kept versions of a workbook the app itself rewrote as a whole (the bundled
 * sample moved in time for a new user: every instant shifts, so every hash would), and points
 * each decision at its version's new hash. Only for that: a plan someone edited stays changed.
 */
export function resealReviews<T>(doc: T): T {
  if (!isObj(doc) || !isObj(doc.cab) || !Array.isArray(doc.cab.versions)) return doc;
  const renamed = new Map<string, string>();
  const versions = doc.cab.versions.map((v: unknown) => {
    if (!isObj(v) || !isObj(v.content) || typeof v.hash !== 'string') return v;
    const hash = planHash(v.content);
    renamed.set(v.hash, hash);
    return { ...v, hash };
  });
  const decisions = Array.isArray(doc.cab.decisions)
    ? doc.cab.decisions.map((d: unknown) =>
        isObj(d) && typeof d.reviewedHash === 'string' && renamed.has(d.reviewedHash)
          ? { ...d, reviewedHash: renamed.get(d.reviewedHash) }
          : d,
      )
    : doc.cab.decisions;
  return { ...doc, cab: { ...doc.cab, versions, decisions } };
}
