import { isAbsolute, resolve } from 'node:path';
import { WORKBOOK_SUFFIX } from '../shared/domain/limits';

// Pure, so it is unit-tested without Electron: which workbook, if any, a command line asks for.
// Launchers pass it differently (`app file`, `electron . file`, Chromium adding its own
// `--switches`), so we pick the last argument that looks like a workbook rather than argv[1].

export function findWorkbookArgument(argv: readonly string[], workingDirectory: string): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i];
    if (arg === undefined || arg.startsWith('-') || arg.includes('\0')) continue;
    if (!arg.toLowerCase().endsWith(WORKBOOK_SUFFIX)) continue;
    return isAbsolute(arg) ? arg : resolve(workingDirectory, arg);
  }
  return null;
}
