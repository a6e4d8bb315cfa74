import { describe, expect, it, vi } from 'vitest';

// The Electron glue for exports, against a fake `electron` (the binary cannot be downloaded
// everywhere): a download is saved only when it is a Blob one of our windows made, where the
// user chose in the save dialog; the PDF window runs no script, sits in a private session that
// loads nothing but the page being printed, and is destroyed after each print.

type Listener = (...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  const state = {
    dialogAnswer: '/home/dana/Documents/packet.html' as string | undefined,
    dialogCalls: [] as unknown[],
    windows: [] as unknown[],
    session: {
      listeners: new Map<string, Listener>(),
      beforeRequest: null as Listener | null,
      protocolHandler: null as ((r: { url: string }) => Response) | null,
      permission: null as Listener | null,
    },
  };
  class BrowserWindow {
    destroyed = false;
    webContents = {
      listeners: new Map<string, Listener>(),
      on(event: string, l: Listener) {
        this.listeners.set(event, l);
      },
      setWindowOpenHandler() {},
      printToPDF: async () => Buffer.from('%PDF-1.4 fake'),
    };
    loaded = '';
    constructor(public options: { webPreferences: Record<string, unknown> }) {
      state.windows.push(this);
    }
    static fromWebContents() {
      return null;
    }
    async loadURL(url: string) {
      this.loaded = url;
    }
    destroy() {
      this.destroyed = true;
    }
  }
  const session = {
    setPermissionRequestHandler: (h: Listener) => {
      state.session.permission = h;
    },
    setPermissionCheckHandler: () => undefined,
    webRequest: {
      onBeforeRequest: (h: Listener) => {
        state.session.beforeRequest = h;
      },
    },
    on: (event: string, l: Listener) => state.session.listeners.set(event, l),
    protocol: {
      handle: (_scheme: string, h: (r: { url: string }) => Response) => {
        state.session.protocolHandler = h;
      },
    },
  };
  return { state, BrowserWindow, session };
});

vi.mock('electron', () => ({
  app: { getPath: () => '/home/dana/Documents' },
  BrowserWindow: fake.BrowserWindow,
  dialog: {
    showSaveDialogSync: (options: unknown) => {
      fake.state.dialogCalls.push(options);
      return fake.state.dialogAnswer;
    },
  },
  session: { fromPartition: () => fake.session },
}));

const { exportDownloads, safeFileName } = await import('../../../electron/downloads');
const { printToPdf, PAGE_URL } = await import('../../../electron/pdf');

function download(url: string, filename = 'packet.html') {
  return {
    getURL: () => url,
    getFilename: () => filename,
    setSavePath: vi.fn(),
    cancel: vi.fn(),
  };
}

describe('downloads', () => {
  const ours = { id: 'main' };
  const handler = exportDownloads((c) => (c as unknown) === ours, 'app://bundle');

  it('saves a Blob one of our windows made where the user chose, and cancels when they cancel', () => {
    const item = download('blob:app://bundle/5f1e', '../../etc/passwd');
    const preventDefault = vi.fn();
    handler({ preventDefault } as never, item as never, ours as never);
    expect(preventDefault).not.toHaveBeenCalled();
    expect(fake.state.dialogCalls.at(-1)).toMatchObject({ defaultPath: '/home/dana/Documents/passwd' });
    expect(item.setSavePath).toHaveBeenCalledWith('/home/dana/Documents/packet.html');
    fake.state.dialogAnswer = undefined;
    const second = download('blob:app://bundle/77aa');
    handler({ preventDefault } as never, second as never, ours as never);
    expect([second.cancel.mock.calls.length, second.setSavePath.mock.calls.length]).toEqual([1, 0]);
  });

  it('refuses any other download: a remote URL, a data URL, or a page that is not ours', () => {
    for (const [url, from] of [
      ['https://example.com/tool.exe', ours],
      ['data:text/html,hi', ours],
      ['blob:https://evil.example/1', ours],
      ['blob:app://bundle/1', { id: 'devtools' }],
    ] as const) {
      const preventDefault = vi.fn();
      const item = download(url);
      handler({ preventDefault } as never, item as never, from as never);
      expect(preventDefault, url).toHaveBeenCalledOnce();
      expect(item.setSavePath).not.toHaveBeenCalled();
    }
  });

  it('turns any suggested name into a plain file name', () => {
    expect(safeFileName('..\\..\\win.ini')).toBe('win.ini');
    expect(safeFileName('a<b>:c?.md')).toBe('a-b--c-.md');
    expect(safeFileName('...')).toBe('export');
  });
});

describe('printing to PDF', () => {
  it('uses a script-free, sandboxed window in a session that loads only the page, then destroys it', async () => {
    const pdf = await printToPdf('<!DOCTYPE html><title>x</title>');
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.4 fake');
    const win = fake.state.windows.at(-1) as InstanceType<typeof fake.BrowserWindow>;
    expect(win.options).toMatchObject({ show: false });
    expect(win.options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      session: fake.session,
    });
    expect(win.loaded).toBe(PAGE_URL);
    expect(win.destroyed).toBe(true);
    const cancel = (url: string) => {
      let answer: unknown;
      fake.state.session.beforeRequest!({ url }, (a: unknown) => {
        answer = a;
      });
      return answer;
    };
    expect(cancel(PAGE_URL)).toEqual({ cancel: false });
    for (const url of ['https://evil.example/x.png', 'app://bundle/index.html', 'file:///etc/hosts']) {
      expect(cancel(url), url).toEqual({ cancel: true });
    }
    // The page is served only while it is being printed.
    expect(fake.state.session.protocolHandler!({ url: PAGE_URL }).status).toBe(404);
    const granted = vi.fn();
    fake.state.session.permission!({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
  });
});
