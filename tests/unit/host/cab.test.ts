import { copyFile, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planHash } from '../../../electron/host/cab-hash';
import type { Host } from '../../../electron/host/types';
import { addStop, call, makeHost, tempDir } from './helpers';

// The CAB's host side, through the same door the windows use: decisions hashed by the host,
// reviewer keys kept in the data folder, decision files signed on one machine and checked on
// another, and every refusal leaving the owner's file exactly as it was.

const priya = { name: 'Priya Raman', role: 'VP Sales Ops' };

async function owner(): Promise<{ host: Host; path: string; dir: string }> {
  const dir = await tempDir();
  const host = makeHost(dir);
  const state = await host.api['workbook:create-file']({ name: 'Compass CRM move' });
  await call(host.api, 'workbook:dispatch-command', addStop('sc-5xx', 2));
  return { host, path: state.file!.path, dir };
}

const wbOf = async (host: Host) => (await host.api['session:get-state'](undefined)).workbook!;

async function decide(host: Host, decision = 'approve', comment = 'Rollback rehearsed; fine by me.') {
  const wb = await wbOf(host);
  return call(host.api, 'cab:record-decision', {
    decision,
    conditions: decision === 'approve-with-conditions' ? 'After the payroll run' : '',
    comment,
    reviewedHash: planHash(wb),
    baseRevision: wb.revision,
  });
}

/** A reviewer on another machine: their own data folder, the owner's file copied in. */
async function reviewer(ownerPath: string): Promise<Host> {
  const dir = await tempDir();
  const host = makeHost(dir, { user: priya });
  const copy = join(dir, 'from-amara.rollout.json');
  await copyFile(ownerPath, copy);
  await host.openPath(copy);
  return host;
}

async function refused(host: Host, method: 'cab:import-decisions' | 'cab:check-decision-file', text: string) {
  const { invoke } = await import('../../../electron/host/dispatch');
  const reply = await invoke(host.api, method, { text });
  if (reply.ok) throw new Error('expected a refusal');
  return reply.error;
}

describe('reviewer keys', () => {
  it('are made once, kept owner-only in the data folder, and never change', async () => {
    const dir = await tempDir();
    const first = await call(makeHost(dir).api, 'cab:reviewer-key', undefined);
    expect(first.fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/);
    expect(first.publicKey).toMatch(/^[0-9a-f]{64}$/);
    const file = join(dir, 'reviewer-key.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    // The secret half is in the file, never in what a window is given.
    expect(JSON.parse(await readFile(file, 'utf8')).secretKey).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(first).sort()).toEqual(['createdAt', 'fingerprint', 'publicKey']);
    expect(await call(makeHost(dir).api, 'cab:reviewer-key', undefined)).toEqual(first);
  });

  it('is not silently replaced when its file is damaged: that would be a new identity', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'reviewer-key.json'), '{"version":1,"secretKey":"nope"}');
    const { invoke } = await import('../../../electron/host/dispatch');
    const reply = await invoke(makeHost(dir).api, 'cab:reviewer-key', undefined);
    expect(reply).toMatchObject({ ok: false, error: { code: 'not-available' } });
    expect(!reply.ok && reply.error.message).toMatch(/is damaged\. Move it aside to make a new key/);
    expect(await readFile(join(dir, 'reviewer-key.json'), 'utf8')).toBe('{"version":1,"secretKey":"nope"}');
  });
});

describe('recording a decision', () => {
  it('is hashed by the host and refused when the plan changed since the window hashed it', async () => {
    const { host } = await owner();
    const stale = await wbOf(host);
    await call(host.api, 'workbook:dispatch-command', addStop('sc-lat', 800));
    const { invoke } = await import('../../../electron/host/dispatch');
    const reply = await invoke(host.api, 'cab:record-decision', {
      decision: 'approve',
      conditions: '',
      comment: 'ok',
      reviewedHash: planHash(stale),
      baseRevision: stale.revision,
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'conflict', where: 'reviewedHash' } });
    expect(!reply.ok && reply.error.message).toMatch(
      /^The plan changed while you were reviewing it \(now at revision 2\): Tess Tester: Added stop condition/,
    );
    expect((await wbOf(host)).cab.decisions).toEqual([]);
    await decide(host);
    const [d] = (await wbOf(host)).cab.decisions;
    expect(d).toMatchObject({
      reviewer: 'Tess Tester',
      decision: 'approve',
      reviewedHash: planHash(await wbOf(host)),
    });
  });

  it('needs a comment, said next to the field; and cannot be sent as a plain change', async () => {
    const { host } = await owner();
    const { invoke } = await import('../../../electron/host/dispatch');
    const wb = await wbOf(host);
    const reply = await invoke(host.api, 'cab:record-decision', {
      decision: 'reject',
      conditions: '',
      comment: '  ',
      reviewedHash: planHash(wb),
      baseRevision: wb.revision,
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { where: 'comment', message: 'Say why: every decision needs a comment.' },
    });
    const forged = await invoke(host.api, 'workbook:dispatch-command', {
      type: 'cab.decide',
      id: 'd-forged',
      decision: 'approve',
      conditions: '',
      comment: 'trust me',
      reviewed: { hash: 'a'.repeat(64), revision: 0 },
    });
    expect(forged).toMatchObject({ ok: false, error: { code: 'not-allowed', where: 'type' } });
    expect((await wbOf(host)).cab.decisions).toEqual([]);
  });
});

describe('decision files', () => {
  it('carry a reviewer’s decisions from their copy, signed, into the owner’s workbook', async () => {
    const { host, path } = await owner();
    await call(host.api, 'cab:submit-for-review', {
      note: 'For Thursday',
      reviewedHash: planHash(await wbOf(host)),
      baseRevision: 2,
    });
    const b = await reviewer(path);
    await decide(b, 'approve-with-conditions', 'Fine once payroll is done.');
    const exported = await call(b.api, 'cab:export-decisions', undefined);
    expect(exported.fileName).toBe('compass-crm-move-priya-raman.decisions.json');
    const key = await call(b.api, 'cab:reviewer-key', undefined);

    const check = await call(host.api, 'cab:check-decision-file', { text: exported.text });
    expect(check).toMatchObject({
      reviewer: priya,
      fingerprint: key.fingerprint,
      decisions: [{ status: 'new' }],
    });
    const before = (await wbOf(host)).revision;
    const result = await call(host.api, 'cab:import-decisions', { text: exported.text });
    expect(result).toMatchObject({
      imported: 1,
      stale: 0,
      duplicates: 0,
      revision: before + 1,
      reviewer: 'Priya Raman',
    });
    const [d] = (await wbOf(host)).cab.decisions;
    expect(d).toMatchObject({
      reviewer: 'Priya Raman',
      decision: 'approve-with-conditions',
      conditions: 'After the payroll run',
      signed: { keyFingerprint: key.fingerprint, importedBy: 'Tess Tester' },
    });
    // One audited change, in the owner's history.
    const [entry] = (await host.api['history:list-entries']({ limit: 1 })).entries;
    expect(entry).toMatchObject({ type: 'cab.import-decisions', by: 'Tess Tester' });
    expect(entry!.summary).toMatch(/^Imported 1 signed decision from Priya Raman \(key [0-9A-F ]{39}\)$/);
    // The same file again: skipped, nothing changed.
    expect(await call(host.api, 'cab:import-decisions', { text: exported.text })).toMatchObject({
      imported: 0,
      duplicates: 1,
      revision: before + 1,
    });
  });

  it('refuse a tampered file, a bad signature and a file for another workbook, leaving the owner’s file as it was', async () => {
    const { host, path } = await owner();
    const b = await reviewer(path);
    await decide(b);
    const good = JSON.parse((await call(b.api, 'cab:export-decisions', undefined)).text);
    await host.close();
    const onDisk = await readFile(path);
    const again = makeHost(join(path, '..', '..'));
    await again.openPath(path);

    const tampered = structuredClone(good);
    tampered.payload.decisions[0].comment = 'Approved without reservation.';
    expect(await refused(again, 'cab:import-decisions', JSON.stringify(tampered))).toMatchObject({
      code: 'not-allowed',
      where: 'signature',
      message: expect.stringMatching(
        /^The signature does not match the decisions in this file: it was changed after Priya Raman signed it/,
      ),
    });
    // Someone else's key, claiming Priya's name: the signature is checked against the key in the file.
    const other = makeHost(await tempDir(), { user: priya });
    await other.api['workbook:create-file']({ name: 'Other' });
    const otherKey = await call(other.api, 'cab:reviewer-key', undefined);
    expect(
      await refused(
        again,
        'cab:import-decisions',
        JSON.stringify({ ...good, payload: { ...good.payload, publicKey: otherKey.publicKey } }),
      ),
    ).toMatchObject({ where: 'signature' });
    expect(await refused(again, 'cab:import-decisions', '{"payload": 1')).toMatchObject({
      where: 'file',
      message: expect.stringMatching(/^This is not a decision file: it is not JSON/),
    });
    expect(
      await refused(
        again,
        'cab:import-decisions',
        JSON.stringify({ ...good, payload: { ...good.payload, decisions: [] } }),
      ),
    ).toMatchObject({
      where: 'payload.decisions',
      message: expect.stringMatching(/The file holds no decisions/),
    });

    // A properly signed file, for another workbook.
    const wb = await wbOf(other);
    await call(other.api, 'cab:record-decision', {
      decision: 'defer',
      conditions: '',
      comment: 'Not yet',
      reviewedHash: planHash(wb),
      baseRevision: wb.revision,
    });
    const foreign = (await call(other.api, 'cab:export-decisions', undefined)).text;
    expect(await refused(again, 'cab:import-decisions', foreign)).toMatchObject({
      where: 'payload.workbookId',
      message: expect.stringMatching(
        /^This decision file is for the workbook 'Other' \(id [^)]+\), not for 'Compass CRM move'/,
      ),
    });
    await again.close();
    expect(await readFile(path)).toEqual(onDisk);
  });

  it('flag decisions about a version the owner changed since, and refuse a version the owner never had', async () => {
    const { host, path } = await owner();
    const sent = planHash(await wbOf(host));
    await call(host.api, 'cab:submit-for-review', { note: '', reviewedHash: sent, baseRevision: 2 });
    const b = await reviewer(path);
    await decide(b);
    const file = (await call(b.api, 'cab:export-decisions', undefined)).text;
    // The owner tunes a stop condition after sending the copy.
    await call(host.api, 'workbook:dispatch-command', addStop('sc-lat', 800));
    expect((await call(host.api, 'cab:check-decision-file', { text: file })).decisions[0]!.status).toBe(
      'stale',
    );
    expect(await call(host.api, 'cab:import-decisions', { text: file })).toMatchObject({
      imported: 1,
      stale: 1,
    });

    // The reviewer edits their own copy, then decides: the owner never had that plan.
    const c = await reviewer(path);
    await call(c.api, 'workbook:dispatch-command', { type: 'workbook.rename', name: 'Compass (my edits)' });
    await decide(c, 'reject', 'Not like this.');
    const edited = (await call(c.api, 'cab:export-decisions', undefined)).text;
    expect(await refused(host, 'cab:check-decision-file', edited)).toMatchObject({
      message: expect.stringMatching(
        /^Decision 1 \(Priya Raman, reject, \d{4}-\d\d-\d\d\) is about a version of the plan this workbook never had/,
      ),
    });
  });
});

describe('comparing with another file', () => {
  it('reads the other file through the usual checks and diffs it section by section', async () => {
    const { host, path } = await owner();
    const sent = await readFile(path, 'utf8');
    await call(host.api, 'workbook:dispatch-command', addStop('sc-lat', 800));
    const result = await call(host.api, 'workbook:compare', {
      fileName: 'sent-to-cab.rollout.json',
      text: sent,
    });
    expect(result).toMatchObject({
      fileName: 'sent-to-cab.rollout.json',
      name: 'Compass CRM move',
      sameWorkbook: true,
    });
    expect(result.sections.map((s) => [s.title, s.added, s.removed, s.changed])).toEqual([
      ['Success & stop conditions', 1, 0, 0],
    ]);
    const { invoke } = await import('../../../electron/host/dispatch');
    const bad = await invoke(host.api, 'workbook:compare', {
      fileName: 'x.json',
      text: '{"schemaVersion": 7',
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { where: 'file', message: expect.stringMatching(/^x\.json cannot be compared: /) },
    });
  });

  it('says PDF needs the desktop app when there is no shell to print with', async () => {
    const { host } = await owner();
    const { invoke } = await import('../../../electron/host/dispatch');
    expect(await invoke(host.api, 'export:print-pdf', { html: '<!DOCTYPE html>' })).toMatchObject({
      ok: false,
      error: { code: 'unsupported', message: expect.stringMatching(/^PDF needs the desktop app/) },
    });
  });
});
