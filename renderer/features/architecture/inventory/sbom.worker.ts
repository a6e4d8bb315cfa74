import { readSbomBytes } from '../../../../shared/areas/architecture/sbom/read-sbom';
import type { FromWorker, ToWorker } from './sbom-messages';

// Reads an SBOM the user picked off the screen's thread: a 2 MB file takes tens of milliseconds
// to parse and walk, which would freeze typing and scrolling. Reports progress as it reads the
// bytes and as it walks the components, then the result: the reader's own, unchanged.

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
};

/** Progress messages at most this often, so a fast read is not slowed by its own reporting. */
const EVERY_MS = 50;

scope.onmessage = async (e) => {
  const { file } = e.data;
  let last = 0;
  const report = (message: FromWorker) => {
    const now = performance.now();
    if (now - last < EVERY_MS) return;
    last = now;
    scope.postMessage(message);
  };
  try {
    const bytes = await readAll(file, (done) =>
      report({ kind: 'progress', phase: 'reading', done, total: file.size }),
    );
    scope.postMessage({ kind: 'progress', phase: 'parsing', done: 0, total: 0 });
    const result = readSbomBytes(bytes, (done, total) =>
      report({ kind: 'progress', phase: 'components', done, total }),
    );
    scope.postMessage({ kind: 'done', result });
  } catch (error) {
    scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};

async function readAll(file: File, onBytes: (done: number) => void): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // A file that grew while it was read is read as far as it was when picked.
    const part = value.subarray(0, Math.max(0, out.length - at));
    out.set(part, at);
    at += part.length;
    onBytes(at);
  }
  return out.subarray(0, at);
}
