import { DEFAULT_CADENCE } from '../../../shared/areas/runbooks/cadence';
import { DEFAULT_TEMPLATES } from '../../../shared/areas/runbooks/comms';
import {
  AUDIENCE_LABELS,
  AUDIENCES,
  SEVERITIES,
  TEMPLATE_FIELDS,
} from '../../../shared/areas/runbooks/schema';
import type { CollectionConfig } from '../../components/collection/field-types';

// A workbook's own comms templates (replacing the defaults in resources/comms/ per audience) and
// cadence rules (replacing the defaults per severity). A template naming an unknown field is
// refused, saying which and on which line.

export const templatesConfig: CollectionConfig<'runbooks.templates'> = {
  key: 'runbooks.templates',
  title: 'Comms templates',
  intro: `Your own wording per audience; without one, the app's default is used (${DEFAULT_TEMPLATES.map((t) => t.name).join(', ')}). Fields: ${TEMPLATE_FIELDS.map((f) => `{{${f}}}`).join(' ')}.`,
  idPrefix: 'tpl',
  emptyText: 'Using the default templates.',
  itemName: (t) => t.name,
  fields: [
    { key: 'name', label: 'Name', kind: 'text', required: true, size: 'lg' },
    {
      key: 'audience',
      label: 'Audience',
      kind: 'select',
      size: 'md',
      options: AUDIENCES.map((a) => ({ value: a, label: AUDIENCE_LABELS[a] })),
    },
    { key: 'body', label: 'Text', kind: 'longtext', required: true, size: 'full' },
  ],
  columns: [
    { header: 'Template', render: (t) => t.name, className: 'strong' },
    { header: 'Audience', render: (t) => AUDIENCE_LABELS[t.audience], className: 'nowrap' },
  ],
};

export const cadenceConfig: CollectionConfig<'runbooks.cadence'> = {
  key: 'runbooks.cadence',
  title: 'Comms cadence',
  intro: `How soon the first update is due after an incident opens, then how often. Defaults: ${Object.entries(
    DEFAULT_CADENCE,
  )
    .map(([s, c]) => `${s} ${c.firstMin} then every ${c.everyMin} min`)
    .join('; ')}.`,
  idPrefix: 'cad',
  emptyText: 'Using the default cadence.',
  itemName: (c) => `${c.severity} cadence`,
  fields: [
    {
      key: 'severity',
      label: 'Severity',
      kind: 'select',
      size: 'sm',
      options: SEVERITIES.map((s) => ({ value: s, label: s })),
    },
    { key: 'firstMin', label: 'First update within (min)', kind: 'number', required: true, size: 'md' },
    { key: 'everyMin', label: 'Then every (min)', kind: 'number', required: true, size: 'md' },
  ],
  columns: [
    { header: 'Severity', render: (c) => c.severity, className: 'strong' },
    { header: 'First update', render: (c) => `within ${c.firstMin} min`, className: 'nowrap' },
    { header: 'Then', render: (c) => `every ${c.everyMin} min`, className: 'nowrap' },
  ],
};
