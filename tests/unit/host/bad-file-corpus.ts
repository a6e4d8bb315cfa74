import type { ProblemKind } from '../../../shared/contract';
import { SCHEMA_VERSION } from '../../../shared/schema/workbook';
import { stopCondition, workbookJson } from './helpers';

// The bad-file corpus for bad-files.test.ts, generated in code: one entry per way a workbook file
// can be damaged or foreign, each with the kind and the specific, located message it must get.

export const valid = workbookJson();
const withStops = (stops: unknown[]) =>
  workbookJson({ success: { ...JSON.parse(valid).success, stopConditions: stops } });
const edited = (change: (doc: Record<string, unknown>) => void) => {
  const doc = JSON.parse(valid) as Record<string, unknown>;
  change(doc);
  return JSON.stringify(doc, null, 2);
};
const nulAt = valid.indexOf('"name"');

/** A workbook with content, cut at `at` (a character index; the text is ASCII, so also bytes). */
const full = withStops([{ ...stopCondition('sc-1'), threshold: 2.75 }]);
function truncatedAt(label: string, at: number, expected: string): BadFile {
  const before = full.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return {
    name: `cut off ${label}`,
    bytes: () => Buffer.from(before),
    kind: 'truncated',
    detail: new RegExp(
      `stops in the middle of the data at line ${line}, column ${column} \\(after ${at} bytes\\), ` +
        `where ${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} should follow`,
    ),
  };
}

const MB = 1024 * 1024;

export interface BadFile {
  name: string;
  /** Generated on demand: the 60 MB case should not sit in memory for the whole run. */
  bytes: () => Buffer;
  kind: ProblemKind;
  detail: RegExp;
  /** False for files too large to copy into quarantine. */
  quarantined?: boolean;
}

export const CASES: BadFile[] = [
  // Empty
  { name: 'zero bytes', bytes: () => Buffer.alloc(0), kind: 'empty', detail: /0 bytes long/ },
  {
    name: 'only whitespace',
    bytes: () => Buffer.from(' \n\t\r\n'),
    kind: 'empty',
    detail: /only 5 bytes of whitespace/,
  },
  // Truncated at several points
  truncatedAt('after the first byte', 1, "a property name in double quotes or '}'"),
  truncatedAt('inside a key', full.indexOf('"schemaVersion"') + 7, "a closing '\"'"),
  truncatedAt('inside a text value', full.indexOf('"Test rollout"') + 5, "a closing '\"'"),
  truncatedAt('after a key', full.indexOf('"revision"') + '"revision"'.length, "':'"),
  truncatedAt('after a colon', full.indexOf('"revision"') + '"revision":'.length, 'a value'),
  truncatedAt('after a comma', full.indexOf('"sc-1"') + '"sc-1",'.length, 'a property name in double quotes'),
  truncatedAt(
    'inside a list',
    full.indexOf('}', full.indexOf(']', full.indexOf('"callers"'))) + 1,
    "',' or ']'",
  ),
  truncatedAt('before the last brace', full.trimEnd().length - 1, "',' or '}'"),
  // NUL bytes
  {
    name: 'NUL bytes in the middle',
    bytes: () =>
      Buffer.concat([Buffer.from(valid.slice(0, nulAt)), Buffer.alloc(64), Buffer.from(valid.slice(nulAt))]),
    kind: 'nul-bytes',
    detail: new RegExp(`NUL \\(zero\\) byte at byte offset ${nulAt}\\b`),
  },
  {
    name: 'nothing but NUL bytes (a block zeroed by a crash)',
    bytes: () => Buffer.alloc(4096),
    kind: 'nul-bytes',
    detail: /NUL \(zero\) byte at byte offset 0\b.*disk or a copy was interrupted/,
  },
  {
    name: 'UTF-16 text (re-saved by another editor)',
    bytes: () => Buffer.from(`\uFEFF${valid}`, 'utf16le'),
    kind: 'nul-bytes',
    detail: /saved as UTF-16 text\. Save it again as UTF-8/,
  },
  // Byte-order mark
  {
    name: 'a byte-order mark',
    bytes: () => Buffer.from(`\uFEFF${valid}`),
    kind: 'bom',
    detail: /EF BB BF at offset 0/,
  },
  // Not JSON
  {
    name: 'a bare word',
    bytes: () => Buffer.from('{\n  "schemaVersion": 2,\n  "name": oops\n}'),
    kind: 'not-json',
    detail: /line 3, column 11 expected a value but found "o"/,
  },
  {
    name: 'not UTF-8',
    bytes: () => Buffer.concat([Buffer.from('{"name": "Caf'), Buffer.from([0xe9]), Buffer.from('"}')]),
    kind: 'not-json',
    detail: /byte offset 13 \(0xe9\) is not valid UTF-8/,
  },
  {
    name: 'a NaN literal',
    bytes: () => Buffer.from(valid.replace('"revision": 0', '"revision": NaN')),
    kind: 'not-json',
    detail: /line 7, column 15 expected a value but found "N"/,
  },
  {
    name: 'text after the end',
    bytes: () => Buffer.from(`${valid}}`),
    kind: 'not-json',
    detail: /expected the end of the file but found "}"/,
  },
  {
    name: 'a comment',
    bytes: () => Buffer.from(`// exported by hand\n${valid}`),
    kind: 'not-json',
    detail: /line 1, column 1 expected a value but found "\/"/,
  },
  // JSON, but not an object
  {
    name: 'a JSON array',
    bytes: () => Buffer.from(`[${valid}]`),
    kind: 'not-an-object',
    detail: /holds an array at the top level/,
  },
  { name: 'a number', bytes: () => Buffer.from('42'), kind: 'not-an-object', detail: /holds a number/ },
  { name: 'a string', bytes: () => Buffer.from('"workbook"'), kind: 'not-an-object', detail: /a string/ },
  { name: 'null', bytes: () => Buffer.from('null'), kind: 'not-an-object', detail: /holds null at the top/ },
  // Deeply nested
  {
    name: 'nesting 150 levels deep',
    bytes: () => Buffer.from(`{"cab": {"x": ${'['.repeat(150)}${']'.repeat(150)}}}`),
    kind: 'too-deep',
    detail: /more than 100 levels deep, at cab\.x\[0\]\[0\]\[0\]\[0\]…;/,
  },
  {
    name: 'nesting 100 000 levels deep',
    bytes: () => Buffer.from(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`),
    kind: 'too-deep',
    detail: /more than 100 levels deep, at a\.a\.a\.a\.a\.a…;/,
  },
  // Prototype-pollution keys
  {
    name: 'a top-level __proto__ key',
    bytes: () => Buffer.from(valid.replace('{', '{\n  "__proto__": {"polluted": true, "isAdmin": true},')),
    kind: 'forbidden-key',
    detail: /The key "__proto__" at the top level is not allowed/,
  },
  {
    name: 'a nested __proto__ key',
    bytes: () =>
      Buffer.from(withStops([stopCondition('sc-1')]).replace('"id": "sc-1"', '"__proto__": {"polluted": 1}')),
    kind: 'forbidden-key',
    detail: /"__proto__" at success\.stopConditions\[0\]/,
  },
  {
    name: 'a constructor.prototype key',
    bytes: () => Buffer.from('{"constructor": {"prototype": {"polluted": true}}, "schemaVersion": 2}'),
    kind: 'forbidden-key',
    detail: /"constructor" at the top level is not allowed/,
  },
  {
    name: 'a prototype key',
    bytes: () => Buffer.from(edited((d) => Object.assign(d, { cab: { prototype: { polluted: true } } }))),
    kind: 'forbidden-key',
    detail: /"prototype" at cab is not allowed/,
  },
  // Version
  {
    name: 'no schemaVersion',
    bytes: () => Buffer.from(edited((d) => delete d.schemaVersion)),
    kind: 'missing-version',
    detail: /schemaVersion is missing/,
  },
  {
    name: 'a text schemaVersion',
    bytes: () => Buffer.from(edited((d) => Object.assign(d, { schemaVersion: '2' }))),
    kind: 'missing-version',
    detail: /schemaVersion is "2"/,
  },
  {
    name: 'schemaVersion 0',
    bytes: () => Buffer.from(edited((d) => Object.assign(d, { schemaVersion: 0 }))),
    kind: 'missing-version',
    detail: /schemaVersion is 0; a workbook records its format version as a whole number/,
  },
  {
    name: 'a future schemaVersion',
    bytes: () => Buffer.from(edited((d) => Object.assign(d, { schemaVersion: SCHEMA_VERSION + 3 }))),
    kind: 'future-version',
    detail: new RegExp(
      `^The file was made by a newer version of Rollout War Room \\(schema ${SCHEMA_VERSION + 3}; this build reads up to ${SCHEMA_VERSION}\\)\\. Update the app to open it\\.$`,
    ),
  },
  {
    name: 'a far-future schemaVersion with unknown sections',
    bytes: () => Buffer.from(edited((d) => Object.assign(d, { schemaVersion: 999_999, hologram: {} }))),
    kind: 'future-version',
    detail: new RegExp(`\\(schema 999999; this build reads up to ${SCHEMA_VERSION}\\)`),
  },
  {
    name: 'a version-1 window that cannot be read',
    bytes: () =>
      Buffer.from(
        withStops([{ ...stopCondition('sc-1'), windowMinutes: undefined, window: 'soon' }]).replace(
          `"schemaVersion": ${SCHEMA_VERSION}`,
          '"schemaVersion": 1',
        ),
      ),
    kind: 'migration-failed',
    detail:
      /schema 1 .* \(step 001-stop-window-minutes, at success\.stopConditions\[0\]\.window\): cannot read window "soon"/,
  },
  // Wrong types, missing sections
  {
    name: 'a text threshold',
    bytes: () =>
      Buffer.from(
        withStops([
          stopCondition('sc-1'),
          stopCondition('sc-2'),
          { ...stopCondition('sc-3'), threshold: 'high' },
        ]),
      ),
    kind: 'wrong-schema',
    detail: /\(1 problem\): success\.stopConditions\[2\]\.threshold: Threshold must be a number/,
  },
  {
    name: 'a text revision',
    bytes: () => Buffer.from(edited((d) => Object.assign(d, { revision: '3' }))),
    kind: 'wrong-schema',
    detail: /\(1 problem\): revision: .*expected number, received string/,
  },
  {
    name: 'a section of the wrong type',
    bytes: () => Buffer.from(edited((d) => Object.assign(d.success as object, { stopConditions: 'none' }))),
    kind: 'wrong-schema',
    detail: /\(1 problem\): success\.stopConditions: .*expected array, received string/,
  },
  {
    name: 'missing required sections',
    bytes: () =>
      Buffer.from(
        edited((d) => {
          delete d.success;
          delete d.audit;
        }),
      ),
    kind: 'wrong-schema',
    detail: /\(2 problems\): success: missing \(expected object\); audit: missing \(expected array\)/,
  },
  // Huge
  {
    name: 'a 60 MB file',
    // Real content, not a sparse file: JSON with one enormous string, as a runaway export would be.
    bytes: () => {
      const bytes = Buffer.alloc(60 * MB, 'x');
      bytes.write('{"schemaVersion": 2, "name": "');
      bytes.write('"}\n', bytes.length - 3);
      return bytes;
    },
    kind: 'too-large',
    detail: /^The file is 60\.0 MB; a workbook is at most 50\.0 MB, so it was not read\.$/,
    quarantined: false,
  },
];
