import type { Scenario } from '../schema';

// What every scenario importer returns: either scenarios ready for the workbook plus an honest
// list of what the source held that did not map, or one refusal saying what and where. Never a
// partial import: a file with one bad inject brings in nothing.

export const SCENARIO_FORMATS = ['war-room', 'openaev', 'wheel-of-misfortune', 'ink-story'] as const;
export type ScenarioFormat = (typeof SCENARIO_FORMATS)[number];

export type ScenarioImport =
  | { ok: true; format: ScenarioFormat; scenarios: Scenario[]; leftOut: string[] }
  | { ok: false; format: ScenarioFormat | 'unknown'; error: string };

/** What one importer brings in. */
export interface Imported {
  scenarios: Scenario[];
  leftOut: string[];
}

export class ImportRefusal extends Error {}

/** Stops an importer with a message that names the place ("inject 3 (\"title\")"). */
export function refuse(message: string): never {
  throw new ImportRefusal(message);
}

/** A record, or null: the importers read `unknown` and never trust a shape. */
export function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Ids in the workbook allow letters, digits, "-" and "_"; anything else from a source is folded. */
export function safeId(raw: string, fallback: string): string {
  const cleaned = raw
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return cleaned === '' ? fallback : cleaned;
}

/** A source without a scenario length gets its last inject plus this margin to discuss it. */
export const DEFAULT_TAIL_SEC = 15 * 60;

export function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
