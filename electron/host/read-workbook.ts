import { readFile, stat } from 'node:fs/promises';
import type { ProblemKind } from '../../shared/contract';
import { formatBytes } from '../../shared/domain/format';
import { MAX_WORKBOOK_BYTES } from '../../shared/domain/limits';
import type { WorkbookFile } from '../../shared/schema/workbook';
import { decodeWorkbook } from './decode-workbook';
import { isCode } from './durable-write';

// Reading a workbook file from disk: refuse what cannot be a workbook before reading it (a
// folder, a pipe that would block forever, a 4 GB log file), then decode the bytes.

export type Loaded =
  | { ok: true; file: WorkbookFile; fromVersion: number; applied: string[]; bytes: Buffer }
  /** `bytes` is null when nothing was read (missing, unreadable or too large). */
  | { ok: false; kind: ProblemKind; detail: string; bytes: Buffer | null };

export async function readWorkbookFile(path: string): Promise<Loaded> {
  const refuse = (kind: ProblemKind, detail: string): Loaded => ({ ok: false, kind, detail, bytes: null });
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return refuse('unreadable', `${path} is a folder, not a workbook file.`);
    if (!info.isFile()) return refuse('unreadable', `${path} is not a regular file.`);
    size = info.size;
  } catch (error) {
    return refuse(...statProblem(path, error));
  }
  if (size > MAX_WORKBOOK_BYTES) {
    return refuse(
      'too-large',
      `The file is ${formatBytes(size)}; a workbook is at most ${formatBytes(MAX_WORKBOOK_BYTES)}, so ` +
        'it was not read.',
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return refuse(...statProblem(path, error));
  }
  return { ...decodeWorkbook(bytes), bytes };
}

function statProblem(path: string, error: unknown): [ProblemKind, string] {
  if (isCode(error, 'ENOENT', 'ENOTDIR')) {
    return ['not-found', `There is no file at ${path}; it may have been moved, renamed or deleted.`];
  }
  if (isCode(error, 'EACCES', 'EPERM')) {
    return ['unreadable', `You do not have permission to read ${path}.`];
  }
  return ['unreadable', `${path} could not be read: ${(error as Error).message}`];
}
