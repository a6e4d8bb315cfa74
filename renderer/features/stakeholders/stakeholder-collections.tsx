import { adkarBarrier, COVERAGE_LABEL, missingRoles } from '../../../shared/areas/stakeholders/rules';
import {
  AUDIENCES,
  type Checkin,
  type CommsItem,
  type DecisionRight,
  OBJECTION_STATUSES,
  type Objection,
  type Person,
  STAKEHOLDER_ROLES,
  type StakeholderGroup,
} from '../../../shared/areas/stakeholders/schema';
import type { Workbook } from '../../../shared/schema/workbook';
import type { CollectionConfig, FieldOption } from '../../components/collection/field-types';

// The editable lists of step 3, configured for the generic editor. Option lists come from the
// schema's constants with label maps typed by them, so a new value is a compile error until it
// has a label.

const options = <T extends string>(values: readonly T[], labels: Record<T, string>): FieldOption[] =>
  values.map((value) => ({ value, label: labels[value] }));

export const ROLE_LABEL: Record<StakeholderGroup['role'], string> = {
  recipient: 'Recipient',
  sponsor: 'Sponsor',
  influencer: 'Influencer',
};
export const AUDIENCE_LABEL: Record<CommsItem['audience'], string> = {
  executives: 'Executives: risk and outcomes',
  managers: 'Managers: process shifts',
  'end-users': 'End users: what changes Monday',
};
const STATUS_LABEL: Record<Objection['status'], string> = {
  open: 'Open',
  answered: 'Answered',
  closed: 'Closed',
};

const groupOptions = (wb: Workbook): FieldOption[] =>
  wb.stakeholders.groups.map((g) => ({ value: g.id, label: g.name }));
const groupName = (wb: Workbook | undefined, id: string) =>
  wb?.stakeholders.groups.find((g) => g.id === id)?.name ?? id;

const muted = (text: string) => <span className="muted">{text}</span>;

export const groupsConfig: CollectionConfig<'stakeholders.groups'> = {
  key: 'stakeholders.groups',
  title: 'Groups',
  intro: 'Everyone whose work changes, who backs the change, or who sways others, by group.',
  idPrefix: 'sg',
  emptyText: 'No groups yet — add one, or import people from a directory export.',
  itemName: (g) => g.name,
  fields: [
    { key: 'name', label: 'Group', kind: 'text', required: true, size: 'lg' },
    { key: 'size', label: 'People', kind: 'number', required: true, size: 'sm' },
    {
      key: 'role',
      label: 'Role in the change',
      kind: 'select',
      size: 'md',
      options: options(STAKEHOLDER_ROLES, ROLE_LABEL),
    },
    { key: 'major', label: 'Major group (held to the coverage rule)', kind: 'boolean', size: 'lg' },
    { key: 'sponsor', label: 'Sponsor', kind: 'text', size: 'md' },
    { key: 'champions', label: 'Champions', kind: 'list', size: 'md', hint: 'One name a line.' },
    { key: 'commsOwner', label: 'Training/comms owner', kind: 'text', size: 'md' },
    { key: 'mondayChange', label: 'What changes Monday morning', kind: 'longtext', size: 'full' },
  ],
  columns: [
    { header: 'Group', render: (g: StakeholderGroup) => g.name, className: 'strong' },
    { header: 'Role', render: (g) => `${ROLE_LABEL[g.role]}${g.major ? ', major' : ''}` },
    { header: 'People', render: (g) => g.size.toLocaleString('en'), className: 'num' },
    {
      header: 'Covered',
      render: (g) => {
        const missing = missingRoles(g);
        if (!g.major) return muted('not major');
        return missing.length ? `No ${missing.map((m) => COVERAGE_LABEL[m]).join(', no ')}` : 'Yes';
      },
    },
  ],
};

export const peopleConfig: CollectionConfig<'stakeholders.people'> = {
  key: 'stakeholders.people',
  title: 'People',
  intro: 'Named people: who they are, which groups they belong to, and how to reach them.',
  idPrefix: 'p',
  emptyText: 'No people yet.',
  itemName: (p) => p.name,
  fields: [
    { key: 'name', label: 'Name', kind: 'text', required: true, size: 'lg' },
    { key: 'title', label: 'Title', kind: 'text', size: 'md' },
    { key: 'groupIds', label: 'Groups', kind: 'multi', size: 'full', optionsFrom: groupOptions },
    { key: 'location', label: 'Location', kind: 'text', size: 'md' },
    { key: 'manager', label: 'Manager', kind: 'text', size: 'md' },
    { key: 'email', label: 'E-mail', kind: 'text', size: 'lg' },
    { key: 'notes', label: 'Notes', kind: 'longtext', size: 'full' },
  ],
  columns: [
    { header: 'Name', render: (p: Person) => p.name, className: 'strong' },
    { header: 'Title', render: (p) => p.title || muted('—') },
    { header: 'Location', render: (p) => p.location || muted('—') },
    { header: 'E-mail', render: (p) => p.email || muted('—') },
  ],
};

export const ADKAR_LABEL = {
  awareness: 'Awareness',
  desire: 'Desire',
  knowledge: 'Knowledge',
  ability: 'Ability',
  reinforcement: 'Reinforcement',
} as const;

const score = (key: keyof typeof ADKAR_LABEL) =>
  ({ key, label: `${ADKAR_LABEL[key]} (1–5)`, kind: 'number', required: true, size: 'sm' }) as const;

export const checkinsConfig = (wb: Workbook | undefined): CollectionConfig<'stakeholders.checkins'> => ({
  key: 'stakeholders.checkins',
  title: 'ADKAR check-ins',
  intro: 'Each group scored 1–5 on awareness, desire, knowledge, ability and reinforcement, on a date.',
  idPrefix: 'ck',
  emptyText: 'No check-ins yet.',
  itemName: (c) => `${groupName(wb, c.groupId)} on ${c.day}`,
  fields: [
    { key: 'groupId', label: 'Group', kind: 'select', required: true, size: 'lg', optionsFrom: groupOptions },
    { key: 'day', label: 'Date', kind: 'date', required: true, size: 'md' },
    score('awareness'),
    score('desire'),
    score('knowledge'),
    score('ability'),
    score('reinforcement'),
    { key: 'notes', label: 'Notes', kind: 'longtext', size: 'full' },
  ],
  columns: [
    { header: 'Group', render: (c: Checkin) => groupName(wb, c.groupId), className: 'strong' },
    { header: 'Date', render: (c) => c.day, className: 'nowrap' },
    {
      header: 'A-D-K-A-R',
      render: (c) => `${c.awareness}-${c.desire}-${c.knowledge}-${c.ability}-${c.reinforcement}`,
    },
    {
      header: 'Barrier',
      render: (c) => {
        const b = adkarBarrier(c);
        return b ? <strong>{ADKAR_LABEL[b]}</strong> : muted('none');
      },
    },
  ],
});

export const objectionsConfig = (wb: Workbook | undefined): CollectionConfig<'stakeholders.objections'> => ({
  key: 'stakeholders.objections',
  title: 'Resistance log',
  intro: 'Objections are signals: who raised what, when, under which theme, and what was answered.',
  idPrefix: 'ob',
  emptyText: 'No objections logged.',
  itemName: (o) => o.what,
  fields: [
    { key: 'what', label: 'Objection', kind: 'longtext', required: true, size: 'full' },
    { key: 'person', label: 'Raised by', kind: 'text', size: 'md' },
    {
      key: 'groupId',
      label: 'Group',
      kind: 'select',
      size: 'md',
      optionsFrom: (w) => [{ value: '', label: '(none)' }, ...groupOptions(w)],
    },
    { key: 'raisedOn', label: 'Raised on', kind: 'date', required: true, size: 'md' },
    { key: 'theme', label: 'Theme', kind: 'text', required: true, size: 'md' },
    {
      key: 'status',
      label: 'Status',
      kind: 'select',
      size: 'sm',
      options: options(OBJECTION_STATUSES, STATUS_LABEL),
    },
    { key: 'response', label: 'Response', kind: 'longtext', size: 'full' },
  ],
  columns: [
    { header: 'Objection', render: (o: Objection) => o.what, className: 'strong' },
    {
      header: 'From',
      render: (o) =>
        [o.person, o.groupId ? groupName(wb, o.groupId) : ''].filter(Boolean).join(', ') || muted('—'),
    },
    { header: 'Theme', render: (o) => o.theme },
    { header: 'Raised', render: (o) => o.raisedOn, className: 'nowrap' },
    { header: 'Status', render: (o) => STATUS_LABEL[o.status] },
  ],
});

export const commsConfig: CollectionConfig<'stakeholders.comms'> = {
  key: 'stakeholders.comms',
  title: 'Communications plan',
  intro: 'What each audience is told, how, by whom and by when.',
  idPrefix: 'cm',
  emptyText: 'No messages planned.',
  itemName: (c) => c.message,
  fields: [
    {
      key: 'audience',
      label: 'Audience',
      kind: 'select',
      size: 'lg',
      options: options(AUDIENCES, AUDIENCE_LABEL),
    },
    { key: 'message', label: 'Message', kind: 'longtext', required: true, size: 'full' },
    { key: 'channel', label: 'Channel', kind: 'text', size: 'md' },
    { key: 'owner', label: 'Owner', kind: 'text', size: 'md' },
    { key: 'due', label: 'Due', kind: 'date', required: true, size: 'md' },
    { key: 'sent', label: 'Sent', kind: 'boolean', size: 'sm' },
  ],
  columns: [
    { header: 'Audience', render: (c: CommsItem) => AUDIENCE_LABEL[c.audience] },
    { header: 'Message', render: (c) => c.message, className: 'strong' },
    { header: 'Channel', render: (c) => c.channel || muted('—') },
    { header: 'Owner', render: (c) => c.owner || muted('No owner') },
    { header: 'Due', render: (c) => c.due, className: 'nowrap' },
    { header: 'Sent', render: (c) => (c.sent ? 'Sent' : 'Not sent') },
  ],
};

export const decisionsConfig: CollectionConfig<'stakeholders.decisions'> = {
  key: 'stakeholders.decisions',
  title: 'Decision rights',
  intro: 'Who decides, who it escalates to, who tells people, and who may call a no-go.',
  idPrefix: 'dr',
  emptyText: 'No decision rights recorded.',
  itemName: (d) => d.decision,
  fields: [
    { key: 'decision', label: 'Decision', kind: 'text', required: true, size: 'lg' },
    { key: 'decides', label: 'Decides (person or role)', kind: 'text', required: true, size: 'md' },
    { key: 'escalatesTo', label: 'Escalates to', kind: 'text', size: 'md' },
    { key: 'communicates', label: 'Communicates', kind: 'text', size: 'md' },
    { key: 'noGo', label: 'May call a no-go', kind: 'boolean', size: 'md' },
  ],
  columns: [
    { header: 'Decision', render: (d: DecisionRight) => d.decision, className: 'strong' },
    { header: 'Decides', render: (d) => d.decides },
    { header: 'Escalates to', render: (d) => d.escalatesTo || muted('nobody') },
    { header: 'Communicates', render: (d) => d.communicates || muted('—') },
    { header: 'No-go', render: (d) => (d.noGo ? 'May call' : muted('no')) },
  ],
};
