import type { Feature } from '../types';
import { ArchitectureScreen } from './ArchitectureScreen';

export const feature: Feature = { area: 'architecture', Screen: ArchitectureScreen };
