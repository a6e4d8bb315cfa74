import { type Scenario, ScenarioSchema } from '../schema';
import { asRecord, type Imported, refuse } from './types';

// The app's own scenario file, as the library in resources/scenarios/ is written and as a copied
// scenario would be shared: { format: "war-room-scenario", version: 1, scenario: {...} }. It is
// checked by the workbook's own schema, so a file can never carry what the editor would refuse.

export const NATIVE_FORMAT = 'war-room-scenario';

export function isNative(doc: unknown): boolean {
  return asRecord(doc)?.format === NATIVE_FORMAT;
}

function where(path: readonly PropertyKey[]): string {
  let out = 'scenario';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  return out;
}

export function importNative(doc: unknown): Imported {
  const file = asRecord(doc)!;
  if (file.version !== 1) {
    refuse(
      `A war-room scenario file of version ${JSON.stringify(file.version)} is not one this app reads (it reads version 1)`,
    );
  }
  const parsed = ScenarioSchema.safeParse(file.scenario);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    refuse(`${where(issue.path)}: ${issue.message}`);
  }
  return { scenarios: [parsed.data], leftOut: [] };
}

/** A scenario as a file to share, which importNative reads back unchanged. */
export function toNativeFile(scenario: Scenario): { fileName: string; text: string } {
  const slug =
    scenario.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'scenario';
  return {
    fileName: `${slug}.scenario.json`,
    text: `${JSON.stringify({ format: NATIVE_FORMAT, version: 1, scenario }, null, 2)}\n`,
  };
}
