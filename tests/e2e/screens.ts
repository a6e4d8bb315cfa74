import { AREA_IDS } from '../../shared/areas';

// The e2e screen list, derived from the areas registry: every registered area's screen is
// visited by the accessibility and security sweeps without anyone having to add it here.

/** Every area in the sidebar, in order; `nav-<id>` opens it and `#/<id>` is its route. */
export const SECTIONS = AREA_IDS;

/** Every screen reachable from the sidebar: the areas plus the app's own screens. */
export const SCREENS = [...SECTIONS, 'history', 'workbook'] as const;
