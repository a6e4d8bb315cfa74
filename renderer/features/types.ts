import type { ComponentType } from 'react';
import type { AreaId } from '../../shared/areas';

/** What each renderer/features/<area>/index.ts(x) exports as `feature`: the area's screen. */
export interface Feature {
  area: AreaId;
  Screen: ComponentType;
}
