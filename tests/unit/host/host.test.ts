import { readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/host/dispatch';
import type { SessionState, WorkbookChange } from '../../../shared/contract';
import { SCHEMA_VERSION } from '../../../shared/schema/workbook';
import { addStop, makeHost, openListed, readJson, SAMPLE, TESTER, tempDir, unwrap } from './helpers';

describe('workbook host: sessions that persist', () => {
  it('edits a copy of the sample, and the change is there after closing and reopening', async () => {
    const dataDir = await tempDir();
    const sampleBefore = await readFile(SAMPLE);
    const host = makeHost(dataDir);
    await host.start();
    const state = await host.api['session:get-state'](undefined);
    const copy = join(dataDir, 'workbooks', 'crm-migration.rollout.json');
    expect(state.file).toEqual({ path: copy, readOnly: false, readOnlyReason: null });

    const ack = await host.api['workbook:dispatch-command']({ type: 'workbook.rename', name: 'Drill copy' });
    await host.close();

    expect((await readJson(copy)).name).toBe('Drill copy');
    expect((await readJson(copy)).revision).toBe(ack.revision);
    expect(await readFile(SAMPLE)).toEqual(sampleBefore);

    const again = makeHost(dataDir);
    await again.start();
    const reopened = await again.api['session:get-state'](undefined);
    expect(reopened.workbook?.name).toBe('Drill copy');
    expect((await readJson(copy)).audit.at(-1)).toMatchObject({
      by: TESTER.name,
      role: TESTER.role,
      type: 'workbook.rename',
      changes: [{ op: 'replace', path: ['name'], value: 'Drill copy' }],
    });
  });

  it('opens the existing sample copy rather than copying the bundled sample again', async () => {
    const host = makeHost(await tempDir());
    const first = await host.api['workbook:open-sample'](undefined);
    await host.api['workbook:dispatch-command']({ type: 'workbook.rename', name: 'My drill' });
    await host.api['workbook:create-file']({ name: 'Elsewhere' });
    const again = await host.api['workbook:open-sample'](undefined);
    expect(again.file?.path).toBe(first.file?.path);
    expect(again.workbook?.name).toBe('My drill');
  });

  it('pushes each change once, as patches, before it is acknowledged; never the whole state', async () => {
    const host = makeHost(await tempDir());
    await host.start();
    const revision = (await host.api['session:get-state'](undefined)).workbook!.revision;
    const changes: WorkbookChange[] = [];
    const states: SessionState[] = [];
    const off = host.on('workbook:changed', (c) => changes.push(c));
    host.on('session:state-changed', (s) => states.push(s));
    const pending = host.api['workbook:dispatch-command'](addStop('sc-new'));
    // Pushed at once, before the write is acknowledged.
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      revision: revision + 1,
      canUndo: true,
      canRedo: false,
      by: TESTER,
      summary: "Added stop condition 'Checkout error rate'",
      patches: [{ op: 'add', path: ['success', 'stopConditions', 4], value: { id: 'sc-new' } }],
    });
    await pending;
    expect(states).toEqual([]);
    off();
    await host.api['workbook:undo-change'](undefined);
    expect(changes).toHaveLength(1);
  });

  it('writes the file once a push has left for the windows, and goes on without a window that stops reading', async () => {
    const dataDir = await tempDir();
    const host = makeHost(dataDir);
    await host.start();
    const copy = join(dataDir, 'workbooks', 'crm-migration.rollout.json');
    const onDisk = async () => (await readJson(copy)).name;
    const before = await onDisk();

    // A window whose push is still on its way: the file waits for it.
    let delivered = () => {};
    const off = host.on(
      'workbook:changed',
      () =>
        new Promise<void>((resolve) => {
          delivered = resolve;
        }),
    );
    let acked = false;
    const pending = host.api['workbook:dispatch-command']({ type: 'workbook.rename', name: 'Pushed first' });
    void pending.then(() => {
      acked = true;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(await onDisk()).toBe(before);
    expect(acked).toBe(false);
    delivered();
    await pending;
    expect(await onDisk()).toBe('Pushed first');
    off();

    // A window that never finishes reading holds the write up for a second at most.
    host.on('workbook:changed', () => new Promise<void>(() => {}));
    await host.api['workbook:dispatch-command']({ type: 'workbook.rename', name: 'Written anyway' });
    expect(await onDisk()).toBe('Written anyway');
  });

  it('undo and redo through the API update the file on disk', async () => {
    const host = makeHost(await tempDir());
    await host.start();
    const path = (await host.api['session:get-state'](undefined)).file!.path;
    const original = (await readJson(path)).name;
    await host.api['workbook:dispatch-command']({ type: 'workbook.rename', name: 'Renamed' });
    expect((await readJson(path)).name).toBe('Renamed');

    const undone = await host.api['workbook:undo-change'](undefined);
    const afterUndo = await readJson(path);
    expect(afterUndo.name).toBe(original);
    expect(afterUndo.revision).toBe(undone.revision);
    expect((await host.api['session:get-state'](undefined)).canRedo).toBe(true);

    await host.api['workbook:redo-change'](undefined);
    expect((await readJson(path)).name).toBe('Renamed');
    const reply = await invoke(host.api, 'workbook:redo-change', undefined);
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'nothing-to-redo', message: 'Nothing to redo' },
    });
  });

  it('creates a new workbook with a unique file name and opens it', async () => {
    const dataDir = await tempDir();
    const host = makeHost(dataDir);
    const first = await host.api['workbook:create-file']({ name: 'Q3 CRM cut-over!' });
    const second = await host.api['workbook:create-file']({ name: 'Q3 CRM cut-over!' });
    expect(first.file?.path).toBe(join(dataDir, 'workbooks', 'q3-crm-cut-over.rollout.json'));
    expect(second.file?.path).toBe(join(dataDir, 'workbooks', 'q3-crm-cut-over-2.rollout.json'));
    expect(second.workbook).toMatchObject({
      name: 'Q3 CRM cut-over!',
      revision: 0,
      schemaVersion: SCHEMA_VERSION,
    });
    expect(second.workbook?.id).not.toBe(first.workbook?.id);
    expect((await readJson(second.file!.path)).name).toBe('Q3 CRM cut-over!');
  });

  it('Save As writes the current workbook to the new path, moves the lock and keeps editing there', async () => {
    const dataDir = await tempDir();
    const host = makeHost(dataDir);
    await host.start();
    const oldPath = (await host.api['session:get-state'](undefined)).file!.path;
    await host.api['workbook:dispatch-command']({ type: 'workbook.rename', name: 'Before save-as' });
    const target = join(dataDir, 'workbooks', 'copy.rollout.json');

    const state = await host.api['workbook:save-as']({ folderId: 'workbooks', fileName: 'copy' });
    expect(state.file).toEqual({ path: target, readOnly: false, readOnlyReason: null });
    expect((await readJson(target)).name).toBe('Before save-as');
    await expect(stat(`${oldPath}.lock`)).rejects.toThrow();
    await expect(stat(`${target}.lock`)).resolves.toBeTruthy();

    await host.api['workbook:dispatch-command']({ type: 'workbook.rename', name: 'After save-as' });
    expect((await readJson(target)).name).toBe('After save-as');
    expect((await readJson(oldPath)).name).toBe('Before save-as');
  });

  it('Save As will not replace an existing file unless asked, and then keeps a backup of it', async () => {
    const dataDir = await tempDir();
    const host = makeHost(dataDir);
    await host.api['workbook:create-file']({ name: 'Target' });
    await host.api['workbook:open-sample'](undefined);
    const target = join(dataDir, 'workbooks', 'target.rollout.json');
    const before = await readFile(target);
    const refused = await invoke(host.api, 'workbook:save-as', { folderId: 'workbooks', fileName: 'target' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'exists', where: 'fileName' } });
    expect(!refused.ok && refused.error.message).toBe(
      'target.rollout.json already exists in Workbooks. Replace it, or choose another name.',
    );
    expect(await readFile(target)).toEqual(before);

    const replaced = await host.api['workbook:save-as']({
      folderId: 'workbooks',
      fileName: 'target',
      overwrite: true,
    });
    expect(replaced.workbook?.name).toBe('Fernhill Outfitters: move sales to Compass CRM');
    expect((await readJson(target)).name).toBe('Fernhill Outfitters: move sales to Compass CRM');
    const backupDirs = await readdir(join(dataDir, 'backups'));
    const kept = await Promise.all(
      backupDirs.map(async (d) =>
        readdir(join(dataDir, 'backups', d)).then((n) => n.map((x) => join(dataDir, 'backups', d, x))),
      ),
    );
    const copies = await Promise.all(kept.flat().map((p) => readFile(p)));
    expect(copies.some((c) => c.equals(before))).toBe(true);
  });

  it('lists recent files newest first, only those that still exist, and start() reopens the newest', async () => {
    const dataDir = await tempDir();
    const host = makeHost(dataDir);
    const a = (await host.api['workbook:create-file']({ name: 'Alpha' })).file!.path;
    const b = (await host.api['workbook:create-file']({ name: 'Bravo' })).file!.path;
    const c = (await host.api['workbook:create-file']({ name: 'Charlie' })).file!.path;
    await openListed(host, 'bravo.rollout.json');
    expect((await host.api['workbook:list-recent'](undefined)).map((r) => r.name)).toEqual([
      'Bravo',
      'Charlie',
      'Alpha',
    ]);
    await host.api['workbook:dispatch-command']({ type: 'workbook.rename', name: 'Bravo (renamed)' });
    expect((await host.api['workbook:list-recent'](undefined))[0]?.name).toBe('Bravo (renamed)');
    await host.close();
    await unlink(b);

    const next = makeHost(dataDir);
    expect((await next.api['workbook:list-recent'](undefined)).map((r) => r.path)).toEqual([c, a]);
    expect((await next.api['workbook:list-recent'](undefined)).map((r) => r.name)).toEqual([
      'Charlie',
      'Alpha',
    ]);
    await next.start();
    expect((await next.api['workbook:list-recent'](undefined)).map((r) => r.path)).toEqual([c, a]);
    expect((await next.api['session:get-state'](undefined)).file?.path).toBe(c);
  });

  it('sets a damaged settings file aside, says so, and starts with an empty recent list', async () => {
    const dataDir = await tempDir();
    await writeFile(join(dataDir, 'settings.json'), '{"version":1,"recent":[{"path":42}]}');
    const host = makeHost(dataDir);
    await host.start();
    const state = await host.api['session:get-state'](undefined);
    expect(state.notice).toMatch(
      /settings file was damaged .*recent\[0\]\.path.*kept as settings\.json\.corrupt-/,
    );
    const aside = (await readdir(dataDir)).filter((n) => n.startsWith('settings.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dataDir, aside[0]!), 'utf8')).toBe('{"version":1,"recent":[{"path":42}]}');
    expect(state.file?.path).toBe(join(dataDir, 'workbooks', 'crm-migration.rollout.json'));
  });

  it('explains that file dialogs need the desktop shell, and there opens or saves in one call', async () => {
    const web = makeHost(await tempDir());
    expect(await invoke(web.api, 'dialog:open-workbook', undefined)).toMatchObject({
      ok: false,
      error: {
        code: 'unsupported',
        message: 'File dialogs need the desktop app; use the file browser here instead.',
      },
    });
    expect((await web.api['session:get-state'](undefined)).dialogs).toBe(false);

    const elsewhere = await tempDir();
    const chosen = join(elsewhere, 'chosen.rollout.json');
    await writeFile(chosen, await readFile(SAMPLE));
    const asked: string[] = [];
    let answer: string | null = null;
    const desktop = makeHost(await tempDir(), {
      shell: {
        chooseOpenPath: async () => answer,
        chooseSavePath: async (name) => {
          asked.push(name);
          return answer;
        },
        openProjector: async () => undefined,
        openParticipant: async () => undefined,
      },
    });
    await desktop.start();
    expect((await desktop.api['session:get-state'](undefined)).dialogs).toBe(true);
    // Cancelled dialogs change nothing.
    expect(unwrap(await invoke(desktop.api, 'dialog:open-workbook', undefined))).toBeNull();
    answer = chosen;
    const opened = await desktop.api['dialog:open-workbook'](undefined);
    expect(opened?.file?.path).toBe(chosen);
    // Files picked in a dialog are the user's choice: they stay openable from the recent list.
    expect((await desktop.api['workbook:list-recent'](undefined))[0]?.path).toBe(chosen);

    answer = join(elsewhere, 'saved.rollout.json');
    const saved = await desktop.api['dialog:save-workbook'](undefined);
    expect(saved?.file?.path).toBe(answer);
    expect(asked).toEqual(['fernhill-outfitters-move-sales-to-compass-crm.rollout.json']);
    expect((await readJson(answer)).name).toBe('Fernhill Outfitters: move sales to Compass CRM');
  });

  it('opens a participants’ window only for a drill run the workbook has, and only in the desktop shell', async () => {
    const web = makeHost(await tempDir());
    await web.start();
    const state = await web.api['workbook:open-sample'](undefined);
    const runId = state.workbook!.drills.runs[0]!.id;
    expect(await web.api['drills:open-participant-window']({ runId })).toEqual({ opened: false });
    expect(await invoke(web.api, 'drills:open-participant-window', { runId: 'no-such-run' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'No drill run "no-such-run" in the open workbook.' },
    });

    const opened: string[] = [];
    const desktop = makeHost(await tempDir(), {
      shell: {
        chooseOpenPath: async () => null,
        chooseSavePath: async () => null,
        openProjector: async () => undefined,
        openParticipant: async (id) => void opened.push(id),
      },
    });
    await desktop.start();
    await desktop.api['workbook:open-sample'](undefined);
    expect(await desktop.api['drills:open-participant-window']({ runId })).toEqual({ opened: true });
    expect(await invoke(desktop.api, 'drills:open-participant-window', { runId: '../x' })).toMatchObject({
      ok: false,
    });
    expect(opened).toEqual([runId]);
  });
});
