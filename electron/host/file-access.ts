import { createHash } from 'node:crypto';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { FileEntry, FolderEntry } from '../../shared/contract';
import { WORKBOOK_SUFFIX } from '../../shared/domain/limits';
import { HostError } from './errors';

// Which files the host will touch. The renderer never sends a path: it names files by ids the
// host handed out (from a folder listing or the recent list) and new files by a bare name in a
// folder the host listed. Every path is resolved (symlinks included) before it is checked, and
// only regular *.rollout.json files inside an allowed folder (or, in the desktop shell, files
// the user picked in a native dialog) are ever read, locked, backed up or quarantined.
// Refusals never say whether something exists: that would let a page probe the disk.

export interface Root {
  id: string;
  label: string;
  /** Real path (symlinks resolved) of the folder. */
  path: string;
}

export const NOT_AVAILABLE =
  'That file is not available here: only .rollout.json workbooks in the workbooks folder or in a ' +
  'folder allowed when the app was started can be opened.';

const refuse = (where = 'fileId') => new HostError('not-available', NOT_AVAILABLE, where);

/** A stable, opaque id for a real path: the same file keeps its id across listings and restarts. */
export function fileIdFor(realPath: string): string {
  return createHash('sha256').update(realPath).digest('base64url').slice(0, 24);
}

export class FileAccess {
  private constructor(readonly roots: readonly Root[]) {}

  /** Resolves each folder once, at start-up; a folder that does not exist is left out. */
  static async create(folders: readonly { id: string; label: string; path: string }[]): Promise<FileAccess> {
    const roots: Root[] = [];
    for (const folder of folders) {
      const real = await realpath(folder.path).catch(() => null);
      if (real && !roots.some((r) => r.path === real)) roots.push({ ...folder, path: real });
    }
    return new FileAccess(roots);
  }

  root(id: string): Root {
    const found = this.roots.find((r) => r.id === id);
    if (!found) throw new HostError('not-available', 'That folder is not one this app offers.', 'folderId');
    return found;
  }

  isInsideRoot(realPath: string): boolean {
    return this.roots.some((r) => realPath.startsWith(r.path + sep));
  }

  /**
   * The real path of a workbook file the user may open, or a refusal. `chosen` is for paths the
   * user picked in a native dialog or handed over by the OS: they may live outside the roots.
   */
  async checkWorkbook(path: string, chosen: boolean): Promise<string> {
    if (path.includes('\0')) throw refuse();
    const real = await realpath(path).catch(() => null);
    if (!real?.endsWith(WORKBOOK_SUFFIX)) throw refuse();
    if (!chosen && !this.isInsideRoot(real)) throw refuse();
    const info = await stat(real).catch(() => null);
    if (!info?.isFile()) throw refuse();
    return real;
  }

  /** Every workbook in every root, as the file browser shows them. */
  async listFolders(openPath: string | null): Promise<FolderEntry[]> {
    const out: FolderEntry[] = [];
    for (const root of this.roots) {
      try {
        out.push({ ...root, files: await this.listRoot(root, openPath), error: null });
      } catch (error) {
        out.push({
          ...root,
          files: [],
          error: `This folder could not be read (${(error as Error).message}).`,
        });
      }
    }
    return out;
  }

  private async listRoot(root: Root, openPath: string | null): Promise<FileEntry[]> {
    const files: FileEntry[] = [];
    for (const name of (await readdir(root.path)).sort((a, b) => a.localeCompare(b))) {
      if (name.startsWith('.') || !name.endsWith(WORKBOOK_SUFFIX)) continue;
      const real = await this.checkWorkbook(join(root.path, name), false).catch(() => null);
      if (!real) continue;
      const info = await stat(real).catch(() => null);
      if (!info) continue;
      files.push({
        id: fileIdFor(real),
        fileName: name,
        title: await titleOf(real),
        bytes: info.size,
        modifiedAt: info.mtime.toISOString(),
        open: real === openPath,
      });
    }
    return files;
  }

  /** The real path behind an id from a listing, or from `trusted` (recent files the user chose). */
  async resolveId(fileId: string, trusted: readonly string[]): Promise<string> {
    for (const root of this.roots) {
      const names = await readdir(root.path).catch(() => [] as string[]);
      for (const name of names) {
        if (name.startsWith('.') || !name.endsWith(WORKBOOK_SUFFIX)) continue;
        const real = await realpath(join(root.path, name)).catch(() => null);
        if (real && fileIdFor(real) === fileId) return this.checkWorkbook(real, false);
      }
    }
    for (const path of trusted) {
      if (fileIdFor(path) === fileId) return this.checkWorkbook(path, true);
    }
    throw refuse();
  }

  /**
   * Where Save As (or a new workbook) may write `fileName` in a root: a checked bare name, never
   * a symlink, and an existing file only when the user agreed to replace it.
   */
  async writeTarget(folderId: string, fileName: string, overwrite: boolean): Promise<string> {
    const root = this.root(folderId);
    const name = checkFileName(fileName);
    const target = join(root.path, name);
    const info = await lstat(target).catch(() => null);
    if (info && !info.isFile()) {
      throw new HostError('not-available', `${name} cannot be written: it is not a plain file.`, 'fileName');
    }
    if (info && !overwrite) {
      throw new HostError(
        'exists',
        `${name} already exists in ${root.label}. Replace it, or choose another name.`,
        'fileName',
      );
    }
    return target;
  }
}

// Letters and digits of any script, spaces and a few punctuation marks. Slashes, dots at the
// start, control characters and look-alikes of "/" or "." (fullwidth, division slash...) are out.
const NAME_CHARS = /^[\p{L}\p{N} _\-.,()'&+]+$/u;
const MAX_NAME_BYTES = 200;

/** A bare workbook file name, with the suffix added when missing, or a refusal saying why. */
export function checkFileName(input: string): string {
  const trimmed = input.trim();
  const name = trimmed.toLowerCase().endsWith(WORKBOOK_SUFFIX) ? trimmed : `${trimmed}${WORKBOOK_SUFFIX}`;
  const stem = name.slice(0, -WORKBOOK_SUFFIX.length);
  const bad = (why: string) =>
    new HostError('invalid-name', `That file name cannot be used: ${why}.`, 'fileName');
  if (stem.length === 0) throw bad('it is empty');
  if (/[/\\]/.test(stem)) throw bad('it may not contain / or \\ (a file name, not a path)');
  if (stem.startsWith('.')) throw bad('it may not start with a dot');
  if (name.normalize('NFKC') !== name)
    throw bad('it contains look-alike characters (such as a fullwidth letter or slash)');
  if (!NAME_CHARS.test(stem)) throw bad("use letters, digits, spaces and - _ . , ( ) ' & + only");
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) throw bad(`it is longer than ${MAX_NAME_BYTES} bytes`);
  return name;
}

/** The workbook's own name, from the first few KB (the host writes it near the top), or null. */
async function titleOf(path: string): Promise<string | null> {
  const handle = await open(path, 'r').catch(() => null);
  if (!handle) return null;
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const match = /"name"\s*:\s*"((?:[^"\\]|\\.){1,200})"/.exec(
      buffer.subarray(0, bytesRead).toString('utf8'),
    );
    if (!match) return null;
    const value: unknown = JSON.parse(`"${match[1]}"`);
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}
