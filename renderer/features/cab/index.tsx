import type { Feature } from '../types';
import { CabScreen } from './CabScreen';

export const feature: Feature = { area: 'cab', Screen: CabScreen };
