import { z } from 'zod';
import { areaCommand } from '../../domain/area-command';
import { DomainError } from '../../domain/errors';
import { entityId, optionalText } from '../../schema/fields';
import type { AreaCommand } from '../types';
import { appendRecords } from '../waves/import-records';
import { type Usage, UsageSchema } from './schema';

// A usage export confirmed in the CSV import flow (shared/import/kinds/usage.ts) arrives as one
// command, checked again here as anything from a window is: every cohort known, no day of a
// cohort given twice or already in the workbook, no more active people than the cohort holds.
// Applied whole or not at all; each row carries the import's id, so it can be taken back.

const MAX_ROWS = 200_000;

const UsageImportSchema = z.strictObject({
  type: z.literal('adoption.usage-import'),
  id: entityId.max(40, 'An import id is at most 40 characters'),
  fileName: optionalText('File name', 260),
  source: optionalText('Source', 200),
  usage: z
    .array(
      z.strictObject({
        rows: z.array(z.number().int().min(1)).min(1).max(10),
        record: UsageSchema.omit({ id: true, batch: true }),
      }),
    )
    .min(1, 'An import needs at least one day of usage')
    .max(MAX_ROWS, `One import takes at most ${MAX_ROWS.toLocaleString('en-US')} rows of usage`),
});

export type UsageImportCommand = z.input<typeof UsageImportSchema>;
type UsageRecord = Omit<Usage, 'id' | 'batch'>;

// Typed explicitly: inferring it would need the workbook type, which the registry derives.
export const importUsage: AreaCommand<typeof UsageImportSchema> = areaCommand(
  UsageImportSchema,
  (wb, cmd, ctx) => {
    const cohorts = new Map(wb.adoption.cohorts.map((c) => [c.id, c]));
    const issues: { path: string; message: string }[] = [];
    for (const { rows, record } of cmd.usage) {
      const cohort = cohorts.get(record.cohortId);
      const where = `Row ${rows[0]}`;
      if (!cohort)
        issues.push({ path: where, message: `no cohort with id "${record.cohortId}" in this workbook` });
      else if (record.active > cohort.size) {
        issues.push({
          path: where,
          message: `${record.active} active is more than the ${cohort.size} people in ${cohort.name}`,
        });
      } else if (record.firstTask !== null && record.firstTask > cohort.size) {
        issues.push({
          path: where,
          message: `${record.firstTask} first tasks is more than the ${cohort.size} people in ${cohort.name}`,
        });
      }
      if (issues.length >= 100) break;
    }
    if (issues.length > 0) {
      throw new DomainError(
        'invalid-item',
        `Nothing was imported: ${issues[0]!.path}: ${issues[0]!.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}.`,
        'usage',
        issues,
      );
    }
    const name = (r: UsageRecord) => cohorts.get(r.cohortId)?.name ?? r.cohortId;
    return appendRecords<UsageRecord>(
      wb,
      cmd,
      cmd.usage,
      {
        kind: 'usage',
        noun: 'day of usage',
        path: ['adoption', 'usage'],
        existing: wb.adoption.usage,
        key: (r) => `${r.cohortId}\u0000${r.day}`,
        named: (r) => `${name(r)} on ${r.day}`,
        label: (r) => `${name(r)} ${r.day}: ${r.active} active`,
      },
      ctx.at,
      ctx.who,
    );
  },
);
