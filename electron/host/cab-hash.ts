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

/**
 * After a schema upgrade the plan a board approved is the same plan, written in the new format
 * (a migration may rename a field or give a section its new lists), so its hash moves. Each kept
 * version and decision of the plan as the file held it moves with it, the version keeping the
 * upgraded content: an upgrade alone never reads as "changed since approval". Versions and
 * decisions of earlier plans stay as they were: they were already superseded.
 */
export function carryApprovals<T>(before: unknown, after: T): T {
  if (!isObj(after) || !isObj(after.cab)) return after;
  let was: string;
  let now: string;
  try {
    was = planHash(before);
    now = planHash(after);
  } catch {
    return after; // content that cannot be hashed is reported when the workbook is checked
  }
  if (was === now) return after;
  const cab = after.cab;
  const content = (): Obj => JSON.parse(canonicalContent(after));
  const versions = Array.isArray(cab.versions)
    ? cab.versions.map((v: unknown) =>
        isObj(v) && v.hash === was ? { ...v, hash: now, content: v.content === null ? null : content() } : v,
      )
    : cab.versions;
  const decisions = Array.isArray(cab.decisions)
    ? cab.decisions.map((d: unknown) =>
        isObj(d) && d.reviewedHash === was ? { ...d, reviewedHash: now } : d,
      )
    : cab.decisions;
  return { ...after, cab: { ...cab, versions, decisions } };
}
