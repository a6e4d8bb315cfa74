import { DEPLOYMENT_STATUSES, type Deployment } from '../../../../shared/areas/waves/schema';
import type { CollectionConfig, FieldCodec } from '../../../components/collection/field-types';
import { waveOrByTime } from '../../../components/collection/options';
import { formatWhen } from '../../../components/when';

// Deployments to production, typed in or imported: what the DORA figures are computed from.

/** The changes a deployment shipped, one a line: "a1b2c3d 2026-11-19T10:00Z" (reference, commit time). */
export const changesCodec: FieldCodec = {
  format: (v) =>
    Array.isArray(v)
      ? v.map((c: { ref: string; committedAt: string }) => `${c.ref} ${c.committedAt}`).join('\n')
      : '',
  parse: (text) =>
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map((line) => {
        const [ref = '', ...rest] = line.split(/\s+/);
        const when = rest.join(' ');
        const ms = Date.parse(when);
        return { ref, committedAt: Number.isNaN(ms) ? when : new Date(ms).toISOString() };
      }),
};

export const deploymentsConfig: CollectionConfig<'waves.deployments'> = {
  key: 'waves.deployments',
  title: 'Deployments',
  intro:
    'Each deployment to production, with the changes it shipped: the ground the delivery figures stand on.',
  idPrefix: 'dep',
  emptyText: 'No deployments yet — add them by hand or import them from your pipeline’s export.',
  itemName: (d) => [d.service, d.version].filter(Boolean).join(' ') || d.ref || d.id,
  fields: [
    { key: 'at', label: 'Deployed at', kind: 'datetime', required: true, size: 'lg' },
    { key: 'service', label: 'Service', kind: 'text', size: 'md' },
    { key: 'version', label: 'Version', kind: 'text', size: 'md' },
    {
      key: 'status',
      label: 'Result',
      kind: 'select',
      size: 'md',
      options: DEPLOYMENT_STATUSES.map((s) => ({
        value: s,
        label: s === 'success' ? 'Succeeded' : 'Failed',
      })),
    },
    {
      key: 'waveId',
      label: 'Wave',
      kind: 'select',
      size: 'lg',
      optionsFrom: waveOrByTime,
    },
    { key: 'ref', label: 'Pipeline reference', kind: 'text', size: 'md' },
    {
      key: 'changes',
      label: 'Changes shipped',
      kind: 'longtext',
      size: 'full',
      codec: changesCodec,
      hint: 'One a line: the commit or pull request, then when it was committed (e.g. a1b2c3d 2026-11-19T10:00Z). Shift+Enter for a new line.',
    },
  ],
  columns: [
    { header: 'Deployed', render: (d: Deployment) => formatWhen(d.at), className: 'nowrap' },
    {
      header: 'Service',
      render: (d) => [d.service, d.version].filter(Boolean).join(' ') || '—',
      className: 'strong',
    },
    {
      header: 'Result',
      render: (d) => (d.status === 'success' ? 'Succeeded' : <span className="tag">Failed</span>),
    },
    { header: 'Changes', render: (d) => String(d.changes.length), className: 'num' },
  ],
};
