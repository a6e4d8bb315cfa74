import type { Feature } from '../types';
import { WavesScreen } from './WavesScreen';

export const feature: Feature = { area: 'waves', Screen: WavesScreen };
