import { EmptyArea } from '../../components/EmptyArea';
import type { Feature } from '../types';

// Not built yet: the empty state says what this area will hold.

function Screen() {
  return (
    <EmptyArea
      area="scorecard"
      plan="The seven readiness checks before each wave, and the verdict they add up to."
      bullets={[
        'Each check green, amber or red, with evidence, an owner, and who changed it and why',
        'Two or more checks not green means NO-GO',
        'Any breached stop condition means NO-GO',
        'A projector view the back of the room can read',
      ]}
    />
  );
}

export const feature: Feature = { area: 'scorecard', Screen };
