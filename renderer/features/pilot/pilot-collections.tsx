import {
  FEEDBACK_CHANGES,
  FEEDBACK_SEVERITIES,
  FEEDBACK_STATUSES,
  FEEDBACK_TYPES,
  type Feedback,
  KPI_DIRECTIONS,
  KPI_KINDS,
  type PilotGroup,
} from '../../../shared/areas/pilot/schema';
import { TYPE_WORDS } from '../../../shared/areas/pilot/you-said';
import type { CollectionConfig } from '../../components/collection/field-types';

// The pilot's three lists as the generic editor shows them. A KPI's target is given when it is
// added and moved afterwards only through "Change target", which keeps the history.

const opts = (values: readonly string[], words: Record<string, string> = {}) =>
  values.map((v) => ({ value: v, label: words[v] ?? (v || '—') }));

const STATUS_WORDS: Record<Feedback['status'], string> = {
  open: 'Open',
  fixed: 'Fixed, not re-tested',
  retested: 'Fixed and re-tested',
};

const STATUS_TAG: Record<Feedback['status'], string> = {
  open: 'tag-bad',
  fixed: 'tag-warn',
  retested: 'tag-ok',
};

export const groupsConfig: CollectionConfig<'pilot.groups'> = {
  key: 'pilot.groups',
  title: 'Pilot groups',
  intro:
    'Who is in the pilot, counted both ways: novices and experts, friendly and sceptical users, where they work and which awkward workflows they bring.',
  idPrefix: 'pg',
  emptyText: 'No pilot group yet — add one, drawn from a stakeholder group where you have them.',
  itemName: (g) => g.name,
  fields: [
    { key: 'name', label: 'Group', kind: 'text', required: true, size: 'xl' },
    { key: 'novices', label: 'Novices', kind: 'number', size: 'sm' },
    { key: 'experts', label: 'Experts', kind: 'number', size: 'sm' },
    { key: 'friendly', label: 'Friendly', kind: 'number', size: 'sm' },
    { key: 'sceptical', label: 'Sceptical', kind: 'number', size: 'sm' },
    { key: 'regions', label: 'Regions or sites', kind: 'list', size: 'lg', hint: 'Separate with commas.' },
    {
      key: 'edgeCases',
      label: 'Edge-case workflows',
      kind: 'list',
      size: 'full',
      hint: 'The awkward paths it must exercise, separated by commas.',
    },
    {
      key: 'stakeholderGroupId',
      label: 'Drawn from stakeholder group',
      kind: 'select',
      size: 'lg',
      optionsFrom: (wb) => [
        { value: '', label: '— none —' },
        ...(
          (wb as { stakeholders?: { groups?: { id: string; name: string }[] } }).stakeholders?.groups ?? []
        ).map((g) => ({ value: g.id, label: g.name })),
      ],
    },
  ],
  columns: [
    { header: 'Group', render: (g: PilotGroup) => g.name, className: 'strong' },
    { header: 'Novices / experts', render: (g) => `${g.novices} / ${g.experts}`, className: 'nowrap' },
    { header: 'Friendly / sceptical', render: (g) => `${g.friendly} / ${g.sceptical}`, className: 'nowrap' },
    { header: 'Regions', render: (g) => g.regions.join(', ') || '—' },
    { header: 'Edge cases', render: (g) => g.edgeCases.join(', ') || 'happy path only' },
  ],
};

export const feedbackConfig: CollectionConfig<'pilot.feedback'> = {
  key: 'pilot.feedback',
  title: 'Pilot feedback',
  intro:
    'Each item typed, with its severity and source, followed from open to fixed to re-tested with pilot users.',
  idPrefix: 'fb',
  emptyText: 'No feedback recorded — add it as it comes in, or import the survey or tracker export.',
  itemName: (f) => f.title,
  fields: [
    { key: 'title', label: 'Feedback', kind: 'text', required: true, size: 'full' },
    { key: 'type', label: 'Type', kind: 'select', size: 'lg', options: opts(FEEDBACK_TYPES, TYPE_WORDS) },
    { key: 'severity', label: 'Severity', kind: 'select', size: 'sm', options: opts(FEEDBACK_SEVERITIES) },
    {
      key: 'status',
      label: 'Status',
      kind: 'select',
      size: 'lg',
      options: opts(FEEDBACK_STATUSES, STATUS_WORDS),
    },
    { key: 'sourceGroup', label: 'Source group', kind: 'text', size: 'lg' },
    {
      key: 'change',
      label: 'Led to a change in',
      kind: 'select',
      size: 'md',
      options: opts(FEEDBACK_CHANGES),
    },
    { key: 'ref', label: 'Reference', kind: 'text', size: 'md', placeholder: 'e.g. SURV-112' },
    {
      key: 'response',
      label: 'What we did',
      kind: 'longtext',
      size: 'full',
      hint: 'In the words the “you said, we did” update will use.',
    },
  ],
  columns: [
    { header: 'Feedback', render: (f: Feedback) => f.title, className: 'strong' },
    { header: 'Type', render: (f) => TYPE_WORDS[f.type], className: 'nowrap' },
    { header: 'Severity', render: (f) => f.severity, className: 'nowrap' },
    {
      header: 'Status',
      render: (f) => (
        <span className={`tag ${STATUS_TAG[f.status]}`} data-testid="feedback-status">
          {STATUS_WORDS[f.status]}
        </span>
      ),
      className: 'nowrap',
    },
    { header: 'From', render: (f) => f.sourceGroup || '—' },
  ],
};

export const kpisConfig: CollectionConfig<'pilot.kpis'> = {
  key: 'pilot.kpis',
  title: 'Pilot KPIs',
  intro: 'What the pilot must show, with the target set before it starts.',
  idPrefix: 'kpi',
  emptyText: 'No KPIs yet — add task time, error rate, support requests and sentiment with their targets.',
  itemName: (k) => k.name,
  fields: [
    { key: 'name', label: 'KPI', kind: 'text', required: true, size: 'xl' },
    { key: 'kind', label: 'Kind', kind: 'select', size: 'md', options: opts(KPI_KINDS) },
    { key: 'unit', label: 'Unit', kind: 'text', size: 'sm', placeholder: 'min, %, /day' },
    {
      key: 'direction',
      label: 'Passes when the reading is',
      kind: 'select',
      size: 'md',
      options: [
        { value: KPI_DIRECTIONS[0], label: 'at or under the target' },
        { value: KPI_DIRECTIONS[1], label: 'at or over the target' },
      ],
    },
    {
      key: 'target',
      label: 'Target',
      kind: 'number',
      size: 'sm',
      required: true,
      hint: 'Given once here; move it later with “Change target”, which records why.',
    },
  ],
  columns: [
    { header: 'KPI', render: (k) => k.name, className: 'strong' },
    { header: 'Kind', render: (k) => k.kind, className: 'nowrap' },
    { header: 'Readings', render: (k) => String(k.readings.length), className: 'nowrap' },
  ],
};
