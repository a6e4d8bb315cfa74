import {
  COHORT_DIMENSIONS,
  type Cohort,
  FRICTION_STATUSES,
  type Friction,
} from '../../../shared/areas/adoption/schema';
import type { CollectionConfig } from '../../components/collection/field-types';

// Cohorts (with their target and the enablement action while they lag) and friction points, as
// the generic list editor shows them.

export const cohortsConfig: CollectionConfig<'adoption.cohorts'> = {
  key: 'adoption.cohorts',
  title: 'Cohorts',
  intro:
    'Groups of users by function, location or manager line, each with its launch day, a target such as 70% active within 60 days, and who answers for it.',
  idPrefix: 'coh',
  emptyText: 'No cohorts yet — add one per function, site or manager line you will follow after launch.',
  itemName: (c) => c.name,
  fields: [
    { key: 'name', label: 'Cohort', kind: 'text', required: true, size: 'lg' },
    {
      key: 'dimension',
      label: 'Cohort by',
      kind: 'select',
      size: 'md',
      options: COHORT_DIMENSIONS.map((d) => ({ value: d, label: d === 'manager' ? 'manager line' : d })),
    },
    { key: 'size', label: 'People', kind: 'number', size: 'sm', required: true },
    { key: 'launchDay', label: 'Launch day', kind: 'date', size: 'md', required: true },
    { key: 'targetPct', label: 'Target (% active)', kind: 'number', size: 'sm', required: true },
    { key: 'targetDays', label: 'Within (days)', kind: 'number', size: 'sm', required: true },
    { key: 'owner', label: 'Owner', kind: 'text', size: 'md' },
    {
      key: 'action',
      label: 'Enablement action',
      kind: 'text',
      size: 'xl',
      placeholder: 'e.g. champion office hours on Tuesdays',
    },
    { key: 'actionOwner', label: 'Action owner', kind: 'text', size: 'md' },
  ],
  columns: [
    { header: 'Cohort', render: (c: Cohort) => c.name, className: 'strong' },
    { header: 'People', render: (c) => c.size.toLocaleString('en-US'), className: 'nowrap' },
    {
      header: 'Target',
      render: (c) => `${c.targetPct}% in ${c.targetDays} days from ${c.launchDay}`,
      className: 'nowrap',
    },
    { header: 'Owner', render: (c) => c.owner || '—' },
    { header: 'Action', render: (c) => (c.action ? `${c.action} (${c.actionOwner || 'no owner'})` : '—') },
  ],
};

export const frictionsConfig: CollectionConfig<'adoption.frictions'> = {
  key: 'adoption.frictions',
  title: 'Friction points',
  intro: 'What slows people down after launch: how many it affects and the minutes each loses a week.',
  idPrefix: 'fr',
  emptyText: 'No friction points recorded — add what support tickets, champions and surveys keep raising.',
  itemName: (f) => f.title,
  fields: [
    { key: 'title', label: 'Friction point', kind: 'text', required: true, size: 'xl' },
    { key: 'usersAffected', label: 'Users affected', kind: 'number', size: 'sm' },
    { key: 'minutesLost', label: 'Minutes lost a week (each)', kind: 'number', size: 'sm' },
    { key: 'owner', label: 'Owner', kind: 'text', size: 'md' },
    {
      key: 'status',
      label: 'Status',
      kind: 'select',
      size: 'md',
      options: FRICTION_STATUSES.map((s) => ({ value: s, label: s })),
    },
    { key: 'notes', label: 'Notes', kind: 'longtext', size: 'full' },
  ],
  columns: [
    { header: 'Friction point', render: (f: Friction) => f.title, className: 'strong' },
    { header: 'Users', render: (f) => f.usersAffected.toLocaleString('en-US'), className: 'nowrap' },
    { header: 'Min/week', render: (f) => String(f.minutesLost), className: 'nowrap' },
    { header: 'Status', render: (f) => f.status, className: 'nowrap' },
  ],
};
