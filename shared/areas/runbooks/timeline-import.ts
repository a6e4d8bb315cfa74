import { z } from 'zod';
import { areaCommand } from '../../domain/area-command';
import { DomainError } from '../../domain/errors';
import { entityId, optionalText } from '../../schema/fields';
import type { AreaCommand } from '../types';
import { incidentIndex, plan } from './helpers';
import { milestoneProblem } from './milestones';
import { TimelineEntrySchema } from './schema';

// A timeline reconstructed elsewhere (a chat export, a spreadsheet kept during the incident),
// confirmed in the one CSV import flow (shared/import/kinds/timeline.ts) and checked again here:
// every entry valid, every milestone in order with the ones already logged, all or nothing.
// Entries keep the order of the file; the timeline is shown in time order, never re-sorted.

const ImportSchema = z.strictObject({
  type: z.literal('incident.timeline-import'),
  id: entityId.max(40, 'An import id is at most 40 characters'),
  fileName: optionalText('File name', 260),
  incidentId: entityId,
  entries: z
    .array(
      z.strictObject({
        rows: z.array(z.number().int().min(1)).min(1).max(1),
        record: TimelineEntrySchema.omit({ id: true, originalAt: true, batch: true }),
      }),
    )
    .min(1, 'An import needs at least one timeline entry')
    .max(20_000, 'One import takes at most 20,000 timeline entries'),
});

export type TimelineImportCommand = z.input<typeof ImportSchema>;

export const importTimeline: AreaCommand<typeof ImportSchema> = areaCommand(ImportSchema, (wb, cmd) => {
  const ii = incidentIndex(wb, cmd.incidentId);
  const inc = wb.runbooks.incidents[ii]!;
  if (inc.timeline.some((e) => e.batch === cmd.id)) {
    throw new DomainError('duplicate-id', `An import with id "${cmd.id}" is already in this timeline`, 'id');
  }
  const timeline = [...inc.timeline];
  const issues: { path: string; message: string }[] = [];
  cmd.entries.forEach(({ rows, record }, k) => {
    const e = {
      ...record,
      at: new Date(Date.parse(record.at)).toISOString(),
      id: `${cmd.id}-${k.toString(36)}`,
      originalAt: null,
      batch: cmd.id,
    };
    const problem = milestoneProblem(timeline, e);
    if (problem) issues.push({ path: `Row ${rows[0]}`, message: problem });
    else timeline.push(e);
  });
  if (issues.length > 0) {
    throw new DomainError(
      'invalid-item',
      `Nothing was imported: ${issues
        .slice(0, 3)
        .map((i) => `${i.path}: ${i.message}`)
        .join('; ')}${issues.length > 3 ? ' …' : ''}.`,
      'entries',
      issues.slice(0, 100),
    );
  }
  const added = timeline.slice(inc.timeline.length);
  return plan(
    wb,
    [`runbooks.incidents/${inc.id}`],
    `Imported ${added.length} timeline ${added.length === 1 ? 'entry' : 'entries'} into ${inc.title} from ${cmd.fileName || 'a file'}`,
    (d) => {
      const target = d.runbooks.incidents[ii]!;
      target.timeline.push(...added);
      const resolved = added.find((e) => e.milestone === 'resolved');
      if (resolved && target.resolvedAt === null) target.resolvedAt = resolved.at;
    },
  );
});
