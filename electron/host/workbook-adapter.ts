import type { Adapter } from 'lowdb';
import type { OpenProblem } from '../../shared/contract';
import type { Workbook } from '../../shared/schema/workbook';
import { type DurableFs, durableWrite, nodeDurableFs } from './durable-write';
import { readWorkbookFile } from './read-workbook';

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

export function serializeWorkbook(wb: Workbook): Buffer {
  return Buffer.from(`${JSON.stringify(wb, null, 2)}\n`, 'utf8');
}

export class DurableWorkbookAdapter implements Adapter<Workbook> {
  constructor(
    readonly path: string,
    private readonly fs: DurableFs = nodeDurableFs,
  ) {}

  /** The workbook (migrated in memory if older), or null if there is no file yet. */
  async read(): Promise<Workbook | null> {
    const loaded = await readWorkbookFile(this.path);
    if (loaded.ok) return loaded.workbook;
    if (loaded.kind === 'not-found') return null;
    throw new WorkbookFileError(loaded.kind, loaded.detail);
  }

  async write(data: Workbook): Promise<void> {
    await durableWrite(this.path, serializeWorkbook(data), this.fs);
  }
}
