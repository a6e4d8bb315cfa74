import type { Component, LeftOut } from '../schema';

// What reading an SBOM gives: either the inventory it describes, with everything that was left
// out and why, or one refusal saying what is wrong and where (a JSON path, or a line and column
// when the text is not JSON). A refusal means nothing is imported at all.

export interface SbomRefusal {
  reason: string;
  /** `components[3].components[0].bom-ref`, `specVersion`, `line 4, column 12`, or '' for the whole file. */
  where: string;
}

export interface SbomContents {
  format: 'CycloneDX' | 'SPDX';
  specVersion: string;
  /** What it describes ("juice-shop 14.1.1"), or ''. */
  subject: string;
  /** The tools that wrote it ("npm 11.4.1, cyclonedx-library 8.4.0"), or ''. */
  tools: string;
  /** Parents always come before their children. */
  components: Component[];
  /** Everything in the file that is not in `components`, each with where it is and why. */
  leftOut: LeftOut[];
  /** Facts worth knowing that change nothing (a dependency cycle npm allows, say). */
  notices: string[];
}

export type SbomResult = { ok: true; sbom: SbomContents } | { ok: false; refusal: SbomRefusal };

/** Reports how far reading has got: `done` of `total` components. */
export type OnProgress = (done: number, total: number) => void;

export class SbomError extends Error {
  constructor(
    readonly reason: string,
    readonly where: string,
  ) {
    super(reason);
  }
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `components[3]` + `name` → `components[3].name`; keys that are not identifiers are quoted. */
export function at(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  const part = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
  return base ? `${base}.${part}` : part;
}

/** A value as it reads in a message: quoted, and cut short when long. */
export function quote(value: unknown, max = 60): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `'${text.length > max ? `${text.slice(0, max - 1)}…` : text}'`;
}
