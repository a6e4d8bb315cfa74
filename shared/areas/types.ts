import type { z } from 'zod';
import type { Identity } from '../domain/identity';
import type { Patch } from '../domain/patches';

// What an area of the workbook is, as the registry (areas/index.ts) sees it. An area owns one
// section of the file: its schema, the editable lists in it, the commands of its own (moves with
// rules, not plain edits), what it reports to the scorecard, and where it sits in the app.

/** Fields of an item only the area's own commands may change (a wave's state, its moves). */
export interface ManagedFields {
  fields: readonly string[];
  /** Their values on a new item. */
  initial: Record<string, unknown>;
}

/** One editable list inside an area's section, served by the generic item.* commands. */
export interface CollectionDef<T extends { id: string } = { id: string }> {
  /** What one item is called in messages ("stop condition"). */
  noun: string;
  schema: z.ZodType<T>;
  /** How an item is named in messages and the History view ("Sales API 5xx rate"). */
  label(item: T): string;
  managed?: ManagedFields;
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

/** What a change does: the patches that carry it, their inverse, what it touched, one sentence. */
export interface Plan {
  patches: Patch[];
  inverse: Patch[];
  /** Items it touched ("waves.waves/wave-1"), for edit conflicts. */
  touched: string[];
  /** The area it changed, or "workbook". */
  area: string;
  summary: string;
  /**
   * What the audit log records instead of `patches` / `inverse`, for a bulk change whose items
   * carry their own provenance (an import's readings carry its id): a patch per item would copy
   * every item into the log and double the file. Windows, undo and redo still get every patch.
   */
  logged?: { patches: Patch[]; inverse: Patch[] };
}

export interface CommandContext {
  who: Identity;
  /** ISO time of the change (the reducer's "now"). */
  at: string;
}

/**
 * A command of an area's own. Stored with its workbook argument erased so the registry's types
 * never depend on the workbook type they define; `areaCommand()` gives each plan its real types.
 */
export interface AreaCommand<S extends z.ZodObject = z.ZodObject> {
  schema: S;
  plan(wb: unknown, cmd: unknown, ctx: CommandContext): Plan;
}

export const GO_NO_GO_CHECKS = [
  'success',
  'baseline',
  'pilot',
  'champions',
  'dashboards',
  'runbooks',
  'comms',
] as const;
/** The seven go/no-go checks of the checklist, by the key areas report evidence under. */
export type CheckKey = (typeof GO_NO_GO_CHECKS)[number];

export const STATUSES = ['green', 'amber', 'red'] as const;
export type Status = (typeof STATUSES)[number];

/** What an area knows about one go/no-go check, for one wave, right now. */
export interface Evidence {
  check: CheckKey;
  status: Status;
  /** One sentence: why this status ("2 of 3 gated metrics have fresh readings"). */
  summary: string;
  /** The facts behind it, one a line. */
  details: string[];
  /** The area that reported it. */
  from: string;
}

export interface EvidenceContext {
  waveId: string;
  /** Epoch ms: evidence can go stale. */
  now: number;
}

/** The one scorecard-evidence interface: an area reports on the checks it knows about. */
export type EvidenceProvider = (wb: unknown, ctx: EvidenceContext) => Evidence[];

export interface AreaDef<
  Id extends string = string,
  S extends z.ZodObject = z.ZodObject,
  C extends CollectionsOf<z.output<S>> = CollectionsOf<z.output<S>>,
  K extends readonly AreaCommand[] = readonly AreaCommand[],
> {
  /** The section's key in the file and the area's route (`#/success`). */
  id: Id;
  nav: AreaNav;
  schema: S;
  /** The section of a new workbook. */
  empty(): z.output<S>;
  collections: C;
  commands?: K;
  evidence?: EvidenceProvider;
}

/** Keeps each area's literal id, collection keys and command shapes for the registry's types. */
export function defineArea<
  const Id extends string,
  S extends z.ZodObject,
  const C extends CollectionsOf<z.output<S>>,
  const K extends readonly AreaCommand[] = readonly [],
>(def: AreaDef<Id, S, C, K>): AreaDef<Id, S, C, K> {
  return def;
}
