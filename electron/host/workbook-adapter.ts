import type { Adapter } from 'lowdb';
import type { OpenProblem } from '../../shared/contract';
import { formatBytes } from '../../shared/domain/format';
import { MAX_WORKBOOK_BYTES } from '../../shared/domain/limits';
import type { WorkbookFile } from '../../shared/schema/workbook';
import { type DurableFs, durableWrite, nodeDurableFs } from './durable-write';
import { readWorkbookFile } from './read-workbook';
import { workbookBytes } from './workbook-text';

// lowdb's storage adapter for one workbook file. lowdb's own JSONFile writes through steno,
// which renames without fsync; this one writes durably and reads through the same checks as
// every other open, so a damaged file is reported rather than parsed loosely.

/** Thrown by `read()` when the file exists but is not a usable workbook. */
export class WorkbookFileError extends Error {
  constructor(
    readonly kind: OpenProblem['kind'],
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'WorkbookFileError';
  }
}

export function serializeWorkbook(file: WorkbookFile): Buffer {
  return workbookBytes(file);
}

export class DurableWorkbookAdapter implements Adapter<WorkbookFile> {
  /** Size of the last file written, so the size guard can start from the truth. */
  bytesWritten = 0;

  constructor(
    readonly path: string,
    private readonly fs: DurableFs = nodeDurableFs,
  ) {}

  /** The workbook (migrated in memory if older), or null if there is no file yet. */
  async read(): Promise<WorkbookFile | null> {
    const loaded = await readWorkbookFile(this.path);
    if (loaded.ok) return loaded.file;
    if (loaded.kind === 'not-found') return null;
    throw new WorkbookFileError(loaded.kind, loaded.detail);
  }

  async write(data: WorkbookFile): Promise<void> {
    const bytes = serializeWorkbook(data);
    // The last line of defence: never write what the reader would refuse to open.
    if (bytes.length > MAX_WORKBOOK_BYTES) {
      throw new Error(
        `the workbook would be ${formatBytes(bytes.length)}, over the ${formatBytes(MAX_WORKBOOK_BYTES)} limit`,
      );
    }
    await durableWrite(this.path, bytes, this.fs);
    this.bytesWritten = bytes.length;
  }
}
