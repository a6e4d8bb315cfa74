import { z } from 'zod';
import { areaCommand, draftChange } from '../../domain/area-command';
import { requiredText } from '../../schema/fields';
import type { AreaCommand } from '../types';
import { type Scenario, ScenarioSchema } from './schema';

// Adding scenarios in one step: the built-in library's, or every scenario of an imported file
// (a Wheel of Misfortune file holds several). One command, so one undo takes the whole file back
// out. An id already in the workbook gets a suffix rather than a refusal: the same library
// scenario can be added twice, to be adapted two ways.

const AddSchema = z.strictObject({
  type: z.literal('drills.add-scenarios'),
  /** Where they came from, for the History view ("permissions-outage.scenario.json"). */
  from: requiredText('From', 260),
  scenarios: z
    .array(ScenarioSchema)
    .min(1, 'Add at least one scenario')
    .max(100, 'At most 100 scenarios at a time'),
});

export function uniqueId(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${wanted.slice(0, 64 - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export const addScenarios: AreaCommand<typeof AddSchema> = areaCommand(AddSchema, (wb, cmd) => {
  const taken = new Set(wb.drills.scenarios.map((s) => s.id));
  const added: Scenario[] = cmd.scenarios.map((s) => {
    const id = uniqueId(s.id, taken);
    taken.add(id);
    return { ...s, id };
  });
  const { patches, inverse } = draftChange(wb, (draft) => {
    draft.drills.scenarios.push(...added);
  });
  const names = added.map((s) => `'${s.name}'`);
  return {
    patches,
    inverse,
    touched: added.map((s) => `drills.scenarios/${s.id}`),
    area: 'drills',
    summary:
      added.length === 1
        ? `Added scenario ${names[0]} from ${cmd.from}`
        : `Added ${added.length} scenarios from ${cmd.from}: ${names.slice(0, 5).join(', ')}${added.length > 5 ? '…' : ''}`,
  };
});
