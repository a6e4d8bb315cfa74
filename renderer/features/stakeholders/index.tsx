import { EmptyArea } from '../../components/EmptyArea';
import type { Feature } from '../types';

// Not built yet: the empty state says what this area will hold.

function Screen() {
  return (
    <EmptyArea
      area="stakeholders"
      plan="Who has to work differently, who backs the change, and who helps people through it."
      bullets={[
        'Coverage check: every major group needs a sponsor, a champion and a comms owner',
        'Power / interest map of recipients, sponsors and influencers',
        'ADKAR scores per group, with scores of 3 or less flagged as barriers',
        'A resistance log and a communication plan tailored to each role',
      ]}
    />
  );
}

export const feature: Feature = { area: 'stakeholders', Screen };
