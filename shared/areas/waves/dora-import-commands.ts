import { z } from 'zod';
import { areaCommand } from '../../domain/area-command';
import { DomainError } from '../../domain/errors';
import type { Patch } from '../../domain/patches';
import { entityId, optionalText } from '../../schema/fields';
import type { Workbook } from '../../schema/workbook';
import { type Incident, IncidentSchema } from '../runbooks/schema';
import type { AreaCommand, Plan } from '../types';
import { type Deployment, DeploymentSchema, type Import } from './schema';

// Deployments and incidents exported by delivery and incident tools, confirmed in the one CSV
// import flow (shared/import/kinds/deployments.ts, incidents.ts), arrive as one command each and
// are checked again here: every record valid, none already in the workbook (by the source's
// reference), applied whole or not at all. Like readings, each carries the import's id in
// `batch` and the audit entry keeps only the import's record; the records are in the file.

const MAX_RECORDS = 50_000;
const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

/** Each record names the rows of the file it came from, so a refusal can point at them. */
const withRows = <S extends z.ZodObject>(schema: S) =>
  z.strictObject({ rows: z.array(z.number().int().min(1)).min(1).max(10_000), record: schema });

const common = {
  id: entityId.max(40, 'An import id is at most 40 characters'),
  fileName: optionalText('File name', 260),
  source: optionalText('Source', 200),
};

const DeploymentsImportSchema = z.strictObject({
  type: z.literal('wave.deployments-import'),
  ...common,
  deployments: z
    .array(withRows(DeploymentSchema.omit({ id: true, batch: true })))
    .min(1, 'An import needs at least one deployment')
    .max(MAX_RECORDS, `One import takes at most ${MAX_RECORDS.toLocaleString('en-US')} deployments`),
});

const IncidentsImportSchema = z.strictObject({
  type: z.literal('wave.incidents-import'),
  ...common,
  incidents: z
    .array(withRows(IncidentSchema.omit({ id: true, batch: true, roles: true, timeline: true })))
    .min(1, 'An import needs at least one incident')
    .max(MAX_RECORDS, `One import takes at most ${MAX_RECORDS.toLocaleString('en-US')} incidents`),
});

export type DeploymentsImportCommand = z.input<typeof DeploymentsImportSchema>;
export type IncidentsImportCommand = z.input<typeof IncidentsImportSchema>;

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
  const items = incoming.map(({ record }, k) => ({
    ...record,
    id: `${cmd.id}-${k.toString(36)}`,
    batch: cmd.id,
  }));
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
  const itemAt = (k: number) => [...spec.path, list.length + k];
  const importAt = ['waves', 'imports', wb.waves.imports.length];
  const add: Patch = { op: 'add', path: importAt, value: record };
  const drop: Patch = { op: 'remove', path: importAt };
  const inverse: Patch[] = [drop];
  for (let k = items.length - 1; k >= 0; k--) inverse.push({ op: 'remove', path: itemAt(k) });
  return {
    patches: [...items.map((value, k): Patch => ({ op: 'add', path: itemAt(k), value })), add],
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

// Typed explicitly: inferring them would need the workbook type, which the registry derives.
export const importDeployments: AreaCommand<typeof DeploymentsImportSchema> = areaCommand(
  DeploymentsImportSchema,
  (wb: Workbook, cmd, ctx) =>
    appendRecords<Omit<Deployment, 'id' | 'batch'>>(
      wb,
      cmd,
      cmd.deployments,
      {
        kind: 'deployments',
        noun: 'deployment',
        path: ['waves', 'deployments'],
        existing: wb.waves.deployments,
        label: (d) => [d.service, d.version || d.ref].filter(Boolean).join(' '),
      },
      ctx.at,
      ctx.who,
    ),
);

export const importIncidents: AreaCommand<typeof IncidentsImportSchema> = areaCommand(
  IncidentsImportSchema,
  (wb: Workbook, cmd, ctx) => {
    const ids = new Set(wb.waves.deployments.map((d) => d.id));
    cmd.incidents.forEach(({ rows, record }) => {
      const unknown = record.deploymentIds.find((id) => !ids.has(id));
      if (unknown) {
        throw new DomainError(
          'not-found',
          `Row ${rows[0]}: no deployment with id "${unknown}" in this workbook`,
          'incidents',
        );
      }
    });
    // An imported incident starts with no roles and an empty timeline (runbooks area, migration 007).
    const incidents = cmd.incidents.map(({ rows, record }) => ({
      rows,
      record: { ...record, roles: [], timeline: [] },
    }));
    return appendRecords<Omit<Incident, 'id' | 'batch'>>(
      wb,
      cmd,
      incidents,
      {
        kind: 'incidents',
        noun: 'incident',
        path: ['runbooks', 'incidents'],
        existing: wb.runbooks.incidents,
        label: (i) => i.title,
      },
      ctx.at,
      ctx.who,
    );
  },
);
