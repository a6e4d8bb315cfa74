import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Host } from '../../../electron/host/types';
import {
  EVENT_NAMES,
  type EventName,
  type HostApi,
  METHOD_NAMES,
  OPEN_DROPPED_CHANNEL,
  type Reply,
} from '../../../shared/contract';

// The Electron glue's security decisions, proven against a fake `electron` module because the
// binary cannot be downloaded everywhere: window hardening, navigation and permission denial,
// request blocking, and the IPC sender check. The smoke test covers the real binary when present.

type Listener = (...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  class FakeWebContents {
    listeners = new Map<string, Listener>();
    openHandler: (() => unknown) | null = null;
    sent: [string, unknown][] = [];
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    }
    setWindowOpenHandler(handler: () => unknown) {
      this.openHandler = handler;
    }
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload]);
    }
    isDestroyed() {
      return false;
    }
  }
  class BrowserWindow {
    static created: BrowserWindow[] = [];
    webContents = new FakeWebContents();
    loadedUrl = '';
    constructor(public options: { webPreferences: Record<string, unknown> } & Record<string, unknown>) {
      BrowserWindow.created.push(this);
    }
    on() {}
    once() {}
    isDestroyed() {
      return false;
    }
    async loadURL(url: string) {
      this.loadedUrl = url;
    }
  }
  const primary = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1200 } };
  const screen = {
    displays: [primary],
    getPrimaryDisplay: () => primary,
    getAllDisplays: () => screen.displays,
  };
  return {
    BrowserWindow,
    FakeWebContents,
    screen,
    handlers: new Map<string, (...args: unknown[]) => unknown>(),
  };
});

vi.mock('electron', () => ({
  BrowserWindow: fake.BrowserWindow,
  screen: fake.screen,
  ipcMain: {
    handle: (name: string, handler: (...args: unknown[]) => unknown) => fake.handlers.set(name, handler),
    removeHandler: (name: string) => fake.handlers.delete(name),
  },
}));

const { createAppWindow, createProjectorWindow, hardenSession } = await import('../../../electron/windows');
const { registerIpc } = await import('../../../electron/ipc');

const calls: string[] = [];
const hostListeners = new Map<string, (payload: unknown) => void>();
const host: Host = {
  // Every method answers; the test only cares whether the host was reached at all.
  api: new Proxy({} as HostApi, {
    get: (_target, name) => async () => {
      calls.push(String(name));
      return null;
    },
  }),
  on: (event: EventName, listener: (payload: never) => void) => {
    hostListeners.set(event, listener as (payload: unknown) => void);
    return () => hostListeners.delete(event);
  },
  start: async () => undefined,
  openPath: async (path: string) => {
    calls.push(`openPath ${path}`);
    return null as never;
  },
  projectorWindow: { wasOpen: () => false, setOpen: async () => undefined },
  tick: async () => undefined,
  noteResume: () => undefined,
  close: async () => undefined,
};

let win: InstanceType<typeof fake.BrowserWindow>;

beforeAll(() => {
  win = createAppWindow({ preloadPath: '/app/dist/electron/preload.cjs' }) as unknown as typeof win;
  registerIpc(host);
});

describe('app windows', () => {
  it('are isolated, sandboxed and Node-free, and load the bundle over app://', () => {
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/app/dist/electron/preload.cjs',
    });
    expect(win.loadedUrl).toBe('app://bundle/index.html');
  });

  it('deny new windows and navigation or redirects away from the bundle', () => {
    expect(win.webContents.openHandler?.()).toEqual({ action: 'deny' });
    for (const event of ['will-navigate', 'will-redirect']) {
      const listener = win.webContents.listeners.get(event)!;
      for (const [url, blocked] of [
        ['https://example.com/', true],
        ['file:///etc/passwd', true],
        ['app://elsewhere/index.html', true],
        ['app://bundle/index.html#/projector', false],
      ] as const) {
        const preventDefault = vi.fn();
        listener({ url, preventDefault });
        expect(preventDefault.mock.calls.length, `${event} ${url}`).toBe(blocked ? 1 : 0);
      }
    }
  });
});

describe('the projector window', () => {
  const PRELOAD = '/app/dist/electron/preload.cjs';
  const second = { id: 2, bounds: { x: 1920, y: 0, width: 1920, height: 1080 } };

  it('is hardened exactly like the main window and loads the projector route of the bundle', () => {
    fake.screen.displays = [fake.screen.getPrimaryDisplay()];
    const board = createProjectorWindow(PRELOAD) as unknown as typeof win;
    expect(board.options.webPreferences).toEqual(win.options.webPreferences);
    expect(board.loadedUrl).toBe('app://bundle/index.html#/projector');
    expect(board.webContents.openHandler?.()).toEqual({ action: 'deny' });
    const navigate = board.webContents.listeners.get('will-navigate')!;
    const preventDefault = vi.fn();
    navigate({ url: 'https://example.com/', preventDefault });
    expect(preventDefault).toHaveBeenCalledOnce();
    expect(board.webContents.listeners.has('will-redirect')).toBe(true);
    expect(board.webContents.listeners.has('will-attach-webview')).toBe(true);
  });

  it('is a normal window with one display, and full screen on the second display when attached', () => {
    fake.screen.displays = [fake.screen.getPrimaryDisplay()];
    const alone = createProjectorWindow(PRELOAD) as unknown as typeof win;
    expect(alone.options.fullscreen).toBeUndefined();
    expect(alone.options.x).toBeUndefined();
    fake.screen.displays = [fake.screen.getPrimaryDisplay(), second];
    const projected = createProjectorWindow(PRELOAD) as unknown as typeof win;
    expect(projected.options).toMatchObject({ fullscreen: true, ...second.bounds });
    // The main window never starts full screen (an explicit false would hide macOS's button).
    expect(win.options.fullscreen).toBeUndefined();
  });
});

describe('the shared session', () => {
  it('denies every permission and blocks every request that is not app://', () => {
    let requestHandler: Listener = () => undefined;
    let checkHandler: Listener = () => true;
    let beforeRequest: Listener = () => undefined;
    hardenSession({
      setPermissionRequestHandler: (h: Listener) => {
        requestHandler = h;
      },
      setPermissionCheckHandler: (h: Listener) => {
        checkHandler = h;
      },
      webRequest: {
        onBeforeRequest: (h: Listener) => {
          beforeRequest = h;
        },
      },
      on: () => undefined,
    } as never);
    const granted = vi.fn();
    requestHandler({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(checkHandler({}, 'notifications', 'app://bundle', {})).toBe(false);
    for (const [url, cancel] of [
      ['https://fonts.example/font.woff2', true],
      ['http://127.0.0.1:9/', true],
      ['ws://127.0.0.1:9/bridge', true],
      ['file:///etc/hosts', true],
      ['app://bundle/assets/index.js', false],
    ] as const) {
      const callback = vi.fn();
      beforeRequest({ url }, callback);
      expect(callback, url).toHaveBeenCalledWith({ cancel });
    }
  });
});

describe('IPC', () => {
  const invokeAs = (name: string, event: unknown) =>
    fake.handlers.get(name)!(event, undefined) as Promise<Reply<unknown>>;
  const frame = (url: string, parent: unknown = null) => ({ url, parent });

  it('registers a handler for every contract method, the drop channel, and nothing else', () => {
    expect([...fake.handlers.keys()].sort()).toEqual([...METHOD_NAMES, OPEN_DROPPED_CHANNEL].sort());
  });

  it('opens a dropped file for our window only, and refuses anything but a path', async () => {
    calls.length = 0;
    const drop = (event: unknown, path: unknown) =>
      fake.handlers.get(OPEN_DROPPED_CHANNEL)!(event, path) as Promise<Reply<unknown>>;
    const ours = { sender: win.webContents, senderFrame: frame('app://bundle/index.html') };
    expect(await drop(ours, '/home/dana/plan.rollout.json')).toMatchObject({ ok: true });
    expect(await drop({ ...ours, senderFrame: frame('https://evil.example/') }, '/etc/passwd')).toMatchObject(
      {
        ok: false,
        error: { code: 'forbidden' },
      },
    );
    for (const bad of ['', 42, null, { path: '/etc/passwd' }]) {
      expect(await drop(ours, bad)).toMatchObject({ ok: false, error: { code: 'not-available' } });
    }
    expect(calls).toEqual(['openPath /home/dana/plan.rollout.json']);
  });

  it('answers our window top frame on app://', async () => {
    calls.length = 0;
    const reply = await invokeAs('session:get-state', {
      sender: win.webContents,
      senderFrame: frame('app://bundle/index.html'),
    });
    expect(reply.ok).toBe(true);
    expect(calls).toEqual(['session:get-state']);
  });

  it('answers the projector window too: it is one of our windows', async () => {
    calls.length = 0;
    const board = createProjectorWindow('/app/dist/electron/preload.cjs') as unknown as typeof win;
    const reply = await invokeAs('session:get-state', {
      sender: board.webContents,
      senderFrame: frame('app://bundle/index.html#/projector'),
    });
    expect(reply.ok).toBe(true);
    expect(calls).toEqual(['session:get-state']);
  });

  it('refuses foreign frames, subframes, foreign web contents and missing frames', async () => {
    calls.length = 0;
    const stranger = new fake.FakeWebContents();
    const events = [
      { sender: win.webContents, senderFrame: frame('https://evil.example/') },
      { sender: win.webContents, senderFrame: frame('file:///tmp/x.html') },
      { sender: win.webContents, senderFrame: frame('app://bundle/index.html', {}) },
      { sender: win.webContents, senderFrame: null },
      { sender: stranger, senderFrame: frame('app://bundle/index.html') },
    ];
    for (const event of events) {
      const reply = await invokeAs('workbook:open-sample', event);
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error.code).toBe('forbidden');
    }
    expect(calls).toEqual([]);
  });

  it('forwards every host event to our windows', () => {
    for (const name of EVENT_NAMES) hostListeners.get(name)?.({ from: name });
    expect(win.webContents.sent).toEqual(EVENT_NAMES.map((name) => [name, { from: name }]));
  });
});
