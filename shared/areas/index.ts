import { adoptionArea } from './adoption/area';
import { architectureArea } from './architecture/area';
import { cabArea } from './cab/area';
import { drillsArea } from './drills/area';
import { pilotArea } from './pilot/area';
import { runbooksArea } from './runbooks/area';
import { scorecardArea } from './scorecard/area';
import { stakeholdersArea } from './stakeholders/area';
import { successArea } from './success/area';
import { wavesArea } from './waves/area';

// The one registry of workbook areas, in checklist order. The workbook schema, the command
// union, the sidebar, the routes and the e2e screen list all derive from this list: adding an
// area means its two folders (shared/areas/<id>/, renderer/features/<id>/) and one line here.

export const AREAS = [
  successArea,
  architectureArea,
  stakeholdersArea,
  pilotArea,
  wavesArea,
  runbooksArea,
  drillsArea,
  adoptionArea,
  scorecardArea,
  cabArea,
] as const;

export type Area = (typeof AREAS)[number];
export type AreaId = Area['id'];

export const AREA_IDS = AREAS.map((a) => a.id) as [AreaId, ...AreaId[]];

export function isAreaId(value: unknown): value is AreaId {
  return typeof value === 'string' && (AREA_IDS as readonly string[]).includes(value);
}

export function areaById(id: AreaId): Area {
  return AREAS.find((a) => a.id === id)!;
}
