import type { z } from 'zod';

// What an area of the workbook is, as the registry (areas/index.ts) sees it. An area owns one
// section of the file: its schema, the editable lists in it, and where it sits in the app.

/** One editable list inside an area's section, served by the generic item.* commands. */
export interface CollectionDef<T extends { id: string } = { id: string }> {
  /** What one item is called in messages ("stop condition"). */
  noun: string;
  schema: z.ZodType<T>;
  /** How an item is named in messages and the History view ("Sales API 5xx rate"). */
  label(item: T): string;
}

export interface AreaNav {
  /** Sidebar label. */
  label: string;
  /** Page heading. */
  title: string;
  /** The checklist step this area covers; areas without one are review artefacts. */
  step?: number;
}

type ItemOf<V> = V extends readonly (infer T extends { id: string })[] ? T : never;

/** The lists of a section that are collections: only array-of-item fields qualify. */
export type CollectionsOf<Section> = {
  [K in keyof Section]?: CollectionDef<ItemOf<Section[K]>>;
};

export interface AreaDef<
  Id extends string = string,
  S extends z.ZodObject = z.ZodObject,
  C extends CollectionsOf<z.output<S>> = CollectionsOf<z.output<S>>,
> {
  /** The section's key in the file and the area's route (`#/success`). */
  id: Id;
  nav: AreaNav;
  schema: S;
  /** The section of a new workbook. */
  empty(): z.output<S>;
  collections: C;
}

/** Keeps each area's literal id and collection keys for the registry's derived types. */
export function defineArea<
  const Id extends string,
  S extends z.ZodObject,
  const C extends CollectionsOf<z.output<S>>,
>(def: AreaDef<Id, S, C>): AreaDef<Id, S, C> {
  return def;
}
