import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { invoke } from '../../electron/host/dispatch';
import { type DurableFs, nodeDurableFs } from '../../electron/host/durable-write';
import { createHost } from '../../electron/host/host';
import type { Host } from '../../electron/host/types';
import type { Method, MethodResults, SessionState } from '../../shared/contract';
import type { Identity } from '../../shared/domain/identity';
import type { Workbook, WorkbookFile } from '../../shared/schema/workbook';

// The real host, driven through the same door the shells use (dispatch.ts `invoke`: input
// parsed from `unknown`, errors mapped), on the real file system. The only seam used is the
// documented one, HostInternals.fs, and only to count the durable writes that land on a path.

export interface BenchHost {
  host: Host;
  call<M extends Method>(method: M, input?: unknown): Promise<MethodResults[M]>;
  /** How many durable writes have been renamed into place at `path`. */
  writesTo(path: string): number;
}

/** Signs the benchmarks' changes (the host refuses unsigned ones). */
export const BENCH_USER: Identity = { name: 'Bench', role: 'Benchmark' };

export function benchHost(dataDir: string, samplePath: string): BenchHost {
  const renames = new Map<string, number>();
  const fs: DurableFs = {
    ...nodeDurableFs,
    async rename(from, to) {
      await nodeDurableFs.rename(from, to);
      renames.set(to, (renames.get(to) ?? 0) + 1);
    },
  };
  const host = createHost({ dataDir, samplePath, user: BENCH_USER }, { fs });
  return {
    host,
    async call(method, input) {
      const reply = await invoke(host.api, method, input);
      if (!reply.ok) throw new Error(`${method} failed: ${reply.error.code}: ${reply.error.message}`);
      return reply.value as MethodResults[typeof method];
    },
    writesTo: (path) => renames.get(path) ?? 0,
  };
}

/**
 * Opens `path` for editing, or throws saying why it was not (a problem, or read-only). By path,
 * as the desktop shell opens a file the OS hands over: renderer requests name files by id.
 */
export async function openForEditing(kit: BenchHost, path: string): Promise<Workbook> {
  return editable(await kit.host.openPath(path), path);
}

/** Opens a listed file the way a window does ('workbook:open-file' with its id), for editing. */
export async function openIdForEditing(kit: BenchHost, fileId: string): Promise<Workbook> {
  return editable(await kit.call('workbook:open-file', { fileId }), fileId);
}

/** The id the host's listing gives `fileName` (in the data folder's workbooks folder). */
export async function fileIdOf(kit: BenchHost, fileName: string): Promise<string> {
  const folders = await kit.call('files:list-folders');
  const file = folders.flatMap((f) => f.files).find((f) => f.fileName === fileName);
  if (!file) throw new Error(`the host does not list ${fileName}`);
  return file.id;
}

function editable(state: SessionState, what: string): Workbook {
  if (!state.workbook || state.file?.readOnly !== false) {
    throw new Error(`could not open ${what} for editing: ${JSON.stringify(state.problem ?? state.file)}`);
  }
  return state.workbook;
}

// The raw limit: what any durable save of this workbook must cost, in plain node:fs with nothing
// of the host in the way. Same steps and order as a correct durable write (temp in the same
// folder, fsync, rename, fsync folder), so the ratio shows only the host's own overhead.

export async function writeSyncRename(target: string, chunks: readonly Uint8Array[]): Promise<void> {
  const temp = `${target}.raw.tmp`;
  const file = await open(temp, 'w', 0o644);
  try {
    // Each writeFile on a handle continues where the previous one stopped.
    for (const chunk of chunks) await file.writeFile(chunk);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temp, target);
  const dir = await open(dirname(target), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

const NEWLINE = Buffer.from('\n');

/**
 * The same workbook as JSON, made the cheapest plain way: compact JSON.stringify, encoded on its
 * own, the newline written as a second chunk. The host's file is the same JSON laid out for
 * people (indented, long lists a record a line), a few percent more bytes than this.
 */
export function rawChunks(file: WorkbookFile): Uint8Array[] {
  return [Buffer.from(JSON.stringify(file), 'utf8'), NEWLINE];
}

/** The raw limit of one durable change: rawChunks + the durable write above. */
export async function rawDurableSave(target: string, file: WorkbookFile): Promise<void> {
  await writeSyncRename(target, rawChunks(file));
}
