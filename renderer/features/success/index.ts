import type { Feature } from '../types';
import { SuccessSection } from './SuccessSection';

export const feature: Feature = { area: 'success', Screen: SuccessSection };
