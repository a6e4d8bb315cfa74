import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../../renderer/app/routes';
import {
  FEATURE_FOLDERS,
  FEATURES,
  MISSING_FEATURES,
  STRAY_FEATURES,
} from '../../../renderer/features/registry';
import { AREA_IDS, AREAS } from '../../../shared/areas';
import { COLLECTIONS } from '../../../shared/domain/collections';
import { CommandSchema } from '../../../shared/domain/commands';
import { emptyWorkbook, WorkbookSchema } from '../../../shared/schema/workbook';
import { SCREENS } from '../../e2e/screens';

// Adding an area is its two folders and one line in shared/areas/index.ts. This is the check
// that nothing else is needed, and that nothing registered is missing a part: a schema in the
// workbook, a route, a screen, a place in the e2e screen list.

describe('the areas registry', () => {
  it.each(AREAS.map((a) => [a.id, a] as const))(
    '%s has a schema, an empty section, a route and a screen',
    (id, area) => {
      expect(WorkbookSchema.shape[id], 'a section in the workbook schema').toBe(area.schema);
      expect(area.schema.safeParse(area.empty()).success, 'its empty section is valid').toBe(true);
      expect(emptyWorkbook('wb', 'x', '2026-12-01T00:00:00.000Z')[id]).toEqual(area.empty());
      expect(ROUTES, 'a route').toContain(`/${id}`);
      expect(FEATURES.get(id)?.Screen, 'a screen in renderer/features/<id>/index').toBeTypeOf('function');
      expect(SCREENS, 'a place in the e2e screen list').toContain(id);
      expect(area.nav.label.length).toBeGreaterThan(0);
    },
  );

  it('has no area without a screen, and no feature folder without an area', () => {
    expect(MISSING_FEATURES).toEqual([]);
    expect(STRAY_FEATURES).toEqual([]);
    expect(FEATURE_FOLDERS.map((f) => f.folder).sort()).toEqual([...AREA_IDS].sort());
  });

  it('derives every collection, and the commands that edit them, from the areas', () => {
    for (const [key, info] of Object.entries(COLLECTIONS)) {
      expect(AREA_IDS).toContain(info.area);
      expect(key).toBe(`${info.area}.${info.list}`);
      const add = CommandSchema.safeParse({ type: 'item.add', collection: key, item: {} });
      expect(add.success, key).toBe(true);
    }
    expect(CommandSchema.safeParse({ type: 'item.add', collection: 'nowhere.list', item: {} }).success).toBe(
      false,
    );
  });
});
