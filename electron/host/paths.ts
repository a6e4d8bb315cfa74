import { userInfo } from 'node:os';
import { join } from 'node:path';
import { WORKBOOK_SUFFIX } from '../../shared/domain/limits';

// Where things live in the data folder, and names derived from workbook names.

export const workbooksDir = (dataDir: string) => join(dataDir, 'workbooks');

/** `plan.rollout.json` → `plan.rollout.audit.jsonl`: the append-only archive beside a workbook. */
export function archivePathFor(workbookPath: string): string {
  const stem = workbookPath.endsWith(WORKBOOK_SUFFIX)
    ? workbookPath.slice(0, -WORKBOOK_SUFFIX.length)
    : workbookPath;
  return `${stem}.rollout.audit.jsonl`;
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

/** The OS user name, offered as a first guess when the app asks who is making changes. */
export function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    // userInfo() throws for a uid with no passwd entry (some containers).
    return process.env.USER || process.env.USERNAME || '';
  }
}
