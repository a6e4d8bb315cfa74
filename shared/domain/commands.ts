import { z } from 'zod';
import { entityId, requiredText } from '../schema/fields';
import { COLLECTION_KEYS } from './collections';

// Commands are what the renderer asks for; the host parses them from `unknown` with this schema
// before the reducer sees them. Item bodies are validated per collection by the reducer, so the
// error can name the collection's own field ("stop condition threshold must be a number").

const collection = z.enum(COLLECTION_KEYS, {
  error: `collection must be one of: ${COLLECTION_KEYS.join(', ')}`,
});

/** The revision the window held when the user started the edit: later changes to the item win. */
const baseRevision = z
  .number({ error: 'baseRevision must be the revision the edit was made against' })
  .int('baseRevision must be a whole number')
  .min(0, 'baseRevision cannot be negative');

export const CommandSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('workbook.rename'), name: requiredText('Workbook name', 160) }),
    z.strictObject({
      type: z.literal('item.add'),
      collection,
      item: z.unknown(),
      index: z.number().int().min(0).optional(),
    }),
    z.strictObject({
      type: z.literal('item.update'),
      collection,
      id: entityId,
      item: z.unknown(),
      baseRevision,
    }),
    z.strictObject({ type: z.literal('item.remove'), collection, id: entityId, baseRevision }),
    z.strictObject({
      type: z.literal('item.move'),
      collection,
      id: entityId,
      toIndex: z.number().int().min(0),
    }),
  ],
  { error: 'Unknown command type' },
);

export type Command = z.infer<typeof CommandSchema>;
export type CommandType = Command['type'];
