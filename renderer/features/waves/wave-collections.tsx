import { METRIC_KINDS, type Metric, PROMOTION_RULES, type Wave } from '../../../shared/areas/waves/schema';
import { formatWindow } from '../../../shared/domain/format';
import type { CollectionConfig } from '../../components/collection/field-types';

// The plan of each wave and the metrics it watches, edited with the generic list editor. A
// wave's state and story are not here: they change only by moving the wave, on its card.

const METRIC_KIND_LABEL: Record<Metric['kind'], string> = {
  service: 'Service guardrail',
  user: 'User signal',
  business: 'Business signal',
};

export const segmentText = (w: Wave) =>
  [w.segment.region, w.segment.team, w.segment.tenant].filter((s) => s.trim() !== '').join(' · ') ||
  'Everyone';

export const wavesConfig: CollectionConfig<'waves.waves'> = {
  key: 'waves.waves',
  title: 'Wave plan',
  intro: 'Who each wave exposes, how long it holds, which stop conditions gate it and what it watches.',
  idPrefix: 'wave',
  emptyText: 'No waves yet — add the first, small one (a canary of a few percent).',
  itemName: (w) => w.name,
  fields: [
    {
      key: 'name',
      label: 'Wave',
      kind: 'text',
      required: true,
      size: 'lg',
      placeholder: 'e.g. Wave 1: canary',
    },
    { key: 'audiencePercent', label: 'Audience (%)', kind: 'number', required: true, size: 'sm' },
    { key: 'holdHours', label: 'Minimum hold (hours)', kind: 'number', required: true, size: 'md' },
    {
      key: 'promotion',
      label: 'Promotion',
      kind: 'select',
      size: 'md',
      options: PROMOTION_RULES.map((r) => ({
        value: r,
        label:
          r === 'manual'
            ? 'Manual: a person promotes'
            : 'Automatic: when the hold is over and every gate passes',
      })),
    },
    { key: 'segment.region', label: 'Region', kind: 'text', size: 'lg' },
    { key: 'segment.team', label: 'Team', kind: 'text', size: 'lg' },
    { key: 'segment.tenant', label: 'Tenant', kind: 'text', size: 'lg' },
    {
      key: 'gates',
      label: 'Gated by these stop conditions',
      kind: 'multi',
      optionsFrom: (wb) => wb.success.stopConditions.map((s) => ({ value: s.id, label: s.metric })),
      hint: 'The wave cannot be promoted while any of them fails, unless someone signs an override.',
    },
    {
      key: 'metrics',
      label: 'Also watches',
      kind: 'multi',
      optionsFrom: (wb) => wb.waves.metrics.map((m) => ({ value: m.id, label: m.name })),
    },
  ],
  columns: [
    { header: 'Wave', render: (w: Wave) => w.name, className: 'strong' },
    { header: 'Audience', render: (w) => `${w.audiencePercent}%`, className: 'nowrap' },
    { header: 'Segment', render: segmentText },
    { header: 'Hold', render: (w) => `${w.holdHours} h`, className: 'nowrap' },
    { header: 'Promotion', render: (w) => (w.promotion === 'auto' ? 'Automatic' : 'Manual') },
    { header: 'Gates', render: (w) => String(w.gates.length), className: 'num' },
  ],
};

export const metricsConfig: CollectionConfig<'waves.metrics'> = {
  key: 'waves.metrics',
  title: 'Watched metrics',
  intro:
    'Service guardrails, user signals and business numbers, each read per wave. Stop conditions are judged on them.',
  idPrefix: 'm',
  emptyText: 'No metrics yet — add what your dashboards show (error rate, sign-in success, latency).',
  itemName: (m) => m.name,
  fields: [
    { key: 'name', label: 'Metric', kind: 'text', required: true, size: 'lg' },
    { key: 'unit', label: 'Unit', kind: 'text', size: 'sm', placeholder: 'e.g. %' },
    {
      key: 'kind',
      label: 'Kind',
      kind: 'select',
      size: 'md',
      options: METRIC_KINDS.map((k) => ({ value: k, label: METRIC_KIND_LABEL[k] })),
    },
    { key: 'staleAfterMinutes', label: 'Stale after (minutes)', kind: 'number', required: true, size: 'md' },
    {
      key: 'source',
      label: 'Usual source',
      kind: 'text',
      size: 'xl',
      placeholder: 'e.g. Grafana: sales-api errors',
    },
    {
      key: 'guardrailId',
      label: 'Measures guardrail',
      kind: 'select',
      size: 'lg',
      optionsFrom: (wb) => [
        { value: '', label: 'None' },
        ...wb.success.guardrails.map((g) => ({ value: g.id, label: g.name })),
      ],
    },
  ],
  columns: [
    {
      header: 'Metric',
      render: (m: Metric) => (m.unit ? `${m.name} (${m.unit})` : m.name),
      className: 'strong',
    },
    { header: 'Kind', render: (m) => <span className="tag">{METRIC_KIND_LABEL[m.kind]}</span> },
    { header: 'Source', render: (m) => m.source || <span className="muted">Not named</span> },
    { header: 'Stale after', render: (m) => formatWindow(m.staleAfterMinutes), className: 'nowrap' },
  ],
};
