import type { Migration } from './types';

// Version 2 logged every change as the whole command it ran, so an edited item was copied into
// the log in full each time and the log never shrank. Version 3 logs what changed (patches),
// who (name and role) and one readable sentence. Old entries keep their command under
// `legacy`, nothing dropped; the host then moves older entries to the archive beside the file.
// Self-contained on purpose: a migration must not change when current code does.

const VERBS: Record<string, string> = {
  'item.add': 'Added',
  'item.update': 'Edited',
  'item.remove': 'Deleted',
  'item.move': 'Moved',
  'workbook.rename': 'Renamed the workbook',
  'history.undo': 'Undid a change',
  'history.redo': 'Redid a change',
};

type Legacy = { type: string } & Record<string, unknown>;

function convert(entry: Record<string, unknown>, index: number, fail: (w: string, m: string) => never) {
  const command = entry.command as Legacy | undefined;
  if (typeof command !== 'object' || command === null || typeof command.type !== 'string') {
    fail(`audit[${index}].command`, 'an audit entry must record the command it ran');
  }
  const collection = typeof command.collection === 'string' ? command.collection : null;
  const item = command.item as { id?: unknown } | undefined;
  const id = typeof command.id === 'string' ? command.id : typeof item?.id === 'string' ? item.id : null;
  const what = collection ? ` ${collection.split('.').at(-1)} item${id ? ` "${id}"` : ''}` : '';
  return {
    rev: entry.revision,
    at: entry.at,
    by: typeof entry.actor === 'string' ? entry.actor : '',
    role: '',
    type: command.type.slice(0, 60),
    area: collection ? collection.split('.')[0] : 'workbook',
    summary: `${VERBS[command.type] ?? command.type}${collection && VERBS[command.type] ? what : ''} (logged by an earlier version)`,
    items: collection && id ? [`${collection}/${id}`] : [],
    changes: [],
    legacy: command,
  };
}

export const migration002: Migration = {
  from: 2,
  name: '002-compact-audit',
  up(doc, fail) {
    const audit = doc.audit;
    if (!Array.isArray(audit)) return doc;
    return {
      ...doc,
      audit: audit.map((entry: unknown, index) =>
        typeof entry === 'object' && entry !== null && 'command' in entry
          ? convert(entry as Record<string, unknown>, index, fail)
          : entry,
      ),
    };
  },
};
