import { EmptyArea } from '../../components/EmptyArea';
import type { Feature } from '../types';

// Not built yet: the empty state says what this area will hold.

function Screen() {
  return (
    <EmptyArea
      area="pilot"
      plan="A controlled slice of reality before wider exposure."
      bullets={[
        'Pilot groups mixing novices and experts, regions and awkward edge-case workflows',
        'A warning when a pilot is made only of friendly users',
        'Feedback sorted into usability friction, training gaps, integration issues and policy conflicts',
        'Pilot KPIs — task time, error rate, support requests, sentiment — against their targets',
      ]}
    />
  );
}

export const feature: Feature = { area: 'pilot', Screen };
