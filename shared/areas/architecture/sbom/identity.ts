import { PackageURL } from 'packageurl-js';
import parseSpdx from 'spdx-expression-parse';

// Package URLs and license expressions, read with the libraries their specifications point to
// (packageurl-js, spdx-expression-parse). Inventories are judged every time a screen draws, so
// answers are remembered: the same strings recur across environments and imports.

const MEMO_LIMIT = 20_000;

function memo<T>(compute: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (known.has(key)) return known.get(key) as T;
    const value = compute(key);
    if (known.size >= MEMO_LIMIT) known.clear();
    known.set(key, value);
    return value;
  };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Why a package URL cannot be read, or null when it can. */
export const purlProblem = memo((purl: string): string | null => {
  try {
    PackageURL.fromString(purl);
    return null;
  } catch (error) {
    return messageOf(error).replace(/^Invalid purl:\s*/i, '');
  }
});

const SEP = '\u0000';

const keyFromParts = memo((joined: string): string => {
  const [purl = '', group = '', name = ''] = joined.split(SEP);
  if (purl && purlProblem(purl) === null) {
    const p = PackageURL.fromString(purl);
    return [p.type, p.namespace, p.name].filter(Boolean).join('/').toLowerCase();
  }
  return [group, name].filter(Boolean).join('/').toLowerCase();
});

/**
 * What identifies a package whatever its version: type, namespace and name from its package URL
 * ("npm/@babel/core"), else its group and name. Qualifiers and subpaths are not identity.
 */
export function keyOf(c: { purl?: string; group?: string; name: string }): string {
  return keyFromParts([c.purl ?? '', c.group ?? '', c.name].join(SEP));
}

/** Why an SPDX license expression cannot be parsed, or null when it can. */
export const licenseProblem = memo((expression: string): string | null => {
  if (!expression.trim()) return 'it is empty';
  try {
    parseSpdx(expression);
    return null;
  } catch (error) {
    return explain(expression, messageOf(error));
  }
});

/** The parser's messages, in words a reviewer can act on. */
function explain(expression: string, message: string): string {
  const bad = /^Unexpected `.*` at offset (\d+)/.exec(message);
  if (bad) {
    const offset = Number(bad[1]);
    const word = /^[^\s()]+/.exec(expression.slice(offset))?.[0] ?? expression.slice(offset, offset + 1);
    return `'${word}' (at character ${offset + 1}) is not an SPDX license identifier or operator`;
  }
  if (message === 'Expected `)`') return "a closing ')' is missing";
  if (message.startsWith('Expected exception')) return 'WITH must be followed by an SPDX exception';
  // Everything else (the parser fails on a dangling AND with a TypeError) is an incomplete one.
  return 'it is not a complete SPDX expression: an operator or parenthesis is missing or extra';
}
