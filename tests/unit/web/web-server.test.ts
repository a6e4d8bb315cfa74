import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createHost } from '../../../electron/host/host';
import type { Host } from '../../../electron/host/types';
import { startWebServer, type WebServer } from '../../../electron/web';
import type { Reply, SessionState, WorkbookChange } from '../../../shared/contract';

// The real host on a temp data folder with the real sample, served on 127.0.0.1 and spoken to
// with a real WebSocket client: the same path a browser in web mode takes.

const REPO = resolve(import.meta.dirname, '../../..');
const SAMPLE = join(REPO, 'resources/sample/crm-migration.rollout.json');
const SECRET = 'secret-beside-the-bundle';

let tmp: string;
let host: Host;
let server: WebServer;
let origin: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'warroom-web-'));
  // A stand-in renderer bundle (the real one needs Vite), with a file just outside it that
  // path traversal would reach.
  const distDir = join(tmp, 'pkg', 'dist', 'renderer');
  await mkdir(join(distDir, 'assets'), { recursive: true });
  await writeFile(join(distDir, 'index.html'), '<!doctype html><title>War room</title><div id="root"></div>');
  await writeFile(join(distDir, 'assets', 'app.js'), 'console.log("app");');
  await writeFile(join(tmp, 'pkg', 'package.json'), JSON.stringify({ name: SECRET }));
  await writeFile(join(tmp, 'pkg', 'dist', 'package.json'), JSON.stringify({ name: SECRET }));

  host = createHost({
    dataDir: join(tmp, 'data'),
    samplePath: SAMPLE,
    user: { name: 'Web test', role: 'QA' },
  });
  await host.start();
  server = await startWebServer({ host, distDir });
  origin = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server?.close();
  await host?.close();
  await rm(tmp, { recursive: true, force: true });
});

const bridgeUrl = (token = server.token) =>
  `ws://127.0.0.1:${server.port}/bridge?token=${encodeURIComponent(token)}`;

/** Resolves with the HTTP status the server refused the upgrade with. */
function refusedStatus(url: string, headerOrigin: string | undefined): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const ws = new WebSocket(url, headerOrigin === undefined ? {} : { origin: headerOrigin });
    ws.on('unexpected-response', (_req, res) => {
      resolvePromise(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => reject(new Error('the server accepted a connection it should refuse')));
    ws.on('error', () => undefined);
  });
}

interface Client {
  ws: WebSocket;
  call(method: unknown, input?: unknown): Promise<Reply<unknown>>;
  sendRaw(text: string): Promise<{ id: unknown; reply: Reply<unknown> }>;
  nextEvent(event: string, accept?: (payload: unknown) => boolean): Promise<unknown>;
}

async function connectClient(): Promise<Client> {
  const ws = new WebSocket(bridgeUrl(), { origin });
  await new Promise<void>((resolvePromise, reject) => {
    ws.once('open', () => resolvePromise());
    ws.once('error', reject);
  });
  let nextId = 1;
  const nextMessage = (accept: (message: Record<string, unknown>) => boolean) =>
    new Promise<Record<string, unknown>>((resolvePromise) => {
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(data.toString()) as Record<string, unknown>;
        if (!accept(message)) return;
        ws.off('message', onMessage);
        resolvePromise(message);
      };
      ws.on('message', onMessage);
    });
  return {
    ws,
    async call(method, input) {
      const id = nextId++;
      const answer = nextMessage((m) => m.id === id);
      ws.send(JSON.stringify({ id, method, input }));
      return (await answer).reply as Reply<unknown>;
    },
    async sendRaw(text) {
      const answer = nextMessage((m) => 'reply' in m && m.id === null);
      ws.send(text);
      return (await answer) as { id: unknown; reply: Reply<unknown> };
    },
    async nextEvent(event, accept = () => true) {
      return (await nextMessage((m) => m.event === event && accept(m.payload))).payload;
    },
  };
}

function httpGet(path: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolvePromise, reject) => {
    // http.request sends the path as written, so `..` and encodings reach the server raw.
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const stateOf = (reply: Reply<unknown>): SessionState => {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.value as SessionState;
};

describe('web server binding and the HTTP side', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    // Every non-loopback IPv4 address of this machine must refuse the port.
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
    for (const address of external) {
      const refused = await new Promise<boolean>((done) => {
        const socket = connect({ host: address, port: server.port });
        socket.once('connect', () => {
          socket.destroy();
          done(false);
        });
        socket.once('error', () => done(true));
      });
      expect(refused, `port reachable on ${address}`).toBe(true);
    }
  });

  it('refuses the page without its token and serves it with one, under a strict CSP', async () => {
    for (const path of ['/', '/index.html', '/?token=wrong', '/%69ndex.html', '/INDEX.HTML']) {
      const res = await httpGet(path);
      expect(res.status, path).toBe(403);
      expect(res.body).toContain('needs its token');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    }
    const ok = await httpGet(`/?token=${server.token}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('<div id="root">');
    const csp = String(ok.headers['content-security-policy']);
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      `connect-src 'self' ws://127.0.0.1:${server.port}`,
      "frame-ancestors 'none'",
      "object-src 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    expect(ok.headers['referrer-policy']).toBe('no-referrer');
    expect(ok.headers['cache-control']).toBe('no-store');
  });

  it('serves static assets without the token, with the CSP', async () => {
    const res = await httpGet('/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('never serves files outside the bundle, however the path is spelled', async () => {
    const attempts = [
      '/assets/../../package.json',
      '/assets/../../../package.json',
      '/../package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/assets/%2e%2e/%2e%2e/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
      '/assets/..%5c..%5c..%5cpackage.json',
      '/assets/%252e%252e/%252e%252e/package.json',
      '/assets/..%00/package.json',
      `/${encodeURIComponent(join(tmp, 'pkg', 'package.json'))}`,
    ];
    for (const path of attempts) {
      const res = await httpGet(path);
      expect([400, 403, 404], path).toContain(res.status);
      expect(res.body, path).not.toContain(SECRET);
    }
  });
});

describe('web server WebSocket bridge', () => {
  it('refuses upgrades without the token, with a wrong token, or from a foreign origin', async () => {
    const noToken = `ws://127.0.0.1:${server.port}/bridge`;
    expect([401, 403]).toContain(await refusedStatus(noToken, origin));
    expect([401, 403]).toContain(await refusedStatus(bridgeUrl('not-the-token'), origin));
    expect([401, 403]).toContain(await refusedStatus(bridgeUrl(`${server.token}x`), origin));
    expect([401, 403]).toContain(await refusedStatus(bridgeUrl(), 'http://evil.example'));
    expect([401, 403]).toContain(await refusedStatus(bridgeUrl(), `http://localhost:${server.port}`));
    expect([401, 403]).toContain(await refusedStatus(bridgeUrl(), undefined));
  });

  it('answers session:get-state with the right token and origin', async () => {
    const sample = JSON.parse(await readFile(SAMPLE, 'utf8')) as { name: string };
    const client = await connectClient();
    const state = stateOf(await client.call('session:get-state'));
    expect(state.workbook?.name).toBe(sample.name);
    expect(state.file?.path).toBeTruthy();
    client.ws.close();
  });

  it('answers malformed frames with bad-frame and keeps the connection', async () => {
    const client = await connectClient();
    for (const text of [
      'not json',
      '[1,2,3]',
      '42',
      'null',
      '{"method":"session:get-state"}',
      '{"id":"7"}',
    ]) {
      const answer = await client.sendRaw(text);
      expect(answer.id, text).toBeNull();
      expect(answer.reply.ok, text).toBe(false);
      if (!answer.reply.ok) expect(answer.reply.error.code, text).toBe('bad-frame');
    }
    const unknown = await client.call('workbook:format-disk');
    expect(unknown.ok).toBe(false);
    expect(stateOf(await client.call('session:get-state')).workbook).toBeTruthy();
    client.ws.close();
  });

  it('rejects invalid commands and leaves the workbook file byte-for-byte unchanged', async () => {
    const client = await connectClient();
    const path = stateOf(await client.call('session:get-state')).file!.path;
    const before = await readFile(path);
    const invalid: unknown[] = [
      undefined,
      null,
      'workbook.rename',
      { type: 'workbook.explode' },
      { type: 'workbook.rename', name: '' },
      { type: 'workbook.rename', name: 'ok', extra: true },
      { type: 'item.add', collection: 'not-a-collection', item: {} },
      { type: 'item.remove', collection: 'architecture.waves', id: 'no-such-id', baseRevision: 4 },
      { type: 'item.remove', collection: 'architecture.waves', id: 'wave-1' },
      { type: 'item.move', collection: 'architecture.waves', id: 'x', toIndex: -1 },
      { type: 'item.add', collection: 'architecture.waves', item: { id: 'w-bad', audiencePercent: 'lots' } },
      JSON.parse('{"type":"workbook.rename","name":"x","__proto__":{"polluted":true}}'),
    ];
    for (const command of invalid) {
      const reply = await client.call('workbook:dispatch-command', command);
      expect(reply.ok, JSON.stringify(command)).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A round trip after the last refusal: any write it had triggered would have started by now.
    await client.call('session:get-state');
    expect((await readFile(path)).equals(before)).toBe(true);
    client.ws.close();
  });

  it('pushes each change to every connected client as one small patch event, never the whole state', async () => {
    const author = await connectClient();
    const watcher = await connectClient();
    const before = stateOf(await watcher.call('session:get-state')).workbook!.revision;
    const frames: string[] = [];
    watcher.ws.on('message', (data: WebSocket.RawData) => frames.push(data.toString()));
    const name = 'Renamed through the web bridge';
    const pushed = watcher.nextEvent('workbook:changed');
    const reply = await author.call('workbook:dispatch-command', { type: 'workbook.rename', name });
    expect(reply.ok).toBe(true);
    const change = (await pushed) as WorkbookChange;
    expect(change).toMatchObject({
      revision: before + 1,
      patches: [{ op: 'replace', path: ['name'], value: name }],
      by: { name: 'Web test', role: 'QA' },
    });
    // A round trip, so anything else the host pushed for this change has arrived too.
    await watcher.call('session:get-state');
    const events = frames.map((f) => JSON.parse(f) as { event?: string }).filter((m) => m.event);
    expect(events.map((m) => m.event)).toEqual([
      'workbook:save-status',
      'workbook:changed',
      'workbook:save-status',
    ]);
    expect(Math.max(...frames.filter((f) => f.includes('"event"')).map((f) => f.length))).toBeLessThan(1000);
    author.ws.close();
    watcher.ws.close();
  });
});
