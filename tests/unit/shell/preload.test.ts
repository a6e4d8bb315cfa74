import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { OPEN_DROPPED_CHANNEL, type PreloadApi } from '../../../shared/contract';

// The preload runs inside Electron's sandbox, which this machine may not have; its logic is
// small enough to prove against a fake `electron` module: what it exposes, what it refuses.

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn<(channel: string, input: unknown) => Promise<unknown>>(),
  listeners: new Map<string, Set<(...args: unknown[]) => void>>(),
  // Electron gives a path only for a File that came from the user's disk (a drop, a picker).
  pathForFile: (file: unknown) => (file as { diskPath?: string }).diskPath ?? '',
}));

vi.mock('electron', () => ({
  webUtils: { getPathForFile: (file: unknown) => fake.pathForFile(file) },
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => fake.exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: fake.invoke,
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      const set = fake.listeners.get(channel) ?? new Set();
      set.add(listener);
      fake.listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
      fake.listeners.get(channel)?.delete(listener);
    },
  },
}));

let api: PreloadApi;

beforeAll(async () => {
  await import('../../../electron/preload');
  api = fake.exposed.get('warroom') as PreloadApi;
});

beforeEach(() => {
  fake.invoke.mockReset();
});

describe('preload', () => {
  it('exposes one frozen object with invoke and on, and nothing else', () => {
    expect([...fake.exposed.keys()]).toEqual(['warroom']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'openDroppedFile']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('refuses unknown method names without touching IPC', async () => {
    for (const name of ['shell:open-external', '__proto__', 'constructor', 'toString', '', 42, null]) {
      const reply = await api.invoke(name as string, undefined);
      expect(reply.ok, String(name)).toBe(false);
      if (!reply.ok) expect(reply.error.code).toBe('unknown-method');
    }
    expect(fake.invoke).not.toHaveBeenCalled();
  });

  it('passes contract methods through to IPC and returns the reply', async () => {
    fake.invoke.mockResolvedValue({ ok: true, value: { revision: 3 } });
    const reply = await api.invoke('workbook:undo-change', undefined);
    expect(fake.invoke).toHaveBeenCalledWith('workbook:undo-change', undefined);
    expect(reply).toEqual({ ok: true, value: { revision: 3 } });
  });

  it('turns an IPC failure into a reply instead of a rejection', async () => {
    fake.invoke.mockRejectedValue(new Error('An object could not be cloned.'));
    const reply = await api.invoke('session:get-state', undefined);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe('ipc-failed');
  });

  it('opens a dropped file by the path Electron gives for it, never one the page made up', async () => {
    fake.invoke.mockResolvedValue({ ok: true, value: { file: { path: '/home/dana/plan.rollout.json' } } });
    await api.openDroppedFile({ diskPath: '/home/dana/plan.rollout.json', path: '/etc/shadow' });
    expect(fake.invoke).toHaveBeenCalledWith(OPEN_DROPPED_CHANNEL, '/home/dana/plan.rollout.json');
    fake.invoke.mockClear();
    // A File built in page script (or anything else) has no disk path: refused before IPC.
    for (const made of [{ path: '/etc/passwd' }, '/etc/passwd', null]) {
      const reply = await api.openDroppedFile(made);
      expect(reply).toMatchObject({ ok: false, error: { code: 'not-available' } });
    }
    expect(fake.invoke).not.toHaveBeenCalled();
  });

  it('subscribes only to contract events, passes the payload alone, and unsubscribes', () => {
    expect(() => api.on('ipc:anything', () => undefined)).toThrow(TypeError);
    expect(() => api.on('__proto__', () => undefined)).toThrow(TypeError);
    const received: unknown[][] = [];
    const off = api.on('session:state-changed', (...args: unknown[]) => received.push(args));
    const [wrapped] = fake.listeners.get('session:state-changed') ?? [];
    const ipcEvent = { sender: { send: () => undefined } };
    wrapped?.(ipcEvent, { revision: 1 });
    expect(received).toEqual([[{ revision: 1 }]]);
    off();
    expect(fake.listeners.get('session:state-changed')?.size).toBe(0);
  });
});
