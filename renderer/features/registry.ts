import { AREAS, type AreaId } from '../../shared/areas';
import type { Feature } from './types';

// The renderer half of the areas registry. Each features/<area>/ folder exports its screen from
// index.ts(x); Vite finds them here, so adding an area's screens touches only its own folder.
// The registry test fails when a registered area has no screen, or a folder names no area.

const modules = import.meta.glob<{ feature?: Feature }>('./*/index.{ts,tsx}', { eager: true });

/** Each feature folder with what its index exports (a folder's name must be its area's id). */
export const FEATURE_FOLDERS = Object.entries(modules).map(([path, mod]) => ({
  folder: path.split('/')[1] ?? path,
  feature: mod.feature,
}));

export const FEATURES: ReadonlyMap<AreaId, Feature> = new Map(
  FEATURE_FOLDERS.filter((f) => f.feature?.area === f.folder).map((f) => [f.feature!.area, f.feature!]),
);

/** Registered areas that have no screen yet; empty in a correct build. */
export const MISSING_FEATURES = AREAS.filter((a) => !FEATURES.has(a.id)).map((a) => a.id);

/** Feature folders that name no registered area (or export another's); empty in a correct build. */
export const STRAY_FEATURES = FEATURE_FOLDERS.filter(
  (f) => f.feature?.area !== f.folder || !FEATURES.has(f.feature.area),
).map((f) => f.folder);
