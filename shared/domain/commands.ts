import { z } from 'zod';
import { AREAS, type Area } from '../areas';
import type { AreaCommand } from '../areas/types';
import { entityId, requiredText } from '../schema/fields';
import { COLLECTION_KEYS } from './collections';

// Commands are what the renderer asks for; the host parses them from `unknown` with this schema
// before the reducer sees them. The generic item.* family edits any registered list; each area
// adds commands of its own (moves with rules, not plain edits), collected from the registry.
// Item bodies are validated per collection by the reducer, so the error can name the
// collection's own field ("stop condition threshold must be a number").

const collection = z.enum(COLLECTION_KEYS, {
  error: `collection must be one of: ${COLLECTION_KEYS.join(', ')}`,
});

/** The revision the window held when the user started the edit: later changes to the item win. */
const baseRevision = z
  .number({ error: 'baseRevision must be the revision the edit was made against' })
  .int('baseRevision must be a whole number')
  .min(0, 'baseRevision cannot be negative');

const GENERIC = [
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
] as const;

export type GenericCommand = z.infer<(typeof GENERIC)[number]>;
type AreaCommandOf<A> = A extends { commands?: readonly (infer C)[] }
  ? C extends { schema: infer S extends z.ZodType }
    ? z.output<S>
    : never
  : never;
export type AreaCommandInput = AreaCommandOf<Area>;
export type Command = GenericCommand | AreaCommandInput;

export const AREA_COMMANDS: readonly AreaCommand[] = AREAS.flatMap(
  (a): readonly AreaCommand[] => a.commands ?? [],
);

// The union's members come from a runtime list, so zod cannot infer it: the type above says it.
export const CommandSchema = z.discriminatedUnion(
  'type',
  [...GENERIC, ...AREA_COMMANDS.map((c) => c.schema)],
  {
    error: 'Unknown command type',
  },
) as unknown as z.ZodType<Command>;

export type CommandType = Command['type'];
