import type { Feature } from '../types';
import { StakeholdersScreen } from './StakeholdersScreen';

export const feature: Feature = { area: 'stakeholders', Screen: StakeholdersScreen };
