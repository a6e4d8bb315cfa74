import { canonicalContent } from '../../../shared/areas/cab/content';

// The plan's SHA-256 in a window, with Web Crypto, over the same canonical text the host hashes
// (electron/host/cab-hash.ts). Kept per workbook object: the store replaces the object on every
// change, so an unchanged workbook is never hashed twice, however often a view asks.

const cache = new WeakMap<object, Promise<string>>();

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function planHash(wb: object): Promise<string> {
  let known = cache.get(wb);
  if (!known) {
    known = sha256Hex(canonicalContent(wb));
    cache.set(wb, known);
  }
  return known;
}
