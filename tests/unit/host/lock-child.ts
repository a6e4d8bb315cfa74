import { createInterface } from 'node:readline';
import { invoke } from '../../../electron/host/dispatch';
import { createHost } from '../../../electron/host/host';

// Run by lock.test.ts as a separate OS process (bundled with esbuild): a whole app instance,
// driven one request at a time. Usage: lock-child.mjs <dataDir> <samplePath>
//   stdin:  one JSON line per request, {"method": "...", "input": ...}, {"openPath": "..."} (a
//           file handed over by the OS, as a double-click would), or {"exit": true}
//   stdout: {"pid": n} once ready, then one {"reply": Reply} line per request
// On {"exit": true} it closes the host (flush, release the lock) and exits with code 0.

const [dataDir, samplePath] = process.argv.slice(2);
const host = createHost({
  dataDir: dataDir!,
  samplePath: samplePath!,
  user: { name: `Peer ${process.pid}`, role: 'Lock test' },
});
const send = (message: unknown) => process.stdout.write(`${JSON.stringify(message)}\n`);

send({ pid: process.pid });
for await (const line of createInterface({ input: process.stdin })) {
  const request = JSON.parse(line) as { method?: string; input?: unknown; openPath?: string; exit?: boolean };
  if (request.exit) {
    await host.close();
    process.exit(0);
  }
  if (request.openPath) {
    send({ reply: await host.openPath(request.openPath).then((value) => ({ ok: true, value })) });
    continue;
  }
  send({ reply: await invoke(host.api, request.method, request.input) });
}
