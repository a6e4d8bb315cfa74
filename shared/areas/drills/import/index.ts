import { importInk, isInk } from './ink';
import { importNative, isNative } from './native';
import { importOpenAev, isOpenAev } from './openaev';
import { type Imported, ImportRefusal, type ScenarioFormat, type ScenarioImport } from './types';
import { importWheel, isWheel } from './wheel';

// The one entry point for scenario files: it reads the text as `unknown`, recognises the format
// by its shape (never by the file name alone) and hands it to that importer. Pure: the host or
// the renderer gives it the text of a file the user chose.

export type { ScenarioFormat, ScenarioImport } from './types';

const ZIP_MAGIC = 'PK\u0003\u0004';

function parseJson(raw: string): { ok: true; doc: unknown } | { ok: false; error: string } {
  const textBody = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (textBody.trim() === '') return { ok: false, error: 'The file is empty' };
  try {
    return { ok: true, doc: JSON.parse(textBody) };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, error: `The file is not JSON (${detail})` };
  }
}

const FORMATS: readonly {
  format: ScenarioFormat;
  is(doc: unknown): boolean;
  run(doc: unknown, name: string): Imported;
}[] = [
  { format: 'war-room', is: isNative, run: importNative },
  { format: 'openaev', is: isOpenAev, run: importOpenAev },
  { format: 'ink-story', is: isInk, run: importInk },
  { format: 'wheel-of-misfortune', is: isWheel, run: importWheel },
];

/** Imports a scenario file's text, or refuses it whole with what is wrong and where. */
export function importScenarioFile(fileName: string, raw: string): ScenarioImport {
  if (raw.startsWith(ZIP_MAGIC) || /\.xlsx$/i.test(fileName)) {
    return {
      ok: false,
      format: 'unknown',
      error: `${fileName} is a spreadsheet (an .xlsx zip), not JSON: OpenAEV's spreadsheet inject timeline is not read here; export the scenario from OpenAEV as JSON instead`,
    };
  }
  const parsed = parseJson(raw);
  if (!parsed.ok) return { ok: false, format: 'unknown', error: `${fileName}: ${parsed.error}` };
  const match = FORMATS.find((f) => f.is(parsed.doc));
  if (!match) {
    return {
      ok: false,
      format: 'unknown',
      error: `${fileName} is JSON but not a scenario file this app knows (a war-room scenario, an OpenAEV scenario or exercise export, a Wheel of Misfortune list or an Ink story)`,
    };
  }
  try {
    const { scenarios, leftOut } = match.run(parsed.doc, fileName);
    return { ok: true, format: match.format, scenarios, leftOut };
  } catch (e) {
    if (!(e instanceof ImportRefusal)) throw e;
    return { ok: false, format: match.format, error: `${fileName}: ${e.message}` };
  }
}
