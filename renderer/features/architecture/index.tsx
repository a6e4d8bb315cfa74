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
        'Waves with audience share, segment, hold time, health signals and promotion rule',
        'Rollback plan: versioned artifacts, reversible migrations, date of the last rehearsal',
        'Blast radius and a dependency inventory imported from SBOM files',
      ]}
    />
  );
}

export const feature: Feature = { area: 'architecture', Screen };
