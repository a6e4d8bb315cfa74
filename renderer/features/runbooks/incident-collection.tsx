import { type Incident, SEVERITIES } from '../../../shared/areas/runbooks/schema';
import { formatDuration } from '../../../shared/domain/format';
import type { CollectionConfig } from '../../components/collection/field-types';
import { waveOrByTime } from '../../components/collection/options';
import { formatWhen } from '../../components/when';

// Incidents: when each was opened and resolved and what caused it. The delivery figures (time to
// restore, change failure rate) are computed from the real ones; a drill's never counts.

export const incidentsConfig: CollectionConfig<'runbooks.incidents'> = {
  key: 'runbooks.incidents',
  title: 'Incidents',
  intro:
    'Real incidents and drills, with when service was restored and which deployment or change caused them.',
  idPrefix: 'inc',
  emptyText: 'No incidents recorded — add one by hand or import them from your incident tool’s export.',
  itemName: (i) => i.title,
  fields: [
    { key: 'title', label: 'Title', kind: 'text', required: true, size: 'xl' },
    {
      key: 'severity',
      label: 'Severity',
      kind: 'select',
      size: 'sm',
      options: SEVERITIES.map((s) => ({ value: s, label: s })),
    },
    { key: 'drill', label: 'A drill (never counted in real figures)', kind: 'boolean', size: 'lg' },
    { key: 'openedAt', label: 'Opened at', kind: 'datetime', required: true, size: 'lg' },
    {
      key: 'resolvedAt',
      label: 'Service restored at',
      kind: 'datetime',
      nullable: true,
      size: 'lg',
      hint: 'Leave empty while it is still open.',
    },
    {
      key: 'waveId',
      label: 'Wave',
      kind: 'select',
      size: 'lg',
      optionsFrom: waveOrByTime,
    },
    { key: 'ref', label: 'Reference', kind: 'text', size: 'md', placeholder: 'e.g. PD-4411' },
    {
      key: 'deploymentIds',
      label: 'Caused by these deployments',
      kind: 'multi',
      optionsFrom: (wb) =>
        wb.waves.deployments.map((d) => ({
          value: d.id,
          label: `${[d.service, d.version].filter(Boolean).join(' ') || d.ref || d.id} (${formatWhen(d.at)})`,
        })),
    },
    {
      key: 'changeRefs',
      label: 'Root-cause changes',
      kind: 'list',
      size: 'full',
      hint: 'Commit or pull-request references, separated by commas.',
    },
  ],
  columns: [
    { header: 'Opened', render: (i: Incident) => formatWhen(i.openedAt), className: 'nowrap' },
    {
      header: 'Incident',
      render: (i) => (
        <>
          {i.title} {i.drill ? <span className="tag">Drill</span> : null}
        </>
      ),
      className: 'strong',
    },
    { header: 'Severity', render: (i) => i.severity, className: 'nowrap' },
    {
      header: 'Restored',
      render: (i) =>
        i.resolvedAt ? (
          `after ${formatDuration(Date.parse(i.resolvedAt) - Date.parse(i.openedAt))}`
        ) : (
          <span className="tag">Open</span>
        ),
      className: 'nowrap',
    },
  ],
};
