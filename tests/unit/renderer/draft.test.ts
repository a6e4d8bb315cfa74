import { describe, expect, it } from 'vitest';
import { fromDraft, issuesToErrors, toDraft } from '../../../renderer/components/collection/draft';
import type { FieldDescriptor } from '../../../renderer/components/collection/field-types';
import { changesCodec } from '../../../renderer/features/waves/dora/deployment-collection';

// Form text ↔ stored items for the field kinds that are not plain text: instants, yes/no,
// "not yet" (null) and records written one a line, with errors pointing at the line.

const fields: FieldDescriptor[] = [
  { key: 'openedAt', label: 'Opened', kind: 'datetime' },
  { key: 'resolvedAt', label: 'Restored', kind: 'datetime', nullable: true },
  { key: 'drill', label: 'Drill', kind: 'boolean' },
  { key: 'changes', label: 'Changes', kind: 'longtext', codec: changesCodec },
];

describe('form drafts', () => {
  it('round-trips an instant through local time, a flag, an empty "not yet" and records a line', () => {
    const item = {
      id: 'x',
      openedAt: '2026-11-28T23:20:00.000Z',
      resolvedAt: null,
      drill: true,
      changes: [
        { ref: 'a1b2c3d', committedAt: '2026-11-28T10:00:00.000Z' },
        { ref: 'f00d', committedAt: '2026-11-28T11:30:00.000Z' },
      ],
    };
    const draft = toDraft(item, fields);
    expect(draft.resolvedAt).toBe('');
    expect(draft.drill).toBe('true');
    expect(draft.changes).toBe('a1b2c3d 2026-11-28T10:00:00.000Z\nf00d 2026-11-28T11:30:00.000Z');
    expect(fromDraft(draft, fields, 'x')).toEqual(item);
  });

  it('keeps text that names no time, so the schema can say what is wrong, on the right line', () => {
    const back = fromDraft(
      { openedAt: 'soon', resolvedAt: '', drill: 'false', changes: 'a 2026-11-28T10:00Z\nb whenever' },
      fields,
      'x',
    );
    expect(back).toMatchObject({ openedAt: 'soon', resolvedAt: null, drill: false });
    expect((back.changes as { committedAt: string }[])[1]!.committedAt).toBe('whenever');
    const errors = issuesToErrors(
      [
        { path: ['changes', 1, 'committedAt'], message: 'Expected an ISO 8601 date-time' },
        { path: ['openedAt'], message: 'Expected an ISO 8601 date-time' },
      ],
      fields,
    );
    expect(errors).toEqual({
      changes: 'Line 2: Expected an ISO 8601 date-time',
      openedAt: 'Expected an ISO 8601 date-time',
    });
  });
});
