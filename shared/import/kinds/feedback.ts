import type { FeedbackImportCommand } from '../../areas/pilot/commands';
import {
  FEEDBACK_CHANGES,
  FEEDBACK_SEVERITIES,
  type FEEDBACK_STATUSES,
  type FEEDBACK_TYPES,
  type Feedback,
} from '../../areas/pilot/schema';
import type { Workbook } from '../../schema/workbook';
import { quote } from '../cells';
import type { ImportKind } from '../types';

// Pilot feedback as a survey tool or a tracker exports it. Every item needs a type (a row
// without one is bad: untyped feedback cannot be routed to product, process, training or
// support); severity and status default to medium and open. A reference already in the
// workbook, or given twice in the file, is a bad row.

export interface FeedbackSlice {
  feedback: readonly Feedback[];
}

export interface FeedbackRow {
  row: number;
  record: Omit<Feedback, 'id' | 'batch'>;
}

type Words<T extends string> = Record<string, T>;

const TYPE: Words<(typeof FEEDBACK_TYPES)[number]> = {
  usability: 'usability',
  'usability friction': 'usability',
  ux: 'usability',
  friction: 'usability',
  training: 'training',
  'training gap': 'training',
  integration: 'integration',
  'integration issue': 'integration',
  policy: 'policy',
  'policy conflict': 'policy',
};

const STATUS: Words<(typeof FEEDBACK_STATUSES)[number]> = {
  open: 'open',
  new: 'open',
  'in progress': 'open',
  fixed: 'fixed',
  done: 'fixed',
  resolved: 'fixed',
  retested: 'retested',
  verified: 'retested',
  closed: 'retested',
};

const words = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

function pick<T extends string>(
  text: string | number | null | undefined,
  table: Words<T>,
  fallback: T,
  label: string,
  allowed: string,
): { ok: true; value: T } | { ok: false; reason: string } {
  if (text == null || String(text).trim() === '') return { ok: true, value: fallback };
  const value = table[words(String(text))];
  return value
    ? { ok: true, value }
    : { ok: false, reason: `${label} ${quote(String(text))} is not one this app knows (${allowed})` };
}

const same = <T extends string>(list: readonly T[]) =>
  Object.fromEntries(list.filter(Boolean).map((v) => [v, v])) as Words<T>;

export const feedbackKind: ImportKind<FeedbackSlice, Set<string>, FeedbackRow, FeedbackImportCommand> = {
  id: 'feedback',
  noun: 'feedback item',
  nouns: 'feedback items',
  fields: [
    { key: 'ref', label: 'Reference', type: 'text', required: false, hints: ['id', 'key', 'ref', 'ticket'] },
    {
      key: 'title',
      label: 'Feedback',
      type: 'text',
      required: true,
      hints: ['feedback', 'title', 'summary', 'comment', 'text'],
    },
    { key: 'type', label: 'Type', type: 'text', required: true, hints: ['type', 'category', 'kind'] },
    {
      key: 'severity',
      label: 'Severity',
      type: 'text',
      required: false,
      hints: ['severity', 'priority', 'impact'],
    },
    {
      key: 'sourceGroup',
      label: 'Source group',
      type: 'text',
      required: false,
      hints: ['group', 'team', 'source', 'cohort'],
    },
    { key: 'status', label: 'Status', type: 'text', required: false, hints: ['status', 'state'] },
    {
      key: 'change',
      label: 'Change made',
      type: 'text',
      required: false,
      hints: ['change', 'fix_type', 'led_to'],
    },
    {
      key: 'response',
      label: 'What we did',
      type: 'text',
      required: false,
      hints: ['response', 'resolution', 'action', 'we_did'],
    },
  ],
  layouts: ['table'],
  slice: (wb) => ({ feedback: (wb as Workbook).pilot.feedback }),
  context: (slice) => new Set(slice.feedback.map((f) => f.ref).filter(Boolean)),
  checker(known) {
    const seen = new Map<string, number>();
    return {
      check(r) {
        const v = r.values;
        const ref = v.ref === null ? '' : String(v.ref).trim();
        if (ref && known.has(ref))
          return { ok: false, reason: `feedback ${quote(ref)} is already in this workbook` };
        if (ref && seen.has(ref))
          return { ok: false, reason: `row ${seen.get(ref)} already gives feedback ${quote(ref)}` };
        const type = pick(
          v.type,
          TYPE,
          'usability',
          'type',
          'usability friction, training gap, integration issue, policy conflict',
        );
        if (!type.ok) return type;
        const severity = pick(
          v.severity,
          same(FEEDBACK_SEVERITIES),
          'medium',
          'severity',
          FEEDBACK_SEVERITIES.join(', '),
        );
        if (!severity.ok) return severity;
        const status = pick(v.status, STATUS, 'open', 'status', 'open, fixed, retested');
        if (!status.ok) return status;
        const change = pick(
          v.change,
          same(FEEDBACK_CHANGES),
          '',
          'change',
          FEEDBACK_CHANGES.filter(Boolean).join(', '),
        );
        if (!change.ok) return change;
        const title = String(v.title).trim();
        if (title.length > 300)
          return { ok: false, reason: `the feedback is ${title.length} characters; at most 300` };
        const response = v.response === null ? '' : String(v.response).trim();
        if (response.length > 1000)
          return { ok: false, reason: `what we did is ${response.length} characters; at most 1,000` };
        const sourceGroup = v.sourceGroup === null ? '' : String(v.sourceGroup).trim().slice(0, 120);
        if (ref) seen.set(ref, r.row);
        return {
          ok: true,
          item: {
            row: r.row,
            record: {
              ref: ref.slice(0, 200),
              title,
              type: type.value,
              severity: severity.value,
              sourceGroup,
              status: status.value,
              change: change.value,
              response,
            },
          },
          shown: {
            title,
            type: type.value,
            severity: severity.value,
            status: status.value,
            group: sourceGroup,
          },
        };
      },
    };
  },
  preview: [
    { key: 'title', label: 'Feedback' },
    { key: 'type', label: 'Type' },
    { key: 'severity', label: 'Severity' },
    { key: 'status', label: 'Status' },
    { key: 'group', label: 'Source group' },
  ],
  command(items, mapping, meta) {
    return {
      type: 'pilot.feedback-import',
      id: meta.id,
      fileName: meta.fileName,
      source: mapping.source.trim(),
      feedback: items.map((i) => ({ rows: [i.row], record: i.record })),
    };
  },
  maxItems: 20_000,
};
