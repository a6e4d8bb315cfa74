import { isUtf8 } from 'node:buffer';
import type { ProblemKind } from '../../shared/contract';
import { summarizeIssues, toFieldIssues } from '../../shared/schema/issues';
import { MigrationError, migrate } from '../../shared/schema/migrations';
import { SCHEMA_VERSION, type WorkbookFile, WorkbookFileSchema } from '../../shared/schema/workbook';
import { carryApprovals } from './cab-hash';
import { firstInvalidUtf8, lineAndColumn, locateJsonFault } from './json-scan';
import { checkTree, MAX_DEPTH } from './tree-check';

// Bytes in, a valid current-version workbook (or one specific, located problem) out. Pure: no
// file system, so the same checks serve opening, restoring and listing backups. The checks run
// cheapest-and-most-basic first, so each file is named by its most fundamental defect.

export type Decoded =
  | { ok: true; file: WorkbookFile; fromVersion: number; applied: string[] }
  | { ok: false; kind: ProblemKind; detail: string };

// Details say what is wrong and where; the problem screen itself promises the file was not changed.

const fail = (kind: ProblemKind, detail: string): Decoded => ({ ok: false, kind, detail });

export function decodeWorkbook(bytes: Uint8Array): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length === 0) return fail('empty', 'The file is 0 bytes long.');
  const nul = buffer.indexOf(0);
  if (nul >= 0) {
    // UTF-16 text puts a zero byte beside every ASCII character: a re-save, not a damaged disk.
    const utf16 = looksLikeUtf16(buffer);
    return fail(
      'nul-bytes',
      `The file contains a NUL (zero) byte at byte offset ${nul}, which never appears in a workbook; ` +
        (utf16
          ? 'it looks like it was saved as UTF-16 text. Save it again as UTF-8.'
          : 'this usually means the disk or a copy was interrupted.'),
    );
  }
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return fail(
      'bom',
      'The file starts with a UTF-8 byte-order mark (bytes EF BB BF at offset 0), which workbooks ' +
        'never contain; another editor probably re-saved it.',
    );
  }
  // The native check is fast; the JavaScript scan runs only to name the offending byte.
  const badByte = isUtf8(buffer) ? -1 : firstInvalidUtf8(buffer);
  if (badByte >= 0) {
    return fail(
      'not-json',
      `The file is not UTF-8 text: byte offset ${badByte} (0x${buffer[badByte]!.toString(16)}) is not ` +
        `valid UTF-8, so it may have been saved in another encoding.`,
    );
  }
  const text = buffer.toString('utf8');
  if (text.trim() === '') {
    return fail('empty', `The file holds only ${buffer.length} bytes of whitespace.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return describeParseFailure(text, error);
  }
  return decodeValue(value);
}

function looksLikeUtf16(buffer: Buffer): boolean {
  const bom = (buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff);
  if (bom) return true;
  // "{" then a zero byte (little-endian) or a zero byte then "{" (big-endian).
  return (buffer[0] === 0x7b && buffer[1] === 0) || (buffer[0] === 0 && buffer[1] === 0x7b);
}

function describeParseFailure(text: string, error: unknown): Decoded {
  const fault = locateJsonFault(text);
  if (!fault) {
    // The scanner accepted what V8 refused: report V8's own words rather than guess a place.
    return fail('not-json', `The file is not valid JSON: ${(error as Error).message}.`);
  }
  const { line, column } = lineAndColumn(text, fault.offset);
  if (fault.atEnd) {
    return fail(
      'truncated',
      `The file stops in the middle of the data at line ${line}, column ${column} (after ` +
        `${Buffer.byteLength(text)} bytes), where ${fault.expected} should follow; it was probably ` +
        `cut off while being saved or copied.`,
    );
  }
  const found = JSON.stringify(String.fromCodePoint(text.codePointAt(fault.offset)!));
  return fail(
    'not-json',
    `The file is not valid JSON: at line ${line}, column ${column} expected ${fault.expected} ` +
      `but found ${found}.`,
  );
}

function kindOfValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** Checks parsed JSON: shape, version, migration and schema. */
export function decodeValue(value: unknown): Decoded {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(
      'not-an-object',
      `The file holds ${kindOfValue(value)} at the top level, but a workbook is a JSON object ` +
        `({ ... }).`,
    );
  }
  const tree = checkTree(value);
  if (tree?.kind === 'too-deep') {
    return fail(
      'too-deep',
      `The data is nested more than ${MAX_DEPTH} levels deep, at ${tree.path}; a workbook never ` +
        `nests that far, so the file was not read further.`,
    );
  }
  if (tree?.kind === 'forbidden-key') {
    return fail(
      'forbidden-key',
      `The key "${tree.key}" ${tree.path ? `at ${tree.path}` : 'at the top level'} is not allowed in a ` +
        'workbook: it can be used to tamper ' +
        `with the program, so the file was not loaded.`,
    );
  }
  const doc = value as Record<string, unknown>;
  const version = doc.schemaVersion;
  if (!Number.isInteger(version) || (version as number) < 1) {
    const seen = version === undefined ? 'is missing' : `is ${JSON.stringify(version)}`;
    return fail(
      'missing-version',
      `The top-level field schemaVersion ${seen}; a workbook records its format version as a whole ` +
        `number such as ${SCHEMA_VERSION}.`,
    );
  }
  const fromVersion = version as number;
  if (fromVersion > SCHEMA_VERSION) {
    return fail(
      'future-version',
      `The file was made by a newer version of Rollout War Room (schema ${fromVersion}; this build ` +
        `reads up to ${SCHEMA_VERSION}). Update the app to open it.`,
    );
  }
  let migrated = doc;
  let applied: string[] = [];
  if (fromVersion < SCHEMA_VERSION) {
    try {
      ({ doc: migrated, applied } = migrate(doc, fromVersion));
      migrated = carryApprovals(doc, migrated);
    } catch (error) {
      const where = error instanceof MigrationError ? ` (step ${error.migration}, at ${error.where})` : '';
      return fail(
        'migration-failed',
        `The file uses schema ${fromVersion} and could not be upgraded to schema ${SCHEMA_VERSION}` +
          `${where}: ${(error as Error).message}.`,
      );
    }
  }
  const parsed = WorkbookFileSchema.safeParse(migrated);
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error);
    const s = issues.length === 1 ? '' : 's';
    return fail(
      'wrong-schema',
      `The file is JSON but not a valid workbook (${issues.length} problem${s}): ` +
        `${summarizeIssues(issues)}.`,
    );
  }
  return { ok: true, file: parsed.data, fromVersion, applied };
}
