import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/host/dispatch';
import { workbookBytes } from '../../../electron/host/workbook-text';
import type { SessionState } from '../../../shared/contract';
import { MAX_WORKBOOK_BYTES } from '../../../shared/domain/limits';
import { makeHost, openPath, readJson, stopCondition, tempDir, workbookJson } from './helpers';

// Who signs a change, edits against a revision, and the size a workbook may grow to.

const update = (threshold: number, baseRevision: number) => ({
  type: 'item.update' as const,
  collection: 'success.stopConditions' as const,
  id: 'sc-errors',
  item: { ...stopCondition('sc-errors'), metric: 'Sales API 5xx rate', threshold },
  baseRevision,
});

describe('who makes a change', () => {
  it('refuses changes until the user says who they are, then signs every change with it', async () => {
    const dataDir = await tempDir();
    const host = makeHost(dataDir, { user: undefined as never, suggestedName: 'dana' });
    await host.start();
    const state = await host.api['session:get-state'](undefined);
    expect(state).toMatchObject({ user: null, suggestedName: 'dana' });
    const path = state.file!.path;
    const before = await readFile(path);
    const refused = await invoke(host.api, 'workbook:dispatch-command', {
      type: 'workbook.rename',
      name: 'x',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'identity-required' } });
    expect(await readFile(path)).toEqual(before);

    expect(await invoke(host.api, 'settings:set-identity', { name: ' ', role: 'IC' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', issues: [{ path: 'name', message: 'Your name is required' }] },
    });
    const pushed: SessionState[] = [];
    host.on('session:state-changed', (s) => pushed.push(s));
    await host.api['settings:set-identity']({ name: 'Dana Reyes', role: 'Incident commander' });
    expect(pushed.at(-1)?.user).toEqual({ name: 'Dana Reyes', role: 'Incident commander' });
    await host.api['workbook:dispatch-command']({ type: 'workbook.rename', name: 'Signed' });
    expect((await readJson(path)).audit.at(-1)).toMatchObject({
      by: 'Dana Reyes',
      role: 'Incident commander',
    });

    // Remembered in settings: a restarted app signs with it without asking again.
    await host.close();
    const again = makeHost(dataDir, { user: undefined as never });
    await again.start();
    expect((await again.api['session:get-state'](undefined)).user).toEqual({
      name: 'Dana Reyes',
      role: 'Incident commander',
    });
  });

  it('reads a settings file from before identities existed as "not asked yet"', async () => {
    const dataDir = await tempDir();
    await writeFile(join(dataDir, 'settings.json'), '{"version":1,"recent":[]}');
    const host = makeHost(dataDir, { user: undefined as never });
    await host.start();
    const state = await host.api['session:get-state'](undefined);
    expect(state.user).toBeNull();
    expect(state.notice).toBeNull();
  });
});

describe('edits against a revision', () => {
  it('refuses an edit to an item someone changed since, naming them; other items go through', async () => {
    const host = makeHost(await tempDir());
    await host.start();
    const base = (await host.api['session:get-state'](undefined)).workbook!.revision;
    // Two windows open the same stop condition at `base`. Ana saves first.
    await host.api['settings:set-identity']({ name: 'Ana Lima', role: 'On-call SRE' });
    await host.api['workbook:dispatch-command'](update(3, base));
    // Ben, in the other window, saves his edit of the same item from the same revision.
    await host.api['settings:set-identity']({ name: 'Ben Cole', role: 'Rollout owner' });
    const path = (await host.api['session:get-state'](undefined)).file!.path;
    const before = await readFile(path);
    const refused = await invoke(host.api, 'workbook:dispatch-command', update(4, base));
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', where: 'baseRevision' } });
    expect(!refused.ok && refused.error.message).toMatch(
      new RegExp(
        `^Ana Lima \\(On-call SRE\\) changed this stop condition at \\d\\d:\\d\\d:\\d\\d \\(revision ${base + 1}\\)`,
      ),
    );
    expect(await readFile(path)).toEqual(before);
    // His edit of another item, made at the same old revision, never conflicts.
    const other = {
      ...update(4, base),
      id: 'sc-login',
      item: { ...stopCondition('sc-login'), threshold: 96 },
    };
    expect(await invoke(host.api, 'workbook:dispatch-command', other)).toMatchObject({ ok: true });
    // Reloaded (at the current revision), his edit goes through.
    const now = (await host.api['session:get-state'](undefined)).workbook!.revision;
    expect(await invoke(host.api, 'workbook:dispatch-command', update(4, now))).toMatchObject({ ok: true });
    expect((await readJson(path)).success.stopConditions[0]?.threshold).toBe(4);
  });
});

describe('a bounded workbook', () => {
  it('refuses a change that would make the file too large to reopen, and loses nothing', {
    timeout: 60_000,
  }, async () => {
    const dataDir = await tempDir();
    const path = join(dataDir, 'big.rollout.json');
    // A few changes under the limit (each one writes the whole 50 MB file, so few keep the test
    // quick): baseline items with 1000-character texts, one a line in the file (indented six
    // spaces, a comma and a newline after each).
    const text = 'x'.repeat(1000);
    const item = (id: string) => ({ id, area: `Area ${id}`, baseline: text, expected: text });
    const perItem = JSON.stringify(item('bl-000000')).length + 8;
    const base = JSON.parse(workbookJson());
    const count = Math.floor((MAX_WORKBOOK_BYTES - workbookBytes(base).length) / perItem) - 3;
    const baseline = Array.from({ length: count }, (_, i) => item(`bl-${i}`));
    await writeFile(
      path,
      workbookBytes(JSON.parse(workbookJson({ success: { ...base.success, baseline } }))),
    );
    const host = makeHost(dataDir);
    expect((await openPath(host, path)).problem).toBeNull();
    const before = await readFile(path);

    const add = (i: number) => ({
      type: 'item.add' as const,
      collection: 'success.baseline' as const,
      item: item(`bl-extra-${i}`),
    });
    let refusedAt = -1;
    for (let i = 0; i < 20; i++) {
      const reply = await invoke(host.api, 'workbook:dispatch-command', add(i));
      if (!reply.ok) {
        expect(reply.error.code).toBe('too-large');
        expect(reply.error.message).toMatch(
          /^This change was not applied: it would make the workbook 50\.\d MB, over the 50\.0 MB/,
        );
        refusedAt = i;
        break;
      }
    }
    expect(refusedAt).toBeGreaterThan(0);
    const state = await host.api['session:get-state'](undefined);
    expect(state.workbook?.revision).toBe(refusedAt);
    await host.close();
    // Every acknowledged change is on disk, and the file reopens.
    const again = makeHost(join(dataDir, 'other'));
    const reopened = await openPath(again, path);
    expect(reopened.problem).toBeNull();
    expect(reopened.workbook?.revision).toBe(refusedAt);
    expect(reopened.workbook?.success.baseline).toHaveLength(count + refusedAt);
    expect((await readFile(path)).length).toBeLessThanOrEqual(MAX_WORKBOOK_BYTES);
    expect(before.length).toBeLessThan(MAX_WORKBOOK_BYTES);
  });
});
