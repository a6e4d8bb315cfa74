import type { z } from 'zod';

/** One validation problem, with a readable path such as `success.stopConditions[2].threshold`. */
export interface FieldIssue {
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

export function toFieldIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): FieldIssue[] {
  return error.issues.map((issue) => {
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `Unknown field(s): ${listKeys(issue.keys)}`;
    // zod's default for an absent key reads "expected object, received undefined"; say "missing".
    else if (issue.code === 'invalid_type' && /received undefined$/.test(message)) {
      message = `missing (expected ${issue.expected})`;
    }
    return { path: formatPath([...prefix, ...issue.path]), message };
  });
}

/** Names hostile or huge keys without echoing megabytes of them back. */
function listKeys(keys: readonly string[]): string {
  const shown = keys.slice(0, 5).map((k) => (k.length > 60 ? `${k.slice(0, 57)}...` : k));
  return keys.length > 5 ? `${shown.join(', ')} and ${keys.length - 5} more` : shown.join(', ');
}

/** A one-paragraph summary for dialogs: the first few issues, and how many more there are. */
export function summarizeIssues(issues: readonly FieldIssue[], max = 3): string {
  const shown = issues.slice(0, max).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  const rest = issues.length - shown.length;
  return rest > 0 ? `${shown.join('; ')}; and ${rest} more` : shown.join('; ');
}
