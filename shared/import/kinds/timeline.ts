import {
  ENTRY_KINDS,
  type Incident,
  MILESTONES,
  type Milestone,
  type TimelineEntry,
} from '../../areas/runbooks/schema';
import type { TimelineImportCommand } from '../../areas/runbooks/timeline-import';
import type { Workbook } from '../../schema/workbook';
import type { ImportKind } from '../types';
import { utcText } from './readings-rules';

// An incident timeline as a CSV: time (with its zone, or the zone chosen for the file), kind,
// text, author, and optionally whether the time is approximate. Which incident it belongs to is
// the user's choice for the whole file. A row earlier than the row before it is flagged with
// both row numbers and imported where it stands (the timeline shows time order; the file is never
// re-sorted); a milestone out of order, with the ones in the file or already logged, is refused.

export interface TimelineSlice {
  incidents: readonly Incident[];
}

export interface TimelineContext {
  incidents: readonly Incident[];
}

export interface TimelineRow {
  row: number;
  /** The incident the whole file goes into, as resolved when the file was checked. */
  incidentId: string;
  record: Omit<TimelineEntry, 'id' | 'originalAt' | 'batch'>;
}

const YES = /^(yes|y|true|1|approx|approximate|~|≈)$/i;
/** Other words tools use for the kinds (an incident bot's "update" is an observation). */
const KIND_WORDS: Record<string, (typeof ENTRY_KINDS)[number]> = {
  update: 'observation',
  note: 'observation',
  status: 'observation',
  comms: 'comms',
  communication: 'comms',
  message: 'comms',
  task: 'action',
  alert: 'alert',
  page: 'alert',
};

/** The incident a file goes into: the one chosen, or else the newest still open. */
export function targetIncident(
  incidents: readonly Incident[],
  chosen: string | undefined,
): Incident | undefined {
  return (
    incidents.find((i) => i.id === chosen) ??
    [...incidents].reverse().find((i) => i.resolvedAt === null) ??
    incidents.at(-1)
  );
}

const hhmm = (ms: number) => utcText(ms).slice(11, 16);

export const timelineKind: ImportKind<TimelineSlice, TimelineContext, TimelineRow, TimelineImportCommand> = {
  id: 'timeline',
  noun: 'timeline entry',
  nouns: 'timeline entries',
  fields: [
    {
      key: 'at',
      label: 'Time',
      type: 'time',
      required: true,
      hints: ['time', 'timestamp', 'at', 'when', 'date'],
    },
    { key: 'kind', label: 'Kind', type: 'text', required: true, hints: ['kind', 'type', 'category'] },
    {
      key: 'text',
      label: 'Text',
      type: 'text',
      required: false,
      hints: ['text', 'message', 'description', 'note', 'what'],
    },
    { key: 'author', label: 'Author', type: 'text', required: true, hints: ['author', 'who', 'by', 'user'] },
    {
      key: 'approximate',
      label: 'Approximate time',
      type: 'text',
      required: false,
      hints: ['approx', 'estimated'],
    },
  ],
  layouts: ['table'],
  options: (ctx) => [
    {
      key: 'incident',
      label: 'Incident',
      values: [
        { value: '', label: 'The newest open incident' },
        ...ctx.incidents.map((i) => ({ value: i.id, label: `${i.drill ? 'Drill: ' : ''}${i.title}` })),
      ],
    },
  ],
  slice: (wb) => ({ incidents: (wb as Workbook).runbooks.incidents }),
  context: (slice) => ({ incidents: slice.incidents }),
  checker(ctx, mapping) {
    const target = targetIncident(ctx.incidents, mapping.options.incident);
    const milestones = new Map<Milestone, { at: number; row: number | null }>();
    for (const e of target?.timeline ?? []) {
      if (e.kind === 'milestone' && e.milestone)
        milestones.set(e.milestone, { at: Date.parse(e.at), row: null });
    }
    let previous: { at: number; row: number } | null = null;
    return {
      check(record) {
        if (!target) return { ok: false, reason: 'this workbook has no incident to add a timeline to' };
        const v = record.values;
        const at = v.at as number;
        const raw = String(v.kind ?? '').trim();
        const word = raw.toLowerCase();
        const isMilestone = (MILESTONES as readonly string[]).includes(word);
        const kind = isMilestone
          ? 'milestone'
          : (ENTRY_KINDS as readonly string[]).includes(word)
            ? word
            : KIND_WORDS[word];
        if (!kind) {
          return {
            ok: false,
            reason: `kind '${raw}' is not one of: ${[...ENTRY_KINDS.filter((k) => k !== 'milestone'), ...MILESTONES].join(', ')}`,
          };
        }
        const milestone = isMilestone ? (word as Milestone) : '';
        if (milestone) {
          const rank = MILESTONES.indexOf(milestone);
          if (milestones.has(milestone)) {
            const first = milestones.get(milestone)!;
            return {
              ok: false,
              reason: `'${milestone}' is already ${first.row ? `given by row ${first.row}` : 'in the timeline'}`,
            };
          }
          for (const [other, seen] of milestones) {
            const r = MILESTONES.indexOf(other);
            const where = seen.row ? `row ${seen.row}` : 'the timeline';
            if ((r < rank && seen.at > at) || (r > rank && seen.at < at)) {
              return {
                ok: false,
                reason: `milestone out of order: '${milestone}' at ${hhmm(at)} UTC comes ${r < rank ? 'before' : 'after'} '${other}' at ${hhmm(seen.at)} UTC (${where})`,
              };
            }
          }
          milestones.set(milestone, { at, row: record.row });
        }
        const order =
          previous && at < previous.at ? `earlier than row ${previous.row}: kept where it is` : '';
        previous = { at, row: record.row };
        const text = v.text === null ? '' : String(v.text);
        const author = String(v.author ?? '').trim();
        const approximate = v.approximate !== null && YES.test(String(v.approximate).trim());
        return {
          ok: true,
          item: {
            row: record.row,
            incidentId: target.id,
            record: {
              at: new Date(at).toISOString(),
              kind: kind as TimelineEntry['kind'],
              milestone,
              text,
              author,
              approximate,
            },
          },
          shown: {
            at: `${approximate ? '≈ ' : ''}${utcText(at)}`,
            kind: milestone || kind,
            text,
            author,
            order,
          },
        };
      },
    };
  },
  preview: [
    { key: 'at', label: 'Time (UTC)' },
    { key: 'kind', label: 'Kind' },
    { key: 'text', label: 'Text' },
    { key: 'author', label: 'Author' },
    { key: 'order', label: 'Order' },
  ],
  command(items, mapping, meta) {
    return {
      type: 'incident.timeline-import',
      id: meta.id,
      fileName: meta.fileName,
      incidentId: items[0]?.incidentId ?? mapping.options.incident ?? '',
      entries: items.map((i) => ({ rows: [i.row], record: i.record })),
    };
  },
  maxItems: 20_000,
};
