import { z } from 'zod';
import { areaCommand } from '../../domain/area-command';
import { DomainError } from '../../domain/errors';
import { entityId, optionalText } from '../../schema/fields';
import type { Workbook } from '../../schema/workbook';
import { type Incident, IncidentSchema } from '../runbooks/schema';
import type { AreaCommand } from '../types';
import { appendRecords } from './import-records';
import { type Deployment, DeploymentSchema } from './schema';

// Deployments and incidents exported by delivery and incident tools, confirmed in the one CSV
// import flow (shared/import/kinds/deployments.ts, incidents.ts), arrive as one command each and
// are checked again here: every record valid, none already in the workbook (by the source's
// reference), applied whole or not at all. Like readings, each carries the import's id in
// `batch` and the audit entry keeps only the import's record; the records are in the file.

const MAX_RECORDS = 50_000;

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
