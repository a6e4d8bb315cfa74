import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/host/dispatch';
import { HostError } from '../../../electron/host/errors';
import type { HostApi } from '../../../shared/contract';
import { DomainError } from '../../../shared/domain/errors';
import { addStop, makeHost, stopCondition, tempDir, unwrap } from './helpers';

// The door both shells use: anything at all may arrive, and only valid requests get through.

const GARBAGE_COMMANDS: [string, unknown, RegExp][] = [
  ['no payload', undefined, /refused/],
  ['null', null, /refused/],
  ['a number', 42, /refused/],
  ['an array', [], /refused/],
  ['an object with no type', {}, /Unknown command type/],
  ['an unknown type', { type: 'workbook.delete' }, /Unknown command type/],
  ['a command only the host may record', { type: 'history.undo', toRevision: 1 }, /Unknown command type/],
  ['an empty name', { type: 'workbook.rename', name: '   ' }, /name: Workbook name is required/],
  ['a name of the wrong type', { type: 'workbook.rename', name: 7 }, /name: Workbook name must be text/],
  ['an extra field', { type: 'workbook.rename', name: 'x', sneaky: true }, /sneaky/],
  [
    'an unknown collection',
    { type: 'item.add', collection: 'cab.secrets', item: {} },
    /collection must be one of/,
  ],
  ['a negative index', { ...addStop('sc-1'), index: -1 }, /index/],
  ['a bad id', { type: 'item.remove', collection: 'success.stopConditions', id: '../../etc' }, /id: Ids are/],
  [
    'a prototype-polluting payload',
    JSON.parse('{"type":"workbook.rename","name":"x","__proto__":{"polluted":true}}'),
    /refused/,
  ],
];

async function openHost() {
  const host = makeHost(await tempDir());
  const state = await host.api['workbook:create-file']({ name: 'Door test' });
  const path = state.file!.path;
  return { host, path, bytes: await readFile(path) };
}

describe('invoke', () => {
  it.each(GARBAGE_COMMANDS)(
    'refuses %s with a clear message and changes nothing',
    async (_name, payload, message) => {
      const { host, path, bytes } = await openHost();
      const reply = await invoke(host.api, 'workbook:dispatch-command', payload);
      expect(reply.ok).toBe(false);
      if (reply.ok) return;
      expect(reply.error.code).toBe('invalid-input');
      expect(reply.error.message).toMatch(message);
      expect(await readFile(path)).toEqual(bytes);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((await host.api['session:get-state'](undefined)).workbook?.revision).toBe(0);
    },
  );

  it('refuses an invalid item with the field that is wrong, and changes nothing', async () => {
    const { host, path, bytes } = await openHost();
    const reply = await invoke(host.api, 'workbook:dispatch-command', {
      type: 'item.add',
      collection: 'success.stopConditions',
      item: { ...stopCondition('sc-1'), threshold: 'high', callers: [] },
    });
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-item',
        where: 'item',
        issues: [
          { path: 'threshold', message: 'Threshold must be a number' },
          { path: 'callers', message: 'Name at least one person or role who may call it' },
        ],
      },
    });
    expect(!reply.ok && reply.error.message).toMatch(
      /^Invalid stop condition: threshold: Threshold must be a number/,
    );
    expect(await readFile(path)).toEqual(bytes);
  });

  it('refuses a change to something that does not exist', async () => {
    const { host, path, bytes } = await openHost();
    const reply = await invoke(host.api, 'workbook:dispatch-command', {
      type: 'item.remove',
      collection: 'waves.waves',
      id: 'wave-9',
      baseRevision: 0,
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'No wave with id "wave-9"' },
    });
    expect(await readFile(path)).toEqual(bytes);
  });

  it.each([undefined, null, 42, 'workbook:delete-everything', 'toString', '__proto__', 'constructor'])(
    'refuses the unknown method %s',
    async (method) => {
      const { host } = await openHost();
      const reply = await invoke(host.api, method, undefined);
      expect(reply).toMatchObject({ ok: false, error: { code: 'unknown-method', where: 'method' } });
      expect(!reply.ok && reply.error.message).toMatch(/^Unknown request/);
    },
  );

  it('refuses arguments to methods that take none, paths where ids belong, and edits without a base', async () => {
    const { host } = await openHost();
    expect(await invoke(host.api, 'workbook:undo-change', { sneaky: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('This method takes no argument') },
    });
    expect(await invoke(host.api, 'workbook:open-file', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('path') },
    });
    expect(await invoke(host.api, 'workbook:open-file', { fileId: '../../etc/passwd' })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        issues: [{ path: 'fileId', message: 'That is not a file id this app gave out' }],
      },
    });
    expect(
      await invoke(host.api, 'workbook:dispatch-command', {
        type: 'item.remove',
        collection: 'success.outcomes',
        id: 'x',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', where: 'baseRevision' },
    });
  });

  it('accepts a valid command and returns its acknowledgement', async () => {
    const { host } = await openHost();
    expect(unwrap(await invoke(host.api, 'workbook:dispatch-command', addStop('sc-1')))).toEqual({
      revision: 1,
    });
  });

  it('maps every kind of failure to an error reply and never throws', async () => {
    const failing = (error: unknown) =>
      ({
        'session:get-state': () => Promise.reject(error),
      }) as unknown as HostApi;
    expect(
      await invoke(failing(new HostError('busy', 'Hold on', 'x')), 'session:get-state', undefined),
    ).toEqual({
      ok: false,
      error: { code: 'busy', message: 'Hold on', where: 'x', issues: [] },
    });
    const domain = new DomainError('duplicate-id', 'Taken', 'item.id', [{ path: 'id', message: 'Taken' }]);
    expect(await invoke(failing(domain), 'session:get-state', undefined)).toMatchObject({
      ok: false,
      error: { code: 'duplicate-id', where: 'item.id', issues: [{ path: 'id', message: 'Taken' }] },
    });
    expect(await invoke(failing('a string'), 'session:get-state', undefined)).toMatchObject({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong while handling session:get-state: a string' },
    });
    const throwsSync = {
      'session:get-state': () => {
        throw new TypeError('boom');
      },
    } as unknown as HostApi;
    expect(await invoke(throwsSync, 'session:get-state', undefined)).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('boom') },
    });
  });
});
