import { DomainError } from '../../domain/errors';
import { appendPatch, type Patch } from '../../domain/patches';
import type { Workbook } from '../../schema/workbook';
import type { Plan } from '../types';
import type { Import } from './schema';

// Records brought in by a file (deployments, incidents, people, pilot feedback, usage) land in
// their own area's list, each stamped with the import's id, and the import itself is recorded
// in waves.imports so it can be taken back as a whole (import-commands.ts).

const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

export interface AppendSpec<T> {
  kind: Import['kind'];
  noun: string;
  path: [string, string];
  existing: readonly T[];
  label(record: T): string;
  /** What makes a record the same as another (the source's reference by default); '' is never a duplicate. */
  key?(record: T): string;
  /** How a duplicate is named in a message ("deployment 'd-1'"). */
  named?(record: T): string;
}

/**
 * The plan every records import shares (deployments, incidents, pilot feedback, usage): refuse
 * records already in the workbook or given twice, stamp ids and batch, log compactly.
 */
export function appendRecords<T>(
  wb: Workbook,
  cmd: { id: string; fileName: string; source: string },
  incoming: readonly { rows: number[]; record: T }[],
  spec: AppendSpec<T>,
  at: string,
  who: { name: string; role: string },
): Plan {
  if (wb.waves.imports.some((i) => i.id === cmd.id)) {
    throw new DomainError('duplicate-id', `An import with id "${cmd.id}" already exists`, 'id');
  }
  const key = spec.key ?? ((r: T) => (r as { ref?: string }).ref ?? '');
  const named = spec.named ?? ((r: T) => `${spec.noun} '${key(r)}'`);
  const known = new Set(spec.existing.map(key).filter(Boolean));
  const seen = new Map<string, number>();
  const issues: { path: string; message: string }[] = [];
  for (const { rows, record } of incoming) {
    const k = key(record);
    if (!k) continue;
    const where = `Row ${rows[0]}`;
    if (known.has(k)) {
      issues.push({ path: where, message: `${named(record)} is already in this workbook` });
    } else if (seen.has(k)) {
      issues.push({ path: where, message: `row ${seen.get(k)} already gives ${named(record)}` });
    } else seen.set(k, rows[0]!);
  }
  if (issues.length > 0) {
    const shown = issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`);
    throw new DomainError(
      'invalid-item',
      `Nothing was imported: ${count(issues.length, 'row')} cannot be. ${shown.join('; ')}${issues.length > 3 ? ' …' : ''}.`,
      spec.path[1],
      issues.slice(0, 100),
    );
  }
  const list = (wb[spec.path[0] as 'waves'] as unknown as Record<string, unknown[]>)[spec.path[1]]!;
  // Stamped in place: a command's records are its own, parsed afresh for this dispatch (zod
  // copies what arrived), and copying 100,000 of them cost a third of a second in a usage import,
  // most of it in the collector, and slowed every later step that walked the copies. A record
  // already frozen (the same command applied before, in a test) is copied instead.
  const items = incoming.map(({ record }, k) => {
    const r = (Object.isFrozen(record) ? { ...record } : record) as T & { id: string; batch: string };
    r.id = `${cmd.id}-${k.toString(36)}`;
    r.batch = cmd.id;
    return r;
  });
  const record: Import = {
    id: cmd.id,
    kind: spec.kind,
    at,
    by: who.name,
    role: who.role,
    fileName: cmd.fileName,
    source: cmd.source.trim(),
    count: items.length,
  };
  const importAt = ['waves', 'imports', wb.waves.imports.length];
  const add: Patch = { op: 'add', path: importAt, value: record };
  const drop: Patch = { op: 'remove', path: importAt };
  // Undo puts back the list as it was: one patch holding the old (frozen, shared) list, where
  // a removal per record kept 100,000 patches in the undo history for each large import.
  const inverse: Patch[] = [drop, { op: 'replace', path: spec.path, value: list }];
  return {
    patches: [appendPatch([...spec.path], items), add],
    inverse,
    // The log keeps the import's record; the records are in the file, stamped with its id.
    logged: { patches: [add], inverse: [drop] },
    touched: [`waves.imports/${cmd.id}`],
    area: 'waves',
    summary:
      `Imported ${count(items.length, spec.noun)} from ${cmd.fileName || 'a file'}${record.source ? ` (${record.source})` : ''}, ` +
      `import ${cmd.id}: ${incoming
        .slice(0, 3)
        .map((i) => spec.label(i.record))
        .join('; ')}${items.length > 3 ? '; …' : ''}`,
  };
}
