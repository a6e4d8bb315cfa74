import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/host/dispatch';
import { NOT_AVAILABLE } from '../../../electron/host/file-access';
import { PROBLEM_TITLES } from '../../../electron/host/problem-titles';
import type { ProblemKind } from '../../../shared/contract';
import { CASES, valid } from './bad-file-corpus';
import { addStop, call, makeHost, openListed, readJson, tempDir, workbookJson } from './helpers';

// Every class of bad file a user can meet (the table is in bad-file-corpus.ts): each is named by
// its own kind and a specific, located message, quarantined as a copy, and the original is left
// byte-for-byte as it was. The same host then opens a good workbook and takes a change: one bad
// file never leaves the app unusable.

/** What "untouched" means: same bytes (by hash, for the 60 MB case), same size, same mtime. */
async function fingerprint(path: string) {
  const info = await stat(path);
  const hash = createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
  return { hash, size: info.size, mtimeMs: info.mtimeMs };
}

/** A bad file sits where a window can reach it: the workbooks folder, opened from the listing. */
async function setUp() {
  const dataDir = await tempDir();
  const folder = join(dataDir, 'workbooks');
  await mkdir(folder);
  return { dataDir, path: join(folder, 'plan.rollout.json'), host: makeHost(dataDir) };
}

describe('opening bad workbook files', () => {
  it('covers every class of bad file in the corpus', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(12);
    const kinds = new Set(CASES.map((c) => c.kind));
    for (const kind of Object.keys(PROBLEM_TITLES) as ProblemKind[]) {
      // Files that are missing or unreadable are not content; they have their own tests below.
      if (kind === 'not-found' || kind === 'unreadable') continue;
      expect(kinds, kind).toContain(kind);
    }
  });

  it.each(CASES)(
    'names $name as $kind, leaves the original untouched, and the app stays usable',
    { timeout: 60_000 },
    async (c) => {
      const { dataDir, path, host } = await setUp();
      const bytes = c.bytes();
      await writeFile(path, bytes);
      const before = await fingerprint(path);

      const state = await openListed(host, 'plan.rollout.json');

      expect(state.workbook).toBeNull();
      expect(state.file).toBeNull();
      expect(state.problem).toMatchObject({ kind: c.kind, path, title: PROBLEM_TITLES[c.kind] });
      expect(state.problem?.detail).toMatch(c.detail);
      expect(await fingerprint(path)).toEqual(before);
      if (c.quarantined === false) {
        expect(state.problem?.quarantinedTo).toBeNull();
      } else {
        const quarantined = state.problem!.quarantinedTo!;
        expect(quarantined).toMatch(
          new RegExp(`^${join(dataDir, 'quarantine')}/plan\\.rollout\\.json\\..+\\.bad$`),
        );
        expect((await readFile(quarantined)).equals(bytes)).toBe(true);
      }
      // No lock is left behind for a file that was not opened, and nothing leaked into JS.
      await expect(stat(`${path}.lock`)).rejects.toThrow();
      expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();

      // The same host still works: it opens a good workbook and saves a change to it.
      const good = await call(host.api, 'workbook:open-sample', undefined);
      expect(good.problem).toBeNull();
      expect(good.file?.readOnly).toBe(false);
      const ack = await call(host.api, 'workbook:dispatch-command', addStop('sc-after-bad-file'));
      expect(ack.revision).toBe(good.workbook!.revision + 1);
      expect((await readJson(good.file!.path)).revision).toBe(ack.revision);
      // …and the bad file is still exactly as the user left it.
      expect(await fingerprint(path)).toEqual(before);
    },
  );

  it('refuses what is not a workbook file, in the same words whether or not it exists', async () => {
    const { dataDir, path, host } = await setUp();
    await mkdir(join(dataDir, 'folder.rollout.json'));
    await symlink('/etc/passwd', join(dataDir, 'passwd.rollout.json'));
    await writeFile(join(dataDir, 'notes.txt'), 'not a workbook');
    for (const target of [
      path, // missing
      join(dataDir, 'folder.rollout.json'),
      join(dataDir, 'passwd.rollout.json'), // a link is judged by what it points at
      join(dataDir, 'notes.txt'),
      '/dev/zero',
    ]) {
      await expect(host.openPath(target), target).rejects.toThrow(NOT_AVAILABLE);
    }
    // Nothing was locked, copied or quarantined for any of them.
    await expect(readdir(join(dataDir, 'quarantine'))).rejects.toThrow();
    expect((await readdir(dataDir)).filter((n) => n.endsWith('.lock'))).toEqual([]);
  });

  it('closes the previous workbook (releasing its lock) when the next file is bad', async () => {
    const { path, host } = await setUp();
    await host.start();
    const previous = (await host.api['session:get-state'](undefined)).file!.path;
    await writeFile(path, '');
    const state = await host.openPath(path);
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
    await host.openPath(path);
    await host.api['workbook:dispatch-command']({ type: 'workbook.rename', name: 'Second good version' });
    await host.close();
    await host.openPath(path);
    await host.close();
    const damaged = Buffer.from(workbookJson({ name: 'Second good version' }).slice(0, 300));
    await writeFile(path, damaged);

    const state = await host.openPath(path);
    expect(state.problem?.kind).toBe('truncated');
    const backups = state.problem!.backups;
    expect(backups.map((b) => b.revision)).toEqual([1, 0]);
    expect(Date.parse(backups[0]!.takenAt)).toBeGreaterThanOrEqual(Date.parse(backups[1]!.takenAt));

    const restored = await call(host.api, 'workbook:restore-backup', { backupId: backups[0]!.id });
    expect(restored.problem).toBeNull();
    expect(restored.workbook?.name).toBe('Second good version');
    expect(restored.notice).toMatch(/Restored the backup at revision 1/);
    expect((await readJson(path)).name).toBe('Second good version');
    // The damaged bytes were kept in quarantine before being replaced.
    expect(await readFile(state.problem!.quarantinedTo!)).toEqual(damaged);
  });

  it('refuses to restore a file that is not one of the backups for this workbook', async () => {
    const { dataDir, path, host } = await setUp();
    await writeFile(path, '');
    await host.openPath(path);
    await writeFile(join(dataDir, 'other.rollout.json'), valid);
    for (const backupId of ['other.rollout.json', '2026-11-24T10-00-00.000Z-000-r1.rollout.json']) {
      const reply = await invoke(host.api, 'workbook:restore-backup', { backupId });
      expect(reply).toMatchObject({ ok: false, error: { code: 'not-a-backup', where: 'backupId' } });
    }
    expect(
      await invoke(host.api, 'workbook:restore-backup', { backupId: '../other.rollout.json' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await readFile(path, 'utf8')).toBe('');
  });

  it('never leaves a quarantine copy for a good file', async () => {
    const { dataDir, path, host } = await setUp();
    await writeFile(path, valid);
    const state = await host.openPath(path);
    expect(state.problem).toBeNull();
    expect((await readJson(path)).name).toBe('Test rollout');
    await expect(readdir(join(dataDir, 'quarantine'))).rejects.toThrow();
  });
});
