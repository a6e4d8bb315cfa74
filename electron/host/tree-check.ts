import { formatPath } from '../../shared/schema/issues';

// Structural checks on parsed JSON before zod sees it. Both walk iteratively: a hostile file can
// nest a million levels deep, and a recursive walk (or zod) would overflow the stack on it.

export const MAX_DEPTH = 100;

/** Keys that can reach Object.prototype when data is merged or spread into objects. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

export type TreeFault =
  | { kind: 'too-deep'; path: string; depth: number }
  /** `path` is '' for a key on the top-level object. */
  | { kind: 'forbidden-key'; path: string; key: string };

/**
 * Finds the first container nested deeper than MAX_DEPTH (the top-level object is depth 1) or
 * the first forbidden key, in document order. Returns null when the tree is acceptable.
 */
export function checkTree(root: unknown): TreeFault | null {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    const depth = path.length + 1;
    if (depth > MAX_DEPTH) return { kind: 'too-deep', path: shortPath(path), depth };
    const children: { value: unknown; path: PropertyKey[] }[] = [];
    if (Array.isArray(value)) {
      value.forEach((child, index) => {
        children.push({ value: child, path: [...path, index] });
      });
    } else {
      // JSON.parse defines "__proto__" as an own key, so Object.keys sees it.
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.includes(key)) {
          return { kind: 'forbidden-key', path: formatPath(path), key };
        }
        children.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
      }
    }
    // Reversed so the stack pops children in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return null;
}

/** A path 100 levels long is unreadable; show where it starts. */
function shortPath(path: readonly PropertyKey[]): string {
  const head = formatPath(path.slice(0, 6));
  return path.length > 6 ? `${head}…` : head;
}
