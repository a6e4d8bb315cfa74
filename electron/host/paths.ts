import { realpath } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

// Where things live, and how paths typed by a person become the one path a file is known by.

export const WORKBOOK_SUFFIX = '.rollout.json';

export const workbooksDir = (dataDir: string) => join(dataDir, 'workbooks');

/**
 * Expands a leading "~" (people type paths in web mode, where there is no file dialog) and
 * resolves a bare name against `baseDir` (the workbooks folder), not the process's working
 * folder, which for a desktop app is arbitrary.
 */
export function resolveUserPath(input: string, baseDir: string): string {
  const trimmed = input.trim();
  if (trimmed === '~' || trimmed.startsWith('~/') || trimmed.startsWith('~\\')) {
    return join(homedir(), trimmed.slice(1));
  }
  return resolve(baseDir, trimmed);
}

/**
 * The real path of an existing file, so a symlinked workbook is locked, backed up and written
 * in one place (renaming over a symlink would replace the link with a plain file). Falls back
 * to the resolved path when the file does not exist.
 */
export async function canonicalPath(input: string, baseDir: string): Promise<string> {
  const path = resolveUserPath(input, baseDir);
  return realpath(path).catch(() => path);
}

/** "Q3 CRM cut-over!" → "q3-crm-cut-over"; never empty. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'workbook';
}
