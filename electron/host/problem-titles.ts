import type { ProblemKind } from '../../shared/contract';

/** One heading per kind of bad file. The detail beneath says what exactly and where. */
export const PROBLEM_TITLES: Record<ProblemKind, string> = {
  'not-found': 'The workbook file could not be found',
  unreadable: 'The workbook file could not be read',
  'too-large': 'The file is too large to be a workbook',
  empty: 'The workbook file is empty',
  'nul-bytes': 'The workbook file is damaged',
  bom: 'The workbook file has an unexpected byte-order mark',
  truncated: 'The workbook file is cut short',
  'not-json': 'The workbook file is not valid JSON',
  'not-an-object': 'The file is not a workbook',
  'too-deep': 'The file is nested too deeply to be a workbook',
  'forbidden-key': 'The file contains a key that is not allowed',
  'missing-version': 'The file does not say which workbook version it is',
  'future-version': 'The workbook was made by a newer version of Rollout War Room',
  'migration-failed': 'The workbook could not be upgraded to this version',
  'wrong-schema': 'The file does not match the workbook format',
};
