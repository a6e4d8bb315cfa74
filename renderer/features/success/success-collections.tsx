import {
  type BaselineItem,
  COMPARATORS,
  DIRECTIONS,
  GUARDRAIL_KINDS,
  type Guardrail,
  METRIC_KINDS,
  type NoGoAuthority,
  type OutcomeMetric,
  STOP_ACTIONS,
  type StopCondition,
} from '../../../shared/areas/success/schema';
import type { CollectionConfig, FieldOption } from '../../components/collection/field-types';
import { ACTION_LABEL, formatDay, guardrailLimit, outcomeTarget, stopCondition } from './format';

// Field and column descriptors for the five step-1 lists. Every option list comes from the
// schema's own constants with a label map typed by them, so a new comparator, kind or action
// is a compile error here until it has a label, never a silent gap in a menu.

const options = <T extends string>(values: readonly T[], labels: Record<T, string>): FieldOption[] =>
  values.map((value) => ({ value, label: labels[value] }));

const comparatorOptions = options(COMPARATORS, {
  '>': '> more than',
  '>=': '≥ at least',
  '<': '< less than',
  '<=': '≤ at most',
});

const METRIC_KIND_LABEL: Record<OutcomeMetric['kind'], string> = { business: 'Business', service: 'Service' };

const GUARDRAIL_KIND_LABEL: Record<Guardrail['kind'], string> = {
  latency: 'Latency',
  'error-budget': 'Error budget',
  uptime: 'Uptime',
  security: 'Security',
  compliance: 'Compliance',
  accessibility: 'Accessibility',
  performance: 'Performance',
};

export const outcomesConfig: CollectionConfig<'success.outcomes'> = {
  key: 'success.outcomes',
  title: 'Outcome metrics',
  intro: 'The measurable results that mean this rollout worked, each with a target date and an owner.',
  idPrefix: 'om',
  emptyText: 'No outcome metrics yet — add the number that will tell you this rollout paid off.',
  itemName: (m) => m.name,
  fields: [
    {
      key: 'name',
      label: 'Metric',
      kind: 'text',
      required: true,
      size: 'lg',
      placeholder: 'e.g. Weekly active users',
    },
    {
      key: 'kind',
      label: 'Kind',
      kind: 'select',
      size: 'sm',
      options: options(METRIC_KINDS, METRIC_KIND_LABEL),
    },
    {
      key: 'direction',
      label: 'Direction',
      kind: 'select',
      size: 'sm',
      options: options(DIRECTIONS, { 'at-least': 'At least', 'at-most': 'At most' }),
    },
    { key: 'target', label: 'Target', kind: 'number', required: true, size: 'sm' },
    { key: 'unit', label: 'Unit', kind: 'text', size: 'sm', placeholder: 'e.g. %' },
    { key: 'deadline', label: 'Deadline', kind: 'date', required: true, size: 'md' },
    { key: 'owner', label: 'Owner', kind: 'text', size: 'lg' },
  ],
  columns: [
    { header: 'Metric', render: (m: OutcomeMetric) => m.name, className: 'strong' },
    {
      header: 'Kind',
      render: (m) => <span className={`tag tag-${m.kind}`}>{METRIC_KIND_LABEL[m.kind]}</span>,
    },
    { header: 'Target', render: outcomeTarget, className: 'nowrap' },
    {
      header: 'Deadline',
      render: (m) => <time dateTime={m.deadline}>{formatDay(m.deadline)}</time>,
      className: 'nowrap',
    },
    { header: 'Owner', render: (m) => m.owner || <span className="muted">No owner</span> },
  ],
};

export const guardrailsConfig: CollectionConfig<'success.guardrails'> = {
  key: 'success.guardrails',
  title: 'Guardrails',
  intro: 'Service, security, compliance and accessibility limits that must hold throughout.',
  idPrefix: 'gr',
  emptyText: 'No guardrails yet — add the limits this rollout must never cross.',
  itemName: (g) => g.name,
  fields: [
    { key: 'name', label: 'Guardrail', kind: 'text', required: true, size: 'lg' },
    {
      key: 'kind',
      label: 'Kind',
      kind: 'select',
      size: 'sm',
      options: options(GUARDRAIL_KINDS, GUARDRAIL_KIND_LABEL),
    },
    { key: 'comparator', label: 'Must stay', kind: 'select', size: 'sm', options: comparatorOptions },
    { key: 'limit', label: 'Limit', kind: 'number', required: true, size: 'sm' },
    { key: 'unit', label: 'Unit', kind: 'text', size: 'sm' },
    {
      key: 'notes',
      label: 'Notes',
      kind: 'longtext',
      size: 'full',
      hint: 'How it is measured, and who watches it.',
    },
  ],
  columns: [
    { header: 'Guardrail', render: (g: Guardrail) => g.name, className: 'strong' },
    { header: 'Kind', render: (g) => <span className="tag">{GUARDRAIL_KIND_LABEL[g.kind]}</span> },
    { header: 'Limit', render: guardrailLimit, className: 'nowrap' },
    { header: 'Notes', render: (g) => g.notes || <span className="muted">—</span>, className: 'wide' },
  ],
};

export const baselineConfig: CollectionConfig<'success.baseline'> = {
  key: 'success.baseline',
  title: 'Baseline vs expected',
  intro: 'How things work today and how they should work afterwards, area by area.',
  idPrefix: 'bl',
  emptyText: 'No baseline yet — record today’s setup so you can tell what changed.',
  itemName: (b) => b.area,
  fields: [
    { key: 'area', label: 'Area', kind: 'text', required: true, size: 'md' },
    { key: 'baseline', label: 'Current state', kind: 'longtext', required: true, size: 'full' },
    { key: 'expected', label: 'Expected state', kind: 'longtext', required: true, size: 'full' },
  ],
  columns: [
    { header: 'Area', render: (b: BaselineItem) => b.area, className: 'strong' },
    { header: 'Today', render: (b) => b.baseline, className: 'wide' },
    { header: 'Expected', render: (b) => b.expected, className: 'wide' },
  ],
};

export const stopConditionsConfig: CollectionConfig<'success.stopConditions'> = {
  key: 'success.stopConditions',
  title: 'Stop conditions',
  intro: 'Thresholds that halt the rollout, what happens when one trips, and who may make the call.',
  idPrefix: 'sc',
  emptyText: 'No stop conditions yet — without them nobody knows when to stop.',
  itemName: (s) => s.metric,
  fields: [
    { key: 'metric', label: 'Metric', kind: 'text', required: true, size: 'lg' },
    {
      key: 'metricId',
      label: 'Judged on readings of',
      kind: 'select',
      size: 'lg',
      optionsFrom: (wb) => [
        { value: '', label: 'Not linked yet' },
        ...wb.waves.metrics.map((m) => ({ value: m.id, label: m.unit ? `${m.name} (${m.unit})` : m.name })),
      ],
      hint: 'The watched metric (Waves & signals) whose readings decide this gate.',
    },
    { key: 'comparator', label: 'Trips when', kind: 'select', size: 'sm', options: comparatorOptions },
    { key: 'threshold', label: 'Threshold', kind: 'number', required: true, size: 'sm' },
    { key: 'unit', label: 'Unit', kind: 'text', size: 'sm' },
    {
      key: 'windowMinutes',
      label: 'Window (minutes)',
      kind: 'number',
      required: true,
      size: 'sm',
      hint: 'Sustained for this long.',
    },
    {
      key: 'action',
      label: 'Action',
      kind: 'select',
      size: 'md',
      options: options(STOP_ACTIONS, ACTION_LABEL),
    },
    {
      key: 'callers',
      label: 'Who may call it',
      kind: 'list',
      required: true,
      hint: 'Names or roles, separated by commas.',
      placeholder: 'e.g. Incident commander, On-call SRE',
      size: 'xl',
    },
  ],
  columns: [
    {
      header: 'Stop condition',
      render: (s: StopCondition) => (
        <span className="stop-sentence" data-testid="stop-sentence">
          <span className={`action action-${s.action}`}>{ACTION_LABEL[s.action]}</span> if {stopCondition(s)}
          <span className="callers"> — called by {s.callers.join(', ')}</span>
          {s.metricId ? null : (
            <span className="tag tag-warn" data-testid="not-linked">
              Not linked to a metric: no gate can judge it
            </span>
          )}
        </span>
      ),
      className: 'wide',
    },
  ],
};

export const noGoConfig: CollectionConfig<'success.noGoAuthorities'> = {
  key: 'success.noGoAuthorities',
  title: 'No-go authorities',
  intro: 'People and bodies who can stop a wave, and the limits of that authority.',
  idPrefix: 'ng',
  emptyText: 'No one can call a no-go yet — name at least one person.',
  itemName: (n) => n.name,
  fields: [
    { key: 'name', label: 'Name', kind: 'text', required: true, size: 'md' },
    { key: 'role', label: 'Role', kind: 'text', required: true, size: 'md' },
    { key: 'scope', label: 'Scope', kind: 'longtext', size: 'full', hint: 'What they may stop, and when.' },
  ],
  columns: [
    { header: 'Name', render: (n: NoGoAuthority) => n.name, className: 'strong' },
    { header: 'Role', render: (n) => n.role },
    { header: 'Scope', render: (n) => n.scope || <span className="muted">—</span>, className: 'wide' },
  ],
};
