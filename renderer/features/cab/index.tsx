import { EmptyArea } from '../../components/EmptyArea';
import type { Feature } from '../types';

// Not built yet: the empty state says what this area will hold.

function Screen() {
  return (
    <EmptyArea
      area="cab"
      plan="The governance record for this change."
      bullets={[
        'Change type: standard, normal or emergency',
        'A risk questionnaire that sets the risk level',
        'Blackout windows and any clashes with the plan',
        'Each reviewer’s decision and comment, tied to the exact revision they approved',
      ]}
    />
  );
}

export const feature: Feature = { area: 'cab', Screen };
