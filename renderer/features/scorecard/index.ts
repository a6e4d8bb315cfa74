import type { Feature } from '../types';
import { ScorecardScreen } from './ScorecardScreen';

export const feature: Feature = { area: 'scorecard', Screen: ScorecardScreen };
