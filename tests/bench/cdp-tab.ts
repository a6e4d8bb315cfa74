import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

// A Chromium driven over the DevTools protocol by hand, without Playwright, for the one
// benchmark that needs a page to really go to the background. Playwright keeps every page it
// drives "visible" (it turns on focus emulation, which holds the tab as if captured, and
// launches with --disable-background-timer-throttling and --disable-renderer-backgrounding), so
// a tab behind another never throttles under it. Here Chromium runs with its own defaults: a tab
// put behind another tab of its window is hidden and its timers are throttled, as for a user.

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class CdpBrowser {
  private next = 0;
  private readonly pending = new Map<number, Pending>();

  private constructor(
    private readonly proc: ChildProcess,
    private readonly socket: WebSocket,
    private readonly profile: string,
  ) {
    socket.on('message', (data) => {
      const m = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
      const p = m.id === undefined ? undefined : this.pending.get(m.id);
      if (!p || m.id === undefined) return;
      this.pending.delete(m.id);
      if (m.error) p.reject(new Error(m.error.message));
      else p.resolve(m.result);
    });
  }

  static async launch(executablePath: string): Promise<CdpBrowser> {
    const profile = await mkdtemp(join(tmpdir(), 'warroom-bench-cdp-'));
    const proc = spawn(
      executablePath,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--remote-debugging-port=0',
        `--user-data-dir=${profile}`,
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${out}`)), 30_000);
      proc.stderr?.on('data', (d: Buffer) => {
        out += d.toString();
        const m = out.match(/DevTools listening on (ws:\S+)/);
        if (!m) return;
        clearTimeout(timer);
        resolve(m[1]!);
      });
      proc.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${out}`)));
    });
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    return new CdpBrowser(proc, socket, profile);
  }

  send<T = Record<string, unknown>>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = ++this.next;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  }

  /** The tab Chromium opened with, attached: its target id and session. */
  async firstTab(): Promise<{ targetId: string; sessionId: string }> {
    const { targetInfos } = await this.send<{ targetInfos: { targetId: string; type: string }[] }>(
      'Target.getTargets',
    );
    const tab = targetInfos.find((t) => t.type === 'page');
    if (!tab) throw new Error('Chromium opened no tab');
    const { sessionId } = await this.send<{ sessionId: string }>('Target.attachToTarget', {
      targetId: tab.targetId,
      flatten: true,
    });
    return { targetId: tab.targetId, sessionId };
  }

  /** Evaluates `expression` in a tab and returns its value (promises awaited). */
  async evaluate<T>(sessionId: string, expression: string): Promise<T> {
    const reply = await this.send<{ result: { value: T }; exceptionDetails?: { text: string } }>(
      'Runtime.evaluate',
      { expression, returnByValue: true, awaitPromise: true },
      sessionId,
    );
    if (reply.exceptionDetails) throw new Error(`in the page: ${reply.exceptionDetails.text}`);
    return reply.result.value;
  }

  async close(): Promise<void> {
    this.socket.close();
    this.proc.kill();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await rm(this.profile, { recursive: true, force: true });
  }
}
