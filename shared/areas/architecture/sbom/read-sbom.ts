import { firstInvalidUtf8, lineAndColumn, locateJsonFault } from '../../../domain/json-scan';
import { readCycloneDx } from './cyclonedx';
import { readSpdx } from './spdx';
import { isObject, type OnProgress, quote, SbomError, type SbomResult } from './types';

// Reading an SBOM file the user picked: bytes → text → JSON → CycloneDX or SPDX → inventory.
// Pure (no DOM, no Node): the renderer runs it in a Web Worker so a 2 MB file never blocks the
// screen, and tests and benchmarks run the very same code. Anything wrong with the file as a
// whole is one refusal, with where; anything wrong with one part is listed as left out.

/** The largest SBOM read, as for workbooks: bigger files are refused before they are read. */
export const MAX_SBOM_BYTES = 50 * 1024 * 1024;

export function readSbomBytes(bytes: Uint8Array, onProgress?: OnProgress): SbomResult {
  if (bytes.length > MAX_SBOM_BYTES) {
    return refuse(`The file is ${(bytes.length / 1048576).toFixed(1)} MB; SBOMs of up to 50 MB are read`, '');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return refuse('The file is not UTF-8 text, so it cannot be JSON', bad >= 0 ? `byte ${bad + 1}` : '');
  }
  return readSbomText(text, onProgress);
}

export function readSbomText(raw: string, onProgress?: OnProgress): SbomResult {
  // A byte-order mark is not part of the JSON, and some tools write one.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (!text.trim()) return refuse('The file is empty', '');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    if (/^\s*</.test(text)) {
      return refuse('The file looks like XML; this app reads the JSON form of CycloneDX and SPDX', 'line 1');
    }
    const fault = locateJsonFault(text);
    if (!fault) {
      // Valid JSON the engine could not hold (nesting deeper than its stack).
      return refuse(
        `The file could not be read as JSON (${error instanceof Error ? error.message : error})`,
        '',
      );
    }
    const { line, column } = lineAndColumn(text, fault.offset);
    const reason = fault.atEnd
      ? `The file is not valid JSON: it ends early, where ${fault.expected} was expected (a truncated copy?)`
      : `The file is not valid JSON: expected ${fault.expected}`;
    return refuse(reason, `line ${line}, column ${column}`);
  }
  return readSbom(doc, onProgress);
}

/** Reads parsed JSON as an SBOM. */
export function readSbom(doc: unknown, onProgress?: OnProgress): SbomResult {
  try {
    if (!isObject(doc)) {
      const what = Array.isArray(doc) ? 'a list' : doc === null ? 'null' : `a ${typeof doc}`;
      return refuse(`This is not an SBOM: the file holds ${what}, not an object`, '');
    }
    if (doc.bomFormat !== undefined) {
      if (doc.bomFormat !== 'CycloneDX') {
        return refuse(
          `bomFormat is ${quote(doc.bomFormat)}; the only format of that name is 'CycloneDX'`,
          'bomFormat',
        );
      }
      return { ok: true, sbom: readCycloneDx(doc, onProgress) };
    }
    if (doc.spdxVersion !== undefined) return { ok: true, sbom: readSpdx(doc, onProgress) };
    if (typeof doc['@context'] === 'string' && /spdx/i.test(doc['@context'])) {
      return refuse('This is SPDX 3 (JSON-LD); this app reads SPDX 2.2 and 2.3 JSON', '@context');
    }
    return refuse('This is not a CycloneDX or SPDX document: it has neither bomFormat nor spdxVersion', '');
  } catch (error) {
    if (error instanceof SbomError) return refuse(error.reason, error.where);
    throw error;
  }
}

const refuse = (reason: string, where: string): SbomResult => ({ ok: false, refusal: { reason, where } });
