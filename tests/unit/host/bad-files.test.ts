import { mkdir, open, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/host/dispatch';
import type { ProblemKind } from '../../../shared/contract';
import { addStop, call, makeHost, readJson, stopCondition, tempDir, workbookJson } from './helpers';

// Every class of bad file a user can meet: each is named precisely, located, quarantined as a
// copy, and the original is left byte-for-byte as it was.

const valid = workbookJson();
const withStops = (stops: unknown[]) =>
  workbookJson({ success: { ...JSON.parse(valid).success, stopConditions: stops } });
const nulAt = valid.indexOf('"name"');

const CASES: { name: string; bytes: Buffer; kind: ProblemKind; detail: RegExp }[] = [
  { name: 'zero bytes', bytes: Buffer.alloc(0), kind: 'empty', detail: /0 bytes long/ },
  { name: 'only whitespace', bytes: Buffer.from(' \n\t\n'), kind: 'empty', detail: /4 bytes of whitespace/ },
  {
    name: 'NUL bytes',
    bytes: Buffer.concat([
      Buffer.from(valid.slice(0, nulAt)),
      Buffer.alloc(64),
      Buffer.from(valid.slice(nulAt)),
    ]),
    kind: 'nul-bytes',
    detail: new RegExp(`byte offset ${nulAt}\\b`),
  },
  {
    name: 'a byte-order mark',
    bytes: Buffer.from(`\uFEFF${valid}`),
    kind: 'bom',
    detail: /EF BB BF at offset 0/,
  },
  {
    name: 'cut off mid-file',
    bytes: Buffer.from(valid.slice(0, 200)),
    kind: 'truncated',
    detail: /stops in the middle .* at line \d+, column \d+ \(after 200 bytes\)/,
  },
  {
    name: 'not JSON',
    bytes: Buffer.from('{\n  "schemaVersion": 2,\n  "name": oops\n}'),
    kind: 'not-json',
    detail: /line 3, column 11 expected a value but found "o"/,
  },
  {
    name: 'not UTF-8',
    bytes: Buffer.concat([Buffer.from('{"name": "Caf'), Buffer.from([0xe9]), Buffer.from('"}')]),
    kind: 'not-json',
    detail: /byte offset 13 \(0xe9\) is not valid UTF-8/,
  },
  {
    name: 'an array',
    bytes: Buffer.from('[1, 2]'),
    kind: 'not-an-object',
    detail: /holds an array at the top level/,
  },
  { name: 'a number', bytes: Buffer.from('42'), kind: 'not-an-object', detail: /holds a number/ },
  {
    name: 'deep nesting',
    bytes: Buffer.from(`{"cab": {"x": ${'['.repeat(150)}${']'.repeat(150)}}}`),
    kind: 'too-deep',
    detail: /more than 100 levels deep, at cab\.x\[0\]\[0\]\[0\]\[0\]…;/,
  },
  {
    name: 'a __proto__ key',
    bytes: Buffer.from(
      withStops([{ ...stopCondition('sc-1') }]).replace('"id": "sc-1"', '"__proto__": {"x": 1}'),
    ),
    kind: 'forbidden-key',
    detail: /"__proto__" at success\.stopConditions\[0\]/,
  },
  {
    name: 'a top-level constructor key',
    bytes: Buffer.from('{"constructor": {"prototype": {}}, "schemaVersion": 2}'),
    kind: 'forbidden-key',
    detail: /"constructor" at the top level is not allowed/,
  },
  {
    name: 'no schemaVersion',
    bytes: Buffer.from(JSON.stringify({ ...JSON.parse(valid), schemaVersion: undefined })),
    kind: 'missing-version',
    detail: /schemaVersion is missing/,
  },
  {
    name: 'a text schemaVersion',
    bytes: Buffer.from(JSON.stringify({ ...JSON.parse(valid), schemaVersion: '2' })),
    kind: 'missing-version',
    detail: /schemaVersion is "2"/,
  },
  {
    name: 'a future schemaVersion',
    bytes: Buffer.from(JSON.stringify({ ...JSON.parse(valid), schemaVersion: 7 })),
    kind: 'future-version',
    detail:
      /^The file was made by a newer version of Rollout War Room \(schema 7; this build reads up to 2\)\. Update the app; the file was not changed\.$/,
  },
  {
    name: 'a version-1 window that cannot be read',
    bytes: Buffer.from(
      withStops([{ ...stopCondition('sc-1'), windowMinutes: undefined, window: 'soon' }]).replace(
        '"schemaVersion": 2',
        '"schemaVersion": 1',
      ),
    ),
    kind: 'migration-failed',
    detail:
      /schema 1 .* \(step 001-stop-window-minutes, at success\.stopConditions\[0\]\.window\): cannot read window "soon"/,
  },
  {
    name: 'the wrong schema',
    bytes: Buffer.from(
      withStops([
        stopCondition('sc-1'),
        stopCondition('sc-2'),
        { ...stopCondition('sc-3'), threshold: 'high' },
      ]),
    ),
    kind: 'wrong-schema',
    detail: /\(1 problem\): success\.stopConditions\[2\]\.threshold: Threshold must be a number/,
  },
];

async function setUp() {
  const dataDir = await tempDir();
  const folder = join(dataDir, 'shared-drive');
  await mkdir(folder);
  return { dataDir, path: join(folder, 'plan.rollout.json'), host: makeHost(dataDir) };
}

describe('opening bad workbook files', () => {
  it.each(CASES)(
    'names $name as $kind, leaves the original untouched and keeps a quarantined copy',
    async (c) => {
      const { dataDir, path, host } = await setUp();
      await writeFile(path, c.bytes);

      const state = await host.api['workbook:open-file']({ path });

      expect(state.workbook).toBeNull();
      expect(state.file).toBeNull();
      expect(state.problem).toMatchObject({ kind: c.kind, path });
      expect(state.problem?.title).toBeTruthy();
      expect(state.problem?.detail).toMatch(c.detail);
      expect(await readFile(path)).toEqual(c.bytes);
      const quarantined = state.problem!.quarantinedTo!;
      expect(quarantined).toMatch(
        new RegExp(`^${join(dataDir, 'quarantine')}/plan\\.rollout\\.json\\..+\\.bad$`),
      );
      expect(await readFile(quarantined)).toEqual(c.bytes);
      // No lock is left behind for a file that was not opened.
      await expect(stat(`${path}.lock`)).rejects.toThrow();
    },
  );

  it('refuses a file over 50 MB without reading it', async () => {
    const { path, host } = await setUp();
    const handle = await open(path, 'w');
    await handle.truncate(51 * 1024 * 1024); // sparse: costs no disk
    await handle.close();
    const state = await host.api['workbook:open-file']({ path });
    expect(state.problem).toMatchObject({ kind: 'too-large', quarantinedTo: null });
    expect(state.problem?.detail).toMatch(/The file is 51\.0 MB; a workbook is at most 50\.0 MB/);
    expect((await stat(path)).size).toBe(51 * 1024 * 1024);
  });

  it('says when a file is missing or is a folder', async () => {
    const { dataDir, path, host } = await setUp();
    const missing = await host.api['workbook:open-file']({ path });
    expect(missing.problem).toMatchObject({ kind: 'not-found', quarantinedTo: null });
    expect(missing.problem?.detail).toContain(path);
    const folder = await host.api['workbook:open-file']({ path: dataDir });
    expect(folder.problem).toMatchObject({ kind: 'unreadable' });
    expect(folder.problem?.detail).toContain('is a folder');
  });

  it('closes the previous workbook (releasing its lock) when the next file is bad', async () => {
    const { path, host } = await setUp();
    await host.start();
    const previous = (await host.api['session:get-state'](undefined)).file!.path;
    await writeFile(path, '');
    const state = await host.api['workbook:open-file']({ path });
    expect(state.problem?.kind).toBe('empty');
    await expect(stat(`${previous}.lock`)).rejects.toThrow();
    expect(await invoke(host.api, 'workbook:dispatch-command', addStop('sc-9'))).toMatchObject({
      ok: false,
      error: { code: 'no-workbook' },
    });
  });

  it('offers the good backups newest first, and restoring one reopens the file with its content', async () => {
    const { path, host } = await setUp();
    await writeFile(path, workbookJson({ name: 'First good version' }));
    await host.api['workbook:open-file']({ path });
    await host.api['workbook:dispatch-command']({ type: 'workbook.rename', name: 'Second good version' });
    await host.close();
    await host.api['workbook:open-file']({ path });
    await host.close();
    const damaged = Buffer.from(workbookJson({ name: 'Second good version' }).slice(0, 300));
    await writeFile(path, damaged);

    const state = await host.api['workbook:open-file']({ path });
    expect(state.problem?.kind).toBe('truncated');
    const backups = state.problem!.backups;
    expect(backups.map((b) => b.revision)).toEqual([1, 0]);
    expect(Date.parse(backups[0]!.takenAt)).toBeGreaterThanOrEqual(Date.parse(backups[1]!.takenAt));

    const restored = await call(host.api, 'workbook:restore-backup', { backupPath: backups[0]!.path });
    expect(restored.problem).toBeNull();
    expect(restored.workbook?.name).toBe('Second good version');
    expect(restored.notice).toMatch(/Restored the backup at revision 1/);
    expect(await readFile(path)).toEqual(await readFile(backups[0]!.path));
    // The damaged bytes were kept in quarantine before being replaced.
    expect(await readFile(state.problem!.quarantinedTo!)).toEqual(damaged);
  });

  it('refuses to restore a file that is not one of the backups for this workbook', async () => {
    const { dataDir, path, host } = await setUp();
    await writeFile(path, '');
    await host.api['workbook:open-file']({ path });
    const stranger = join(dataDir, 'other.rollout.json');
    await writeFile(stranger, valid);
    const reply = await invoke(host.api, 'workbook:restore-backup', { backupPath: stranger });
    expect(reply).toMatchObject({ ok: false, error: { code: 'not-a-backup', where: 'backupPath' } });
    expect(await readFile(path, 'utf8')).toBe('');
  });

  it('never leaves a quarantine copy for a good file', async () => {
    const { dataDir, path, host } = await setUp();
    await writeFile(path, valid);
    const state = await host.api['workbook:open-file']({ path });
    expect(state.problem).toBeNull();
    expect((await readJson(path)).name).toBe('Test rollout');
    await expect(readdir(join(dataDir, 'quarantine'))).rejects.toThrow();
  });
});
