import { EmptyArea } from '../../components/EmptyArea';
import type { Feature } from '../types';

// Not built yet: the empty state says what this area will hold.

function Screen() {
  return (
    <EmptyArea
      area="signals"
      plan="Promotion decided by evidence rather than optimism."
      bullets={[
        'Readings per metric for each wave, typed in or imported from CSV',
        'The four DORA keys worked out from deployment and incident records',
        'User signals: sign-in success, key-task success, latency, abandonment',
        'A promote / hold / roll back verdict per wave, with the reason spelled out: observed value, threshold, window, source and who judged',
      ]}
    />
  );
}

export const feature: Feature = { area: 'signals', Screen };
