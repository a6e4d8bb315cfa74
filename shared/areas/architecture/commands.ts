import { z } from 'zod';
import { areaCommand } from '../../domain/area-command';
import { DomainError } from '../../domain/errors';
import { describeValue, humanize } from '../../domain/format';
import { jsonEqual, type Patch } from '../../domain/patches';
import { entityId } from '../../schema/fields';
import type { AreaCommand } from '../types';
import { BlastRadiusSchema, DeliverySchema, InventorySchema } from './schema';

// The architecture area's own commands: the two settings that are one object each (delivery,
// blast radius) and the dependency inventories, which only an SBOM import writes. The renderer
// reads the SBOM (in a worker); the host checks what it sends again here, as it would anything.

const baseRevision = z.number({ error: 'baseRevision must be a revision number' }).int().min(0);

/** One replace patch per field that changed, so a small edit is a small push and audit entry. */
function setFields<T extends Record<string, unknown>>(old: T, next: T, path: string[]) {
  const patches: Patch[] = [];
  const inverse: Patch[] = [];
  const changed: string[] = [];
  for (const key of Object.keys(next)) {
    if (jsonEqual(old[key], next[key])) continue;
    changed.push(`${humanize(key)} ${describeValue(old[key])} → ${describeValue(next[key])}`);
    patches.push({ op: 'replace', path: [...path, key], value: next[key] });
    inverse.push({ op: 'replace', path: [...path, key], value: old[key] });
  }
  return { patches, inverse, changed };
}

const SetDeliverySchema = DeliverySchema.extend({
  type: z.literal('architecture.delivery-set'),
  baseRevision,
});

// Typed explicitly: inferring it would need the workbook type, which the registry derives.
export const setDelivery: AreaCommand<typeof SetDeliverySchema> = areaCommand(
  SetDeliverySchema,
  (wb, cmd) => {
    const { type: _type, baseRevision: _base, ...next } = cmd;
    if (next.canaryWaveId && !wb.waves.waves.some((w) => w.id === next.canaryWaveId)) {
      throw new DomainError(
        'not-found',
        `No wave with id "${next.canaryWaveId}" to be the canary`,
        'canaryWaveId',
      );
    }
    const { patches, inverse, changed } = setFields(wb.architecture.delivery, next, [
      'architecture',
      'delivery',
    ]);
    return {
      patches,
      inverse,
      touched: ['architecture.delivery'],
      area: 'architecture',
      summary: `Edited the delivery strategy: ${changed.join(', ')}`,
    };
  },
);

const SetBlastRadiusSchema = BlastRadiusSchema.extend({
  type: z.literal('architecture.blast-radius-set'),
  baseRevision,
});

// Typed explicitly, like the command above.
export const setBlastRadius: AreaCommand<typeof SetBlastRadiusSchema> = areaCommand(
  SetBlastRadiusSchema,
  (wb, cmd) => {
    const { type: _type, baseRevision: _base, ...next } = cmd;
    const { patches, inverse, changed } = setFields(wb.architecture.blastRadius, next, [
      'architecture',
      'blastRadius',
    ]);
    return {
      patches,
      inverse,
      touched: ['architecture.blastRadius'],
      area: 'architecture',
      summary: `Edited the blast radius: ${changed.join(', ')}`,
    };
  },
);

const ImportInventorySchema = InventorySchema.omit({ importedAt: true, by: true, role: true }).extend({
  type: z.literal('architecture.inventory-import'),
});

const count = (n: number, noun: string) => `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;

// Typed explicitly, like the commands above.
export const importInventory: AreaCommand<typeof ImportInventorySchema> = areaCommand(
  ImportInventorySchema,
  (wb, cmd, ctx) => {
    const env = wb.architecture.environments.find((e) => e.id === cmd.environmentId);
    if (!env)
      throw new DomainError('not-found', `No environment with id "${cmd.environmentId}"`, 'environmentId');
    if (cmd.leftOutCount < cmd.leftOut.length) {
      throw new DomainError(
        'invalid-item',
        `leftOutCount (${cmd.leftOutCount}) is less than the ${cmd.leftOut.length} left-out entries sent`,
        'leftOutCount',
      );
    }
    const list = wb.architecture.inventories;
    if (list.some((i) => i.id === cmd.id)) {
      throw new DomainError('duplicate-id', `An inventory with id "${cmd.id}" already exists`, 'id');
    }
    const { type: _type, ...fields } = cmd;
    const inventory = { ...fields, importedAt: ctx.at, by: ctx.who.name, role: ctx.who.role };
    const index = list.findIndex((i) => i.environmentId === env.id);
    const old = list[index];
    const path = ['architecture', 'inventories', index < 0 ? list.length : index];
    const from = cmd.fileName ? ` from ${cmd.fileName}` : '';
    const replaced = old
      ? `; it replaces the ${count(old.components.length, 'component')} from ${old.fileName || 'an earlier import'}`
      : '';
    return {
      patches: [{ op: old ? 'replace' : 'add', path, value: inventory }],
      inverse: old ? [{ op: 'replace', path, value: old }] : [{ op: 'remove', path }],
      touched: [`architecture.inventories/${env.id}`],
      area: 'architecture',
      summary: `Imported ${count(cmd.components.length, 'component')} for ${env.name}${from} (${cmd.format} ${cmd.specVersion})${replaced}`,
    };
  },
);

const RemoveInventorySchema = z.strictObject({
  type: z.literal('architecture.inventory-remove'),
  environmentId: entityId,
  baseRevision,
});

// Typed explicitly, like the commands above.
export const removeInventory: AreaCommand<typeof RemoveInventorySchema> = areaCommand(
  RemoveInventorySchema,
  (wb, cmd) => {
    const list = wb.architecture.inventories;
    const index = list.findIndex((i) => i.environmentId === cmd.environmentId);
    if (index < 0) {
      throw new DomainError(
        'not-found',
        `No inventory for environment "${cmd.environmentId}"`,
        'environmentId',
      );
    }
    const old = list[index]!;
    const env = wb.architecture.environments.find((e) => e.id === cmd.environmentId);
    const path = ['architecture', 'inventories', index];
    return {
      patches: [{ op: 'remove', path }],
      inverse: [{ op: 'add', path, value: old }],
      touched: [`architecture.inventories/${cmd.environmentId}`],
      area: 'architecture',
      summary: `Removed the inventory of ${env?.name ?? cmd.environmentId} (${count(old.components.length, 'component')})`,
    };
  },
);
