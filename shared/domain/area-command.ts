import { type Draft, produceWithPatches } from 'immer';
import type { z } from 'zod';
import type {
  AreaCommand,
  CommandContext,
  Evidence,
  EvidenceContext,
  EvidenceProvider,
  Plan,
} from '../areas/types';
import type { Workbook } from '../schema/workbook';
import type { Patch } from './patches';

// Helpers for an area's own commands. The registry stores commands with the workbook argument
// erased (so its types never depend on the workbook type derived from it); these give each
// command its real types where it is written.

export function areaCommand<S extends z.ZodObject>(
  schema: S,
  plan: (wb: Workbook, cmd: z.output<S>, ctx: CommandContext) => Plan,
): AreaCommand<S> {
  return { schema, plan: plan as AreaCommand['plan'] };
}

/** Runs `recipe` on a draft of `wb` and returns the patches that carry it, both ways. */
export function draftChange(
  wb: Workbook,
  recipe: (draft: Draft<Workbook>) => void,
): { patches: Patch[]; inverse: Patch[] } {
  const [, patches, inverse] = produceWithPatches(wb, recipe);
  return { patches: patches as Patch[], inverse: inverse as Patch[] };
}

/** An area's scorecard-evidence provider, typed where it is written (see areaCommand). */
export function areaEvidence(provide: (wb: Workbook, ctx: EvidenceContext) => Evidence[]): EvidenceProvider {
  return provide as EvidenceProvider;
}
