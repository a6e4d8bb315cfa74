import WebSocket from 'ws';
import type {
  EventName,
  Method,
  MethodResults,
  Reply,
  SessionState,
  WorkbookChange,
} from '../../shared/contract';
import { applyPatches } from '../../shared/domain/patches';
import { packToText, unpack } from '../../shared/domain/wire-pack';
import type { Workbook } from '../../shared/schema/workbook';

// One window of the app in web mode, reduced to what the benchmarks and docs drive: the WebSocket a
// browser page opens to the host, and the copy of the workbook the page keeps. It keeps that
// copy exactly as the renderer's store does (renderer/store/app-store.ts applyChange): a full
// state replaces it, a change for the next revision is applied as patches, anything else is
// stale or a gap. Every frame it receives is counted with its size on the wire.

/** What arrived since the counters were last reset. */
export interface Received {
  /** Push frames (events), payload plus WebSocket frame header. */
  pushBytes: number;
  /** Push frames by event name. */
  pushes: Partial<Record<EventName, number>>;
  /** Reply frames (answers to this window's own requests), counted apart from pushes. */
  replyBytes: number;
  /** 'saved' save statuses: the write that holds the last change is on disk. */
  saved: number;
}

/** Server-to-client frames are unmasked: 2 header bytes, plus 2 or 8 for longer payloads. */
const frameBytes = (payload: number) => payload + 2 + (payload >= 65_536 ? 8 : payload >= 126 ? 2 : 0);

const empty = (): Received => ({ pushBytes: 0, pushes: {}, replyBytes: 0, saved: 0 });

export class WindowClient {
  workbook: Workbook | null = null;
  /** performance.now() when this window had applied each revision. */
  readonly appliedAt = new Map<number, number>();
  /** Milliseconds each applied change took here (parse excluded: patches + revision). */
  readonly applyMs: number[] = [];
  /** Changes that did not follow this window's revision (the renderer would re-read the state). */
  gaps = 0;
  received: Received = empty();
  private nextId = 1;
  private readonly pending = new Map<number, (reply: Reply<unknown>) => void>();
  private readonly watchers = new Set<() => void>();

  private constructor(
    readonly name: string,
    private readonly ws: WebSocket,
  ) {
    ws.on('message', (data: Buffer) => this.onFrame(data));
  }

  /** Connects like a page served from `url` (its token, its Origin). */
  static async connect(url: string, name: string): Promise<WindowClient> {
    const page = new URL(url);
    const bridge = `ws://${page.host}/bridge?token=${encodeURIComponent(page.searchParams.get('token') ?? '')}`;
    const ws = new WebSocket(bridge, { origin: page.origin, perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new WindowClient(name, ws);
  }

  /** Sends a request; `sent` runs right after the frame is handed to the socket. */
  async call<M extends Method>(method: M, input?: unknown, sent?: () => void): Promise<MethodResults[M]> {
    const id = this.nextId++;
    const reply = new Promise<Reply<unknown>>((resolve) => this.pending.set(id, resolve));
    this.ws.send(packToText({ id, method, input }));
    sent?.();
    const answer = await reply;
    if (!answer.ok)
      throw new Error(`${this.name}: ${method} failed: ${answer.error.code}: ${answer.error.message}`);
    return answer.value as MethodResults[M];
  }

  /** Takes the host's whole state, as the renderer does on connecting. */
  async loadState(): Promise<void> {
    this.workbook = (await this.call('session:get-state')).workbook;
  }

  /** Returns what arrived since the last call and starts counting afresh. */
  takeReceived(): Received {
    const out = this.received;
    this.received = empty();
    return out;
  }

  /** Calls `check` after every frame this window handles, until the returned function is called. */
  watch(check: () => void): () => void {
    this.watchers.add(check);
    return () => this.watchers.delete(check);
  }

  close(): void {
    this.ws.close();
  }

  private onFrame(data: Buffer): void {
    const message = unpack(JSON.parse(data.toString('utf8'))) as {
      id?: number;
      reply?: Reply<unknown>;
      event?: EventName;
      payload?: unknown;
    };
    if (message.event) {
      this.received.pushBytes += frameBytes(data.length);
      this.received.pushes[message.event] = (this.received.pushes[message.event] ?? 0) + 1;
      this.onEvent(message.event, message.payload);
    } else if (typeof message.id === 'number') {
      this.received.replyBytes += frameBytes(data.length);
      this.pending.get(message.id)?.(message.reply!);
      this.pending.delete(message.id);
    }
    for (const check of [...this.watchers]) check();
  }

  private onEvent(event: EventName, payload: unknown): void {
    if (event === 'session:state-changed') this.workbook = (payload as SessionState).workbook;
    else if (event === 'workbook:save-status') {
      if ((payload as { state: string }).state === 'saved') this.received.saved++;
    } else if (event === 'workbook:changed') this.applyChange(payload as WorkbookChange);
  }

  /** renderer/store/app-store.ts applyChange, minus the store. */
  private applyChange(change: WorkbookChange): void {
    const wb = this.workbook;
    if (!wb || change.revision <= wb.revision) return;
    if (change.revision !== wb.revision + 1) {
      this.gaps++;
      return;
    }
    const start = performance.now();
    this.workbook = {
      ...applyPatches(wb, change.patches),
      revision: change.revision,
      updatedAt: change.updatedAt,
    };
    const end = performance.now();
    this.applyMs.push(end - start);
    this.appliedAt.set(change.revision, end);
  }
}
