import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { type ApiError, EVENT_NAMES, type EventName, type Reply } from '../shared/contract';
import { messageOf } from '../shared/domain/format';
import { PackError, packToText, unpack } from '../shared/domain/wire-pack';
import { invoke } from './host/dispatch';
import type { Host } from './host/types';
import { indexPath, readStaticFile, safeRelativePath, securityHeaders } from './static-files';

// Web mode: the same host the Electron shell uses, served to a browser on this machine only.
// Three locks keep other software and other web pages out: we bind to 127.0.0.1, the bridge
// needs a random token that only the terminal shows, and the WebSocket Origin must be ours
// (a page on another site can open a socket to localhost, but cannot fake its Origin).

const LOOPBACK = '127.0.0.1';
const BRIDGE_PATH = '/bridge';
/** Large enough for a 50 MB workbook sent through save-as/import, small enough to bound memory. */
const MAX_PAYLOAD = 64 * 1024 * 1024;

export interface WebServerOptions {
  host: Host;
  /** The built renderer (dist/renderer). */
  distDir: string;
  /** 0 or absent: a free port chosen by the OS. */
  port?: number;
  token?: string;
}

export interface WebServer {
  /** The address to open, token included. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const TOKEN_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rollout War Room: link needs its token</title></head>
<body><main><h1>This link needs its token</h1>
<p>For your safety, Rollout War Room only opens from the full address printed in the terminal
where it is running. Copy that address (it ends with <code>?token=</code> and a long code) and open it.</p>
</main></body></html>
`;

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { host, distDir } = options;
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenDigest = digest(token);
  // Filled in by the listen callback, which runs before any connection can be handled.
  let port = 0;
  let headers: Record<string, string> = {};
  const origin = () => `http://${LOOPBACK}:${port}`;

  const tokenMatches = (candidate: string | null): boolean =>
    candidate !== null && timingSafeEqual(digest(candidate), tokenDigest);

  const server = createServer((req, res) => {
    handleRequest(req, res).catch(() => respond(res, 500, 'text/plain; charset=utf-8', 'Internal error\n'));
  });

  function respond(res: ServerResponse, status: number, type: string, body: string | Buffer, extra = {}) {
    if (res.headersSent) return void res.destroy();
    res.writeHead(status, {
      ...headers,
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(body),
      ...extra,
    });
    res.end(res.req.method === 'HEAD' ? undefined : body);
  }

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return respond(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', { Allow: 'GET, HEAD' });
    }
    // A DNS-rebinding page reaches us under its own host name; answer only to our address.
    if (req.headers.host !== `${LOOPBACK}:${port}`) {
      return respond(res, 403, 'text/plain; charset=utf-8', `Open ${origin()} instead.\n`);
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin());
    } catch {
      return respond(res, 400, 'text/plain; charset=utf-8', 'Bad request\n');
    }
    // Compare the decoded, lower-cased name so `/%69ndex.html` or `/INDEX.HTML` cannot skip the token.
    const relative = safeRelativePath(url.pathname);
    if (url.pathname === '/' || relative?.toLowerCase() === 'index.html') {
      if (!tokenMatches(url.searchParams.get('token'))) {
        return respond(res, 403, 'text/html; charset=utf-8', TOKEN_PAGE, { 'Cache-Control': 'no-store' });
      }
      let html: Buffer;
      try {
        html = await readFile(indexPath(distDir));
      } catch {
        return respond(
          res,
          500,
          'text/plain; charset=utf-8',
          'The renderer is not built: run npm run build.\n',
        );
      }
      return respond(res, 200, 'text/html; charset=utf-8', html, { 'Cache-Control': 'no-store' });
    }
    // Static files are the app's code and styles: no workbook data, so no token needed.
    const file = await readStaticFile(distDir, url.pathname);
    if (file === null) return respond(res, 404, 'text/plain; charset=utf-8', 'Not found\n');
    // Vite fingerprints everything under /assets, so those never change under the same name.
    const cache = relative?.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    return respond(res, 200, file.contentType, file.body, { 'Cache-Control': cache });
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const refusal = checkUpgrade(req);
    if (refusal !== null) {
      socket.once('finish', () => socket.destroy());
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  /** Null when the upgrade may proceed, else the status line to refuse it with. */
  function checkUpgrade(req: IncomingMessage): string | null {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin());
    } catch {
      return '400 Bad Request';
    }
    if (url.pathname !== BRIDGE_PATH) return '404 Not Found';
    if (!tokenMatches(url.searchParams.get('token'))) return '401 Unauthorized';
    if (req.headers.origin !== origin() || req.headers.host !== `${LOOPBACK}:${port}`) return '403 Forbidden';
    return null;
  }

  wss.on('connection', (ws: WebSocket) => {
    // ws closes the socket itself on protocol errors (e.g. a frame over maxPayload); without a
    // listener the 'error' event would take the whole process down.
    ws.on('error', () => undefined);
    ws.on('message', (data: RawData) => {
      void answerFrame(ws, data);
    });
  });

  async function answerFrame(ws: WebSocket, data: RawData): Promise<void> {
    const frame = parseFrame(data);
    if (!frame.ok) return sendJson(ws, { id: null, reply: { ok: false, error: frame.error } });
    if (frame.refused) return sendJson(ws, { id: frame.id, reply: { ok: false, error: frame.refused } });
    let reply: Reply<unknown>;
    try {
      reply = await invoke(host.api, frame.method, frame.input);
    } catch (error) {
      // dispatch.ts turns failures into replies; this only guards against a bug there.
      reply = { ok: false, error: apiError('internal', `The host failed: ${messageOf(error)}`) };
    }
    sendJson(ws, { id: frame.id, reply });
  }

  /** Sends to every open window; resolves once each has the frame handed to its socket. */
  const broadcast = (event: EventName, payload: unknown): Promise<void> => {
    const text = packToText({ event, payload });
    const sends: Promise<void>[] = [];
    for (const client of wss.clients) {
      if (client.readyState !== client.OPEN) continue;
      // A send that fails (the window went away) is settled too: nothing waits on a closed socket.
      sends.push(new Promise((resolve) => client.send(text, () => resolve())));
    }
    return Promise.all(sends).then(() => undefined);
  };
  const unsubscribes = EVENT_NAMES.map((name) =>
    host.on(name, (payload: unknown) => broadcast(name, payload)),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: LOOPBACK, port: options.port ?? 0 }, () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      headers = securityHeaders(`ws://${LOOPBACK}:${port}`);
      resolve();
    });
  }).catch((error: unknown) => {
    for (const off of unsubscribes) off();
    throw error;
  });

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      for (const off of unsubscribes) off();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    })();
    return closing;
  };

  return { url: `${origin()}/?token=${token}`, port, token, close };
}

type Frame =
  | { ok: true; id: number; method: unknown; input: unknown; refused?: ApiError }
  | { ok: false; error: ApiError };

/** Frames are untrusted bytes: anything but `{id: number, method, input?}` is a bad frame. */
function parseFrame(data: RawData): Frame {
  const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { ok: false, error: apiError('bad-frame', 'The message is not valid JSON.') };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: apiError('bad-frame', 'The message must be a JSON object.') };
  }
  const record = value as Record<string, unknown>;
  if (typeof record.id !== 'number' || !Number.isFinite(record.id)) {
    return { ok: false, error: apiError('bad-frame', 'The message needs a numeric "id".') };
  }
  try {
    return { ok: true, id: record.id, method: record.method, input: unpack(record.input) };
  } catch (error) {
    if (!(error instanceof PackError)) throw error;
    const refused = apiError('invalid-input', `The request's input cannot be unpacked: ${error.message}.`);
    return { ok: true, id: record.id, method: record.method, input: undefined, refused };
  }
}

function sendJson(ws: WebSocket, message: unknown): void {
  if (ws.readyState === ws.OPEN) ws.send(packToText(message));
}

function apiError(code: string, message: string): ApiError {
  return { code, message, where: '', issues: [] };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
