import type { EventName, Events, Method, MethodInput, MethodResults, Reply } from '../../shared/contract';
import { type Packed, packToText, unpack } from '../../shared/domain/wire-pack';
import { BridgeError, fromApiError } from './bridge-error';
import type { AppBridge, ConnectionState } from './connection';

// Web mode: the same host behind a WebSocket on 127.0.0.1. Requests are `{id, method, input}`,
// replies `{id, reply}` and pushes `{event, payload}`, each packed (shared/domain/wire-pack.ts).
// The socket can drop (laptop sleep, host restart), so it reconnects with backoff and every call
// in flight fails loudly rather than hanging: the user must know a change may not have landed.

const BACKOFF_MS = [250, 500, 1000, 2000, 4000, 5000];

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

const lostError = () =>
  new BridgeError({
    code: 'disconnected',
    message: 'The connection to the host was lost before it answered. Check the change and try again.',
    where: '',
    issues: [],
  });

const notConnectedError = () =>
  new BridgeError({
    code: 'disconnected',
    message: 'Not connected to the host — retrying. Try again in a moment.',
    where: '',
    issues: [],
  });

export function createWebBridge(url: string): AppBridge {
  let socket: WebSocket | null = null;
  let state: ConnectionState = 'connecting';
  let everOpened = false;
  let attempt = 0;
  let nextId = 1;
  // Sent and awaiting a reply: these fail if the socket drops.
  const inflight = new Map<number, Pending>();
  // Made before the very first connection: these wait for it instead of failing at once.
  const waiting: { id: number; frame: string; call: Pending }[] = [];
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  const stateListeners = new Set<(s: ConnectionState) => void>();

  const setState = (next: ConnectionState) => {
    if (state === next) return;
    state = next;
    for (const l of stateListeners) l(next);
  };

  const onMessage = (raw: unknown) => {
    if (typeof raw !== 'string') return;
    let msg: unknown;
    try {
      msg = unpack(JSON.parse(raw));
    } catch {
      return;
    }
    if (typeof msg !== 'object' || msg === null) return;
    const m = msg as { id?: unknown; reply?: Reply<unknown>; event?: unknown; payload?: unknown };
    if (typeof m.event === 'string') {
      for (const l of eventListeners.get(m.event) ?? []) l(m.payload);
      return;
    }
    const id = typeof m.id === 'number' ? m.id : Number(m.id);
    const call = inflight.get(id);
    if (!call || typeof m.reply !== 'object' || m.reply === null) return;
    inflight.delete(id);
    if (m.reply.ok) call.resolve(m.reply.value);
    else call.reject(fromApiError(m.reply.error));
  };

  const connect = () => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      everOpened = true;
      setState('open');
      for (const w of waiting.splice(0)) {
        inflight.set(w.id, w.call);
        ws.send(w.frame);
      }
    };
    ws.onmessage = (e) => onMessage(e.data);
    ws.onclose = (e) => {
      if (socket !== ws) return;
      // Why the link closed (1006: dropped with no close frame; 1009: a frame too large), for
      // whoever reads the console after a "connection lost".
      if (everOpened)
        console.warn(`Connection to the host closed (code ${e.code}${e.reason ? `: ${e.reason}` : ''}).`);
      socket = null;
      for (const call of inflight.values()) call.reject(lostError());
      inflight.clear();
      attempt += 1;
      // A first contact that keeps failing is news too: the host may be gone or the link stale.
      if (everOpened || attempt >= 3) {
        setState('lost');
        for (const w of waiting.splice(0)) w.call.reject(notConnectedError());
      }
      const delay = BACKOFF_MS[Math.min(attempt - 1, BACKOFF_MS.length - 1)]!;
      setTimeout(connect, delay);
    };
  };

  connect();

  const send = <M extends Method>(frameFor: (id: number) => string) =>
    new Promise<MethodResults[M]>((resolve, reject) => {
      if (state === 'lost') return reject(notConnectedError());
      const id = nextId++;
      const call: Pending = { resolve: resolve as (v: unknown) => void, reject };
      const frame = frameFor(id);
      if (socket?.readyState === WebSocket.OPEN) {
        inflight.set(id, call);
        socket.send(frame);
      } else {
        waiting.push({ id, frame, call });
      }
    });

  return {
    kind: 'web',
    invoke<M extends Method>(method: M, input: MethodInput<M>): Promise<MethodResults[M]> {
      return send<M>((id) => packToText({ id, method, input }));
    },
    invokePacked<M extends Method>(method: M, input: Packed<MethodInput<M>>): Promise<MethodResults[M]> {
      // The frame is {id, method, input} with the packed input spliced in as it came.
      return send<M>((id) => `{"id":${id},"method":${JSON.stringify(method)},"input":${input}}`);
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      const set = eventListeners.get(event) ?? new Set();
      eventListeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
    connection: () => state,
    onConnection(listener) {
      stateListeners.add(listener);
      return () => {
        stateListeners.delete(listener);
      };
    },
  };
}
