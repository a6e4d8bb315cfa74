import { navigate as navigateHash } from 'wouter/use-hash-location';
import { AREAS, type AreaId } from '../../shared/areas';

// Views have URLs (hash routes), so a window can open on any section, a reload keeps the place,
// back and forward work, and a projector can be just another route. Every area's route comes
// from the registry; the rest are the app's own screens.

export const FILES_ROUTE = '/files';
export const HISTORY_ROUTE = '/history';
/** The board a facilitator projects: no sidebar, no header, readable from the back row. */
export const PROJECTOR_ROUTE = '/projector';

export const areaRoute = (id: AreaId) => `/${id}`;

/** Every route the app answers, for the router and the e2e screen list. */
export const ROUTES = [...AREAS.map((a) => areaRoute(a.id)), FILES_ROUTE, HISTORY_ROUTE];

export const HOME_ROUTE = areaRoute(AREAS[0].id);

export function navigate(to: string, replace = false): void {
  navigateHash(to, { replace });
}

/** The route currently shown ("/success"), read from the address bar. */
export function currentRoute(): string {
  return `/${window.location.hash.replace(/^#?\/?/, '').split('?')[0] ?? ''}`;
}
