import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { METHOD_NAMES, type Method } from '../../../shared/contract';
import { COLLECTION_KEYS } from '../../../shared/domain/collections';
import { stopCondition } from '../../support/workbook-fixtures';

// Frame and input generators for fuzz.test.ts. Inputs are JSON *text*, so they can hold what JS
// values cannot round-trip: own "__proto__" keys, 1e999, nesting deeper than JSON.stringify can
// recurse. Whether an input happens to be valid is for the test's oracle to decide.

const SAMPLE = join(resolve(import.meta.dirname, '../../..'), 'resources/sample/crm-migration.rollout.json');

let nextId = 1;
/** A request frame `{id, method, input}` with a fresh id; `input` is JSON text (undefined: none). */
export const frameText = (method: string, input: string | undefined, id: number = nextId++) =>
  `{"id":${id},"method":${JSON.stringify(method)}${input === undefined ? '' : `,"input":${input}`}}`;

const SPECIAL_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'then',
  'type',
  'path',
  'fileId',
  'folderId',
  'fileName',
  'text',
  'name',
  'role',
  'backupId',
  'baseRevision',
  'item',
  'id',
];
const specialKey = fc.constantFrom(...SPECIAL_KEYS);
const anyKey = fc.oneof(fc.string({ maxLength: 12 }), specialKey);

/** Random JSON-able values of every shape, keys included. */
const anythingText = fc
  .anything({ key: anyKey, maxDepth: 3, maxKeys: 6, withNullPrototype: true, withSparseArray: true })
  .map((v) => JSON.stringify(v));

const deepText = fc
  .tuple(fc.integer({ min: 200, max: 30_000 }), fc.boolean())
  .map(([n, arrays]) =>
    arrays ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}0${'}'.repeat(n)}`,
  );

const hugeString = fc.integer({ min: 100_000, max: 2_000_000 }).map((n) => 'x'.repeat(n));
const hugeText = hugeString.map((s) => JSON.stringify(s));

const protoText = fc.constantFrom(
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"prototype":{"polluted":true}}',
  '[{"__proto__":{"polluted":true}}]',
  '{"__proto__":null}',
  '{"toString":"not a function","valueOf":1,"hasOwnProperty":null}',
);

const wrongTypeText = fc.constantFrom(
  '0',
  '-1',
  '1.5',
  '-0',
  '1e308',
  '1e999',
  '-1e999',
  'true',
  'false',
  'null',
  '""',
  '" "',
  '[]',
  '{}',
  '[null]',
  '"undefined"',
  '"\\u0000"',
  '"\\ud800"',
);

/** Any hostile value, as JSON text (undefined: the frame has no "input" at all). */
export const hostileText: fc.Arbitrary<string | undefined> = fc.oneof(
  { arbitrary: anythingText, weight: 6 },
  { arbitrary: wrongTypeText, weight: 3 },
  { arbitrary: protoText, weight: 2 },
  { arbitrary: deepText, weight: 1 },
  { arbitrary: hugeText, weight: 1 },
  { arbitrary: fc.constant(undefined), weight: 1 },
);
const hostileValueText = hostileText.map((t) => t ?? 'null');

/** Objects shaped like `{<field>: …}`, each wrong in one way or another. */
function objectWith(field: string): fc.Arbitrary<string> {
  const f = JSON.stringify(field);
  return fc.oneof(
    hostileValueText.map((t) => `{${f}:${t}}`),
    fc
      .tuple(
        fc.string({ maxLength: 40 }),
        fc.oneof(specialKey, fc.string({ maxLength: 10 })),
        hostileValueText,
      )
      .map(([v, k, t]) => `{${f}:${JSON.stringify(v)},${JSON.stringify(k)}:${t}}`),
    fc.constantFrom(
      `{${f}:""}`,
      `{${f}:"   "}`,
      `{${f}:"a\\u0000b.rollout.json"}`,
      `{${f}:"${'x'.repeat(4097)}"}`,
      `{${f}:["plan.rollout.json"]}`,
      `{${f}:{"toString":"plan.rollout.json"}}`,
      `{"${field.toUpperCase()}":"plan.rollout.json"}`,
    ),
    hugeString.map((s) => `{${f}:"plan.rollout.json",${JSON.stringify(s)}:1}`),
  );
}

/** Ids that exist in the sample, so moves and removes also target real items. */
const realIds = [...readFileSync(SAMPLE, 'utf8').matchAll(/"id": "([^"]+)"/g)].map((m) => m[1]!);

const json = (value: unknown) => JSON.stringify(value) ?? 'null';
/** `{"k": v, …}` from pairs whose values are already JSON text. */
const objectText = (pairs: [string, string | undefined][]) =>
  `{${pairs
    .filter((p): p is [string, string] => p[1] !== undefined)
    .map(([k, v]) => `${json(k)}:${v}`)
    .join(',')}}`;

// Mostly well formed, so most commands get past the contract's schema to the reducer's checks.
const collectionText = fc.oneof(
  { arbitrary: fc.constantFrom(...COLLECTION_KEYS).map(json), weight: 8 },
  {
    arbitrary: fc.constantFrom('cab.secrets', '__proto__', 'success', 'audit', 'constructor').map(json),
    weight: 1,
  },
  { arbitrary: hostileValueText, weight: 1 },
);
const idText = fc.oneof(
  { arbitrary: fc.constantFrom('no-such-id', 'fz-missing-1', 'sc-9999').map(json), weight: 3 },
  { arbitrary: fc.constantFrom(...realIds).map(json), weight: 3 },
  { arbitrary: fc.constantFrom('../../etc/passwd', '', 'a'.repeat(65), '__proto__').map(json), weight: 1 },
  { arbitrary: fc.string({ maxLength: 70 }).map(json), weight: 1 },
  { arbitrary: hostileValueText, weight: 1 },
);
const indexText = fc.oneof(
  { arbitrary: fc.integer({ min: -5, max: 1_000_000 }).map(json), weight: 6 },
  { arbitrary: fc.constantFrom('1e999', '-1e999', '0.5', '-0', '1e308', '"1"'), weight: 2 },
  { arbitrary: hostileValueText, weight: 1 },
);
/** A stop condition that is valid except for one field, which gets a hostile value. */
const VALID_STOP: Record<string, unknown> = stopCondition('fz-stop');
const nearValidItem = fc
  .tuple(fc.constantFrom(...Object.keys(VALID_STOP), '__proto__', 'constructor', 'extra'), hostileValueText)
  .map(([field, value]) =>
    objectText([
      ...Object.entries({ ...VALID_STOP, [field]: undefined }).map(
        ([k, v]) => [k, json(v)] as [string, string | undefined],
      ),
      [field, value],
    ]),
  );
const itemText = fc.oneof(
  { arbitrary: nearValidItem, weight: 3 },
  { arbitrary: hostileValueText, weight: 1 },
);
/** The revision an edit claims to start from: mostly current or older, sometimes from the future. */
const baseText = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 12 }).map(json), weight: 6 },
  { arbitrary: fc.constantFrom('-1', '1.5', '"4"', '1e999', 'null'), weight: 1 },
  { arbitrary: fc.constant(undefined), weight: 1 },
);
const nameText = fc.oneof(
  { arbitrary: fc.string({ maxLength: 200 }).map(json), weight: 2 },
  { arbitrary: hostileValueText, weight: 1 },
);

/**
 * Commands of every type, well formed except where they are hostile: these reach the reducer's
 * own checks (item schemas, ids that do not exist, indexes past the end). The oracle drops any
 * that would apply.
 */
const wellFormedCommand = fc.oneof(
  nameText.map((name) =>
    objectText([
      ['type', '"workbook.rename"'],
      ['name', name],
    ]),
  ),
  fc
    .tuple(collectionText, itemText, fc.option(indexText, { nil: undefined }))
    .map(([collection, item, index]) =>
      objectText([
        ['type', '"item.add"'],
        ['collection', collection],
        ['item', item],
        ['index', index],
      ]),
    ),
  fc.tuple(collectionText, idText, itemText, baseText).map(([collection, id, item, base]) =>
    objectText([
      ['type', '"item.update"'],
      ['collection', collection],
      ['id', id],
      ['item', item],
      ['baseRevision', base],
    ]),
  ),
  fc.tuple(collectionText, idText, baseText).map(([collection, id, base]) =>
    objectText([
      ['type', '"item.remove"'],
      ['collection', collection],
      ['id', id],
      ['baseRevision', base],
    ]),
  ),
  fc.tuple(collectionText, idText, indexText).map(([collection, id, toIndex]) =>
    objectText([
      ['type', '"item.move"'],
      ['collection', collection],
      ['id', id],
      ['toIndex', toIndex],
    ]),
  ),
);

/** Commands with any mix of fields, types the host does not accept, and extra keys. */
const looseCommand: fc.Arbitrary<string> = fc
  .record(
    {
      type: fc
        .oneof(
          fc.constantFrom('workbook.rename', 'item.add', 'history.undo', 'workbook.delete', 'ITEM.ADD'),
          fc.string({ maxLength: 20 }),
        )
        .map(json),
      collection: collectionText,
      id: idText,
      item: itemText,
      index: indexText,
      toIndex: indexText,
      name: hostileValueText,
      [SPECIAL_KEYS[0]!]: hostileValueText,
      extra: hostileValueText,
    },
    { requiredKeys: [] },
  )
  .map((fields) => objectText(Object.entries(fields)));

const commandText = fc.oneof(
  { arbitrary: wellFormedCommand, weight: 3 },
  { arbitrary: looseCommand, weight: 1 },
);

/**
 * What a page might send where a path used to go: paths, traversal, device files, NUL, very
 * long names, and look-alikes of "/" and "." (fullwidth, division slash, one-dot leader).
 */
export const HOSTILE_NAMES = [
  '/etc/passwd',
  '../../../etc/shadow',
  '..',
  '.',
  '../plan.rollout.json',
  'sub/plan.rollout.json',
  'C:\\Windows\\win.ini',
  '~/.ssh/id_rsa',
  '/dev/zero',
  '/proc/self/environ',
  'a\u0000b.rollout.json',
  '.hidden.rollout.json',
  'evil.rollout.json', // a symlink to /etc/passwd in the workbooks folder
  'outside.rollout.json', // a symlink to a workbook outside every allowed folder
  '\uff0e\uff0e\uff0fetc\uff0fpasswd', // fullwidth ../etc/passwd
  '\u2215etc\u2215passwd', // division slashes
  '\u2024\u2024/x', // one-dot leaders
  'plan\u202e.rollout.json', // a right-to-left override
  'x'.repeat(400),
  'é'.repeat(150),
  'crm-migration', // exists already: replacing needs the user's say-so
];
const hostileNameText = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_NAMES).map(json), weight: 4 },
  { arbitrary: fc.string({ maxLength: 60 }).map(json), weight: 2 },
  { arbitrary: hostileValueText, weight: 1 },
);
/** Ids in the shape the host hands out (so they pass the schema) that name nothing it offered. */
const strangerIdText = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{22,24}$/).map(json),
  fc.constantFrom('passwd', 'etc', 'workbooks', 'allowed-9', '..x', 'crm-migration.rollout.json').map(json),
);
const folderIdText = fc.oneof(
  { arbitrary: fc.constantFrom('workbooks', 'allowed-1').map(json), weight: 4 },
  { arbitrary: strangerIdText, weight: 1 },
  { arbitrary: hostileValueText, weight: 1 },
);
/** Upload content that is not a workbook (a real one would be saved: the oracle skips those). */
const notWorkbookText = fc.oneof(
  fc
    .constantFrom(
      '',
      'root:x:0:0:root:/root:/bin/bash\n',
      '{"schemaVersion": 3,',
      '[]',
      '{"schemaVersion": 99}',
    )
    .map(json),
  fc.string({ maxLength: 80 }).map(json),
);

export interface KnownIds {
  /** The id of the workbook open for editing. */
  current(): string;
  /** Ids the host would give the targets of symlinks that lead out of the allowed folders. */
  outside(): string[];
}

/** Hostile inputs for `method`. */
export function inputFor(method: Method, ids: KnownIds): fc.Arbitrary<string | undefined> {
  const currentId = ids.current;
  switch (method) {
    case 'workbook:dispatch-command':
      return fc.oneof({ arbitrary: hostileText, weight: 1 }, { arbitrary: commandText, weight: 5 });
    case 'workbook:open-file':
      return fc.oneof(
        { arbitrary: hostileText, weight: 3 },
        { arbitrary: objectWith('fileId'), weight: 3 },
        { arbitrary: hostileNameText.map((n) => objectText([['fileId', n]])), weight: 3 },
        { arbitrary: strangerIdText.map((n) => objectText([['fileId', n]])), weight: 3 },
        {
          arbitrary: fc
            .constant(null)
            .chain(() => fc.constantFrom(...ids.outside()))
            .map((n) => objectText([['fileId', json(n)]])),
          weight: 2,
        },
        // Reopening the file already open for editing is a no-op: valid, answered, nothing changes.
        { arbitrary: fc.constant(null).map(() => objectText([['fileId', json(currentId())]])), weight: 1 },
      );
    case 'workbook:save-as':
      return fc.oneof(
        { arbitrary: hostileText, weight: 1 },
        { arbitrary: objectWith('fileName'), weight: 1 },
        {
          arbitrary: fc
            .tuple(folderIdText, hostileNameText, fc.option(fc.boolean(), { nil: undefined }))
            .map(([folderId, fileName, overwrite]) =>
              objectText([
                ['folderId', folderId],
                ['fileName', fileName],
                ['overwrite', overwrite === undefined ? undefined : json(overwrite)],
              ]),
            ),
          weight: 6,
        },
      );
    case 'workbook:upload-copy':
      return fc.oneof(
        { arbitrary: hostileText, weight: 1 },
        { arbitrary: objectWith('text'), weight: 1 },
        {
          arbitrary: fc.tuple(hostileNameText, notWorkbookText).map(([fileName, text]) =>
            objectText([
              ['fileName', fileName],
              ['text', text],
            ]),
          ),
          weight: 4,
        },
      );
    case 'workbook:create-file':
      return fc.oneof(hostileText, objectWith('name'));
    case 'workbook:restore-backup':
      return fc.oneof(
        hostileText,
        objectWith('backupId'),
        fc.oneof(hostileNameText, strangerIdText).map((n) => objectText([['backupId', n]])),
      );
    case 'settings:set-identity':
      return fc.oneof(hostileText, objectWith('name'), objectWith('role'));
    case 'history:list-entries':
      return fc.oneof(hostileText, objectWith('area'), objectWith('before'), objectWith('limit'));
    default:
      return hostileText;
  }
}

export const unknownName = fc.oneof(
  fc.string({ maxLength: 40 }),
  specialKey,
  fc.constantFrom(
    'workbook:format-disk',
    'session:get-state ',
    ' session:get-state',
    'SESSION:GET-STATE',
    'workbook:open-file\u0000',
    'workbook:dispatch-command.constructor',
    'workbook/open-file',
  ),
  hugeString,
);

/** Names that are not strings at all, as JSON text. */
const nonStringName = fc.oneof(
  wrongTypeText,
  protoText,
  anythingText.filter((t) => t !== undefined),
);

/** Frames whose method is not a string at all. */
export const nonStringNameFrame = fc
  .tuple(nonStringName, hostileText)
  .map(
    ([name, input]) => `{"id":${nextId++},"method":${name}${input === undefined ? '' : `,"input":${input}`}}`,
  );

/** Whole frames that are wrong as frames: bad JSON, NaN/Infinity, no id, bad ids, binary. */
const NON_FINITE = ['NaN', 'Infinity', '-Infinity', '1e999', '-1e999'];
export const rawFrame: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 3 }),
  fc
    .tuple(fc.constantFrom(...METHOD_NAMES), fc.constantFrom(...NON_FINITE), fc.integer({ min: 0, max: 3 }))
    .map(([method, lit, where]) => {
      const id = nextId++;
      const stop = `{"id":"sc-fz","metric":"m","comparator":">","threshold":${lit},"unit":"%","windowMinutes":5,"action":"pause","callers":["x"]}`;
      return [
        `{"id":${lit},"method":"${method}"}`,
        `{"id":${id},"method":"${method}","input":${lit}}`,
        `{"id":${id},"method":"workbook:dispatch-command","input":{"type":"item.add","collection":"success.stopConditions","item":${stop}}}`,
        `{"id":${id},"method":"workbook:dispatch-command","input":{"type":"item.move","collection":"architecture.waves","id":"x","toIndex":${lit}}}`,
      ][where]!;
    }),
  fc
    .tuple(fc.constantFrom(...METHOD_NAMES), hostileText)
    .map(([method, input]) => `{"method":"${method}"${input === undefined ? '' : `,"input":${input}`}}`),
  fc
    .tuple(
      fc.constantFrom('"7"', 'null', '[]', '{}', 'true', '"NaN"', '1e999', '-1e999'),
      fc.constantFrom(...METHOD_NAMES),
    )
    .map(([id, method]) => `{"id":${id},"method":"${method}"}`),
  fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes)),
  fc
    .uint8Array({ minLength: 1, maxLength: 16 })
    .map((bytes) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bytes), Buffer.from('{"id":1}')])),
  // A request as a binary frame is still a request, and must be judged like one.
  fc
    .tuple(fc.constantFrom(...METHOD_NAMES), hostileText)
    .map(([method, input]) => Buffer.from(frameText(method, input))),
);
