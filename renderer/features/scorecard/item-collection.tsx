import type { ScorecardItem } from '../../../shared/areas/scorecard/schema';
import { GO_NO_GO_CHECKS } from '../../../shared/areas/types';
import type { CollectionConfig } from '../../components/collection/field-types';

// The seven checks themselves (their wording and owners), not their statuses.

const CHECK_LABEL: Record<(typeof GO_NO_GO_CHECKS)[number], string> = {
  success: 'Success approved (step 1)',
  baseline: 'Baseline and change controls (step 2)',
  pilot: 'Pilot feedback (step 4)',
  champions: 'Champions and support (step 3)',
  dashboards: 'Dashboards and alerts (step 5)',
  runbooks: 'Runbooks tested (step 6)',
  comms: 'Communications ready',
};

export const itemsConfig: CollectionConfig<'scorecard.items'> = {
  key: 'scorecard.items',
  title: 'The checks',
  intro: 'The wording and owner of each check. Statuses are set per wave, above.',
  idPrefix: 'go',
  emptyText: 'No checks: add the seven of the checklist.',
  itemName: (i) => i.label,
  fields: [
    { key: 'label', label: 'Check', kind: 'text', required: true, size: 'xl' },
    { key: 'owner', label: 'Owner', kind: 'text', size: 'md' },
    {
      key: 'check',
      label: 'Evidence from',
      kind: 'select',
      size: 'lg',
      options: [
        { value: '', label: 'No area: set by hand' },
        ...GO_NO_GO_CHECKS.map((c) => ({ value: c, label: CHECK_LABEL[c] })),
      ],
    },
  ],
  columns: [
    { header: 'Check', render: (i: ScorecardItem) => i.label, className: 'strong' },
    { header: 'Owner', render: (i) => i.owner || <span className="muted">—</span> },
    { header: 'Evidence from', render: (i) => (i.check ? CHECK_LABEL[i.check] : 'Set by hand') },
  ],
};
