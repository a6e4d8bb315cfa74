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
