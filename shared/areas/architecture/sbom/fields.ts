import type { Component, LeftOut } from '../schema';
import { purlProblem } from './identity';
import { at, type Json, quote } from './types';

// Reading one component's fields, shared by the CycloneDX and SPDX readers. A field that cannot
// be kept as it is (not text, too long for the workbook, an unreadable package URL) is not
// guessed at: the component is imported without it and the left-out list says so, and where.

/** The longest text the workbook keeps per field (ComponentSchema says the same). */
export const LIMITS = {
  name: 300,
  group: 300,
  version: 200,
  purl: 1000,
  license: 500,
  licenseName: 500,
  type: 40,
  scope: 40,
} as const;

export class FieldReader {
  constructor(readonly leftOut: LeftOut[]) {}

  skip(where: string, reason: string): void {
    this.leftOut.push({ where, reason });
  }

  /**
   * Text of at most `max` characters, or undefined (noted when something unusable was there).
   * Empty text is absent text: the workbook leaves empty fields out.
   */
  text(value: Json | undefined, where: string, max: number, what: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      this.skip(where, `${what} is not text (${quote(value, 30)}); imported without it`);
      return undefined;
    }
    const trimmed = value.trim();
    if (!trimmed) return undefined;
    if (trimmed.length > max) {
      this.skip(
        where,
        `${what} is ${trimmed.length} characters long, over the ${max} kept; imported without it`,
      );
      return undefined;
    }
    return trimmed;
  }

  purl(value: Json | undefined, where: string): string | undefined {
    const purl = this.text(value, where, LIMITS.purl, 'The package URL');
    if (purl === undefined) return undefined;
    const problem = purlProblem(purl);
    if (problem) {
      this.skip(where, `${quote(purl)} is not a valid package URL (${problem}); imported without it`);
      return undefined;
    }
    return purl;
  }

  /** Joins license statements into one field, or notes that they do not fit. */
  joined(parts: string[], sep: string, where: string, max: number, what: string): string | undefined {
    const unique = [...new Set(parts)];
    if (unique.length === 0) return undefined;
    const text = unique.join(sep);
    if (text.length > max) {
      this.skip(
        where,
        `${what} run to ${text.length} characters, over the ${max} kept; imported without them`,
      );
      return undefined;
    }
    return text;
  }
}

/** Builds a component with only the fields that have a value, so the file stays small. */
export function compact(c: Component): Component {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) if (v !== undefined && v !== '') out[k] = v;
  return out as Component;
}

/** "name 1.2.3" for messages. */
export const label = (c: Pick<Component, 'name' | 'version'>) =>
  c.version ? `${c.name} ${c.version}` : c.name;

export { at };
