import type { z } from 'zod';
import { AREAS, type Area, type AreaId } from '../areas';
import type { CollectionDef } from '../areas/types';
import type { Workbook } from '../schema/workbook';

// Every editable list in the workbook is a "collection": one generic add/update/remove/move
// command family serves them all. The keys ("success.stopConditions") are derived from the
// areas registry, so a new list in an area is editable without a new command.

type KeysOf<A> = A extends { id: infer Id extends string; collections: infer C }
  ? `${Id}.${Extract<keyof C, string>}`
  : never;

export type CollectionKey = KeysOf<Area>;

type ItemFor<K> = K extends `${infer A extends AreaId}.${infer L}`
  ? L extends keyof Workbook[A]
    ? Workbook[A][L] extends readonly (infer T)[]
      ? T
      : never
    : never
  : never;

/** One item of a collection. The `id` part lets generic code (the editor) read ids. */
export type CollectionItem<K extends CollectionKey> = ItemFor<K> & { id: string };

export interface CollectionInfo extends CollectionDef {
  key: CollectionKey;
  area: AreaId;
  /** The field of the area's section that holds the list. */
  list: string;
}

export const COLLECTIONS = Object.fromEntries(
  AREAS.flatMap((area) =>
    Object.entries(area.collections as Record<string, CollectionDef>).map(([list, def]) => {
      const key = `${area.id}.${list}` as CollectionKey;
      return [key, { ...def, key, area: area.id, list }];
    }),
  ),
) as Record<CollectionKey, CollectionInfo>;

export const COLLECTION_KEYS = Object.keys(COLLECTIONS) as [CollectionKey, ...CollectionKey[]];

/** The items of one collection in `wb`. */
export function listOf<K extends CollectionKey>(wb: Workbook, key: K): readonly CollectionItem<K>[] {
  const info = COLLECTIONS[key];
  return (wb[info.area] as Record<string, unknown>)[info.list] as CollectionItem<K>[];
}

/** The key conflicts and the audit log use for one item: "success.stopConditions/sc-errors". */
export const itemKey = (collection: CollectionKey, id: string) => `${collection}/${id}`;

export type CollectionSchema<K extends CollectionKey> = z.ZodType<CollectionItem<K>>;
