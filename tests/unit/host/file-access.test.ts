import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/host/dispatch';
import { checkFileName } from '../../../electron/host/file-access';
import { SCHEMA_VERSION } from '../../../shared/schema/workbook';
import { makeHost, openListed, readJson, SAMPLE, tempDir, workbookJson } from './helpers';

// Files only through the host: windows see a listing of the allowed folders and name files by
// id, new files by a bare name, and uploads become checked copies in the workbooks folder.

async function setUp() {
  const dataDir = await tempDir();
  const allowed = join(dataDir, 'team-share');
  const outside = join(dataDir, 'elsewhere');
  await mkdir(allowed);
  await mkdir(outside);
  await writeFile(join(allowed, 'pilot.rollout.json'), workbookJson({ name: 'Pilot plan' }));
  await writeFile(join(allowed, 'notes.json'), '{}');
  await writeFile(join(outside, 'secret.rollout.json'), workbookJson({ name: 'Not yours' }));
  await symlink(join(outside, 'secret.rollout.json'), join(allowed, 'shortcut.rollout.json'));
  await symlink(join(allowed, 'pilot.rollout.json'), join(allowed, 'same-pilot.rollout.json'));
  const host = makeHost(dataDir, { allow: [allowed] });
  await host.start();
  return { dataDir, allowed, outside, host };
}

describe('file access', () => {
  it('lists only regular workbooks inside the allowed folders, symlinks judged by their target', async () => {
    const { host, allowed } = await setUp();
    const folders = await host.api['files:list-folders'](undefined);
    expect(folders.map((f) => [f.id, f.label])).toEqual([
      ['workbooks', 'Workbooks'],
      ['allowed-1', 'team-share'],
    ]);
    expect(folders[0]?.files.map((f) => [f.fileName, f.title, f.open])).toEqual([
      ['crm-migration.rollout.json', 'Fernhill Outfitters: move sales to Compass CRM', true],
    ]);
    // The link out of the folder is not offered; the link inside it is, as the same file.
    expect(folders[1]?.files.map((f) => f.fileName)).toEqual([
      'pilot.rollout.json',
      'same-pilot.rollout.json',
    ]);
    expect(folders[1]?.path).toBe(allowed);
    const [pilot, samePilot] = folders[1]!.files;
    expect(samePilot?.id).toBe(pilot?.id);
    const opened = await host.api['workbook:open-file']({ fileId: pilot!.id });
    expect(opened.workbook?.name).toBe('Pilot plan');
    expect(opened.file?.path).toBe(join(allowed, 'pilot.rollout.json'));
  });

  it('refuses ids it never gave out, in the same words whether the file exists or not', async () => {
    const { host, outside } = await setUp();
    const before = await readdir(outside);
    for (const fileId of ['nope', 'A'.repeat(24), 'crm-migration.rollout.json']) {
      const reply = await invoke(host.api, 'workbook:open-file', { fileId });
      expect(reply).toMatchObject({ ok: false, error: { code: 'not-available' } });
      expect(!reply.ok && reply.error.message).not.toMatch(/exist|elsewhere|secret/);
    }
    expect(await readdir(outside)).toEqual(before);
  });

  it.each([
    ['', /it is empty/],
    ['   ', /it is empty/],
    ['../x', /may not contain \/ or \\/],
    ['a\\b', /may not contain \/ or \\/],
    ['.hidden', /may not start with a dot/],
    ['．．／etc', /look-alike characters/],
    ['x∕y', /use letters, digits/],
    ['a\u0000b', /use letters, digits/],
    ['plan\u202eexe', /use letters, digits/],
    ['é'.repeat(120), /longer than 200 bytes/],
  ])('refuses the file name %j, saying why', (name, why) => {
    expect(() => checkFileName(name)).toThrow(why);
  });

  it('accepts ordinary names in any script and adds the suffix once', () => {
    expect(checkFileName('Q3 cut-over (v2)')).toBe('Q3 cut-over (v2).rollout.json');
    expect(checkFileName('Déploiement vague 2.rollout.json')).toBe('Déploiement vague 2.rollout.json');
    expect(checkFileName('ロールアウト')).toBe('ロールアウト.rollout.json');
  });

  it('saves a copy by bare name into an allowed folder, never through a symlink', async () => {
    const { host, allowed, outside } = await setUp();
    const copy = await host.api['workbook:save-as']({ folderId: 'allowed-1', fileName: 'Field copy' });
    expect(copy.file?.path).toBe(join(allowed, 'Field copy.rollout.json'));
    expect((await readJson(join(allowed, 'Field copy.rollout.json'))).name).toBe(
      'Fernhill Outfitters: move sales to Compass CRM',
    );
    const secret = await readFile(join(outside, 'secret.rollout.json'));
    for (const overwrite of [false, true]) {
      const reply = await invoke(host.api, 'workbook:save-as', {
        folderId: 'allowed-1',
        fileName: 'shortcut',
        overwrite,
      });
      expect(reply).toMatchObject({ ok: false, error: { code: 'not-available', where: 'fileName' } });
    }
    expect(await readFile(join(outside, 'secret.rollout.json'))).toEqual(secret);
    expect(
      await invoke(host.api, 'workbook:save-as', { folderId: 'elsewhere', fileName: 'x' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-available', where: 'folderId' },
    });
  });

  it('keeps an uploaded workbook as a checked copy in the workbooks folder, and refuses anything else', async () => {
    const { host, dataDir } = await setUp();
    const text = await readFile(SAMPLE, 'utf8');
    const state = await host.api['workbook:upload-copy']({
      fileName: 'C:\\Users\\dana\\crm-migration.rollout.json',
      text,
    });
    expect(state.file?.path).toBe(join(dataDir, 'workbooks', 'crm-migration-2.rollout.json'));
    expect(state.notice).toBe(
      'Added a copy of crm-migration.rollout.json to your workbooks as crm-migration-2.rollout.json.',
    );
    expect(await readFile(state.file!.path, 'utf8')).toBe(text);

    const listing = async () => (await readdir(join(dataDir, 'workbooks'))).sort();
    const before = await listing();
    for (const [fileName, bad, why] of [
      ['passwd', 'root:x:0:0:root:/root:/bin/bash\n', /not valid JSON: at line 1, column 1/],
      ['cut.rollout.json', text.slice(0, 400), /stops in the middle of the data at line/],
      [
        'future.rollout.json',
        text.replace(`"schemaVersion": ${SCHEMA_VERSION}`, '"schemaVersion": 99'),
        /newer version/,
      ],
    ] as const) {
      const reply = await invoke(host.api, 'workbook:upload-copy', { fileName, text: bad });
      expect(reply).toMatchObject({ ok: false, error: { code: 'not-a-workbook' } });
      expect(!reply.ok && reply.error.message).toMatch(why);
      expect(!reply.ok && reply.error.message).toMatch(/Nothing was saved\.$/);
    }
    expect(await listing()).toEqual(before);
    // The upload that worked is still the open workbook.
    expect((await host.api['session:get-state'](undefined)).file?.path).toBe(state.file?.path);
  });

  it('opens a file from the listing, then lists it in recent files by the same id', async () => {
    const { host } = await setUp();
    const opened = await openListed(host, 'pilot.rollout.json');
    const recent = await host.api['workbook:list-recent'](undefined);
    expect(recent[0]).toMatchObject({ name: 'Pilot plan', path: opened.file?.path });
    const again = await host.api['workbook:open-file']({ fileId: recent[1]!.id });
    expect(again.workbook?.name).toBe('Fernhill Outfitters: move sales to Compass CRM');
  });
});
