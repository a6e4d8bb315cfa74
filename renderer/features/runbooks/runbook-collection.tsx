import type { Runbook } from '../../../shared/areas/runbooks/schema';
import type { CollectionConfig } from '../../components/collection/field-types';

// Runbooks as a list: name and purpose here; their steps (managed by their own commands, so a
// zero timebox is refused by name) are edited under each runbook.

export const runbooksConfig: CollectionConfig<'runbooks.runbooks'> = {
  key: 'runbooks.runbooks',
  title: 'Runbooks',
  intro:
    'What the team does when a stop condition trips: phases, owners and timeboxes, rehearsed before the day.',
  idPrefix: 'rb',
  emptyText: 'No runbooks yet — add one, then its steps.',
  itemName: (r) => r.name,
  fields: [
    { key: 'name', label: 'Name', kind: 'text', required: true, size: 'xl' },
    { key: 'purpose', label: 'When to use it', kind: 'longtext', size: 'full' },
  ],
  columns: [
    { header: 'Runbook', render: (r: Runbook) => r.name, className: 'strong' },
    { header: 'Steps', render: (r) => String(r.steps.length), className: 'num' },
    {
      header: 'Timeboxes',
      render: (r) => `${r.steps.reduce((s, x) => s + x.timeboxMin, 0)} min in all`,
      className: 'nowrap',
    },
  ],
};
