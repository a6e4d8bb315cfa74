import { EmptyArea } from '../../components/EmptyArea';
import type { Feature } from '../types';

// Not built yet: the empty state says what this area will hold.

function Screen() {
  return (
    <EmptyArea
      area="architecture"
      plan="How exposure grows safely, and how you get back if it does not."
      bullets={[
        'Environments and a parity checklist between staging and production',
        'Delivery strategy: feature flags, canary segments or rings',
        'A canary counted as defined only with its size, health signals, duration and promotion rule (the waves of step 5)',
        'Rollback plan: versioned artifacts, reversible migrations, date of the last rehearsal',
        'Blast radius and a dependency inventory imported from SBOM files',
      ]}
    />
  );
}

export const feature: Feature = { area: 'architecture', Screen };
