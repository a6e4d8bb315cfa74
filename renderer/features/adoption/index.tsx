import { EmptyArea } from '../../components/EmptyArea';
import type { Feature } from '../types';

// Not built yet: the empty state says what this area will hold.

function Screen() {
  return (
    <EmptyArea
      area="adoption"
      plan="Whether people actually moved over, and what is holding the rest back."
      bullets={[
        'Adoption cohorts by function, location and manager line over time',
        'Groups that fall behind, flagged for targeted training',
        'Friction points ranked by how much they cost',
        '“What changed because of your feedback” updates',
      ]}
    />
  );
}

export const feature: Feature = { area: 'adoption', Screen };
