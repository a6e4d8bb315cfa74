import {
  ACTION_STATUSES,
  CAPABILITY_ELEMENTS,
  type CorrectiveAction,
} from '../../../shared/areas/drills/schema';
import type { CollectionConfig } from '../../components/collection/field-types';

// The improvement plan: what a drill showed must change, which capability element it improves,
// who owns it and by when. Kept in the workbook and tracked until done.

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v.replace('-', ' ') }));

export const correctiveActionsConfig: CollectionConfig<'drills.correctiveActions'> = {
  key: 'drills.correctiveActions',
  title: 'Corrective actions',
  intro: 'What the drills showed must change, by capability element, with an owner and a due date.',
  idPrefix: 'ca',
  emptyText: 'No corrective actions yet.',
  itemName: (a) => a.text,
  fields: [
    { key: 'text', label: 'Action', kind: 'text', required: true, size: 'full' },
    {
      key: 'element',
      label: 'Capability element',
      kind: 'select',
      size: 'md',
      options: options(CAPABILITY_ELEMENTS),
    },
    { key: 'owner', label: 'Owner', kind: 'text', required: true, size: 'md' },
    { key: 'start', label: 'Start', kind: 'date', required: true, size: 'md' },
    { key: 'due', label: 'Due', kind: 'date', required: true, size: 'md' },
    { key: 'status', label: 'Status', kind: 'select', size: 'md', options: options(ACTION_STATUSES) },
    {
      key: 'scenarioId',
      label: 'Raised by the drill of',
      kind: 'select',
      size: 'lg',
      optionsFrom: (wb) => [
        { value: '', label: 'No particular scenario' },
        ...wb.drills.scenarios.map((s) => ({ value: s.id, label: s.name })),
      ],
    },
    {
      key: 'runId',
      label: 'Raised by the run',
      kind: 'select',
      size: 'lg',
      optionsFrom: (wb) => [
        { value: '', label: 'No particular run' },
        ...wb.drills.runs.map((r) => ({ value: r.id, label: `${r.scenario.name} (${r.id})` })),
      ],
    },
  ],
  columns: [
    { header: 'Action', render: (a: CorrectiveAction) => a.text, className: 'strong' },
    { header: 'Element', render: (a) => a.element },
    { header: 'Owner', render: (a) => a.owner },
    { header: 'Start → due', render: (a) => `${a.start} → ${a.due}`, className: 'nowrap' },
    {
      header: 'Status',
      render: (a) => <span className={`tag status-${a.status}`}>{a.status.replace('-', ' ')}</span>,
    },
  ],
};
