import { ASPECT_LABEL } from '../../../shared/areas/architecture/readiness';
import {
  ENV_ROLES,
  type Environment,
  type Flag,
  MIGRATION_KINDS,
  PARITY_ASPECTS,
  PARITY_RISKS,
  type ParityCheck,
  type RollbackStep,
} from '../../../shared/areas/architecture/schema';
import type { CollectionConfig } from '../../components/collection/field-types';
import { useAppStore } from '../../store/app-store';

// The lists of step 2, edited with the generic list editor: environments, their parity checks,
// feature flags and rollback steps.

export const ROLE_LABEL: Record<Environment['role'], string> = {
  production: 'Production',
  'pre-production': 'Pre-production (staging)',
  test: 'Test',
  development: 'Development',
};

export const RISK_LABEL: Record<ParityCheck['risk'], string> = {
  none: 'Matches production',
  low: 'Differs: low risk',
  medium: 'Differs: medium risk',
  high: 'Differs: high risk',
};

const MIGRATION_LABEL: Record<RollbackStep['migration'], string> = {
  none: 'No data change',
  reversible: 'Reversible',
  irreversible: 'Cannot be reversed',
};

const REHEARSAL_LABEL: Record<RollbackStep['rehearsal'], string> = {
  '': 'Not rehearsed',
  passed: 'Passed',
  failed: 'Failed',
};

const muted = (text: string) => <span className="muted">{text}</span>;

export const environmentsConfig: CollectionConfig<'architecture.environments'> = {
  key: 'architecture.environments',
  title: 'Environments',
  intro: 'Where the release runs on its way to users, and which release each runs now.',
  idPrefix: 'env',
  emptyText: 'No environments yet — add production and the staging you rehearse in.',
  itemName: (e) => e.name,
  fields: [
    { key: 'name', label: 'Environment', kind: 'text', required: true, size: 'lg' },
    {
      key: 'role',
      label: 'Role',
      kind: 'select',
      size: 'lg',
      options: ENV_ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] })),
    },
    { key: 'region', label: 'Region', kind: 'text', size: 'lg' },
    { key: 'version', label: 'Release running', kind: 'text', size: 'md', placeholder: 'e.g. 1.4.2' },
    {
      key: 'deployedOn',
      label: 'Deployed on',
      kind: 'date',
      size: 'md',
      hint: 'For pre-production, this is the rehearsal of the deployment.',
    },
    { key: 'notes', label: 'Notes', kind: 'longtext', size: 'full' },
  ],
  columns: [
    { header: 'Environment', render: (e: Environment) => e.name, className: 'strong' },
    { header: 'Role', render: (e) => ROLE_LABEL[e.role] },
    { header: 'Region', render: (e) => e.region || muted('—') },
    { header: 'Release', render: (e) => e.version || muted('—'), className: 'nowrap' },
    { header: 'Deployed', render: (e) => e.deployedOn || muted('not yet'), className: 'nowrap' },
  ],
};

export const parityConfig: CollectionConfig<'architecture.parity'> = {
  key: 'architecture.parity',
  title: 'Parity checks',
  intro:
    'Each aspect of an environment checked against production: what differs, how risky, and what covers it.',
  idPrefix: 'par',
  emptyText: 'No parity checks yet — check staging against production, aspect by aspect.',
  itemName: (p) => ASPECT_LABEL[p.aspect],
  fields: [
    {
      key: 'environmentId',
      label: 'Environment',
      kind: 'select',
      size: 'lg',
      optionsFrom: (wb) =>
        wb.architecture.environments
          .filter((e) => e.role !== 'production')
          .map((e) => ({ value: e.id, label: e.name })),
    },
    {
      key: 'aspect',
      label: 'Aspect',
      kind: 'select',
      size: 'lg',
      options: PARITY_ASPECTS.map((a) => ({ value: a, label: ASPECT_LABEL[a] })),
    },
    {
      key: 'risk',
      label: 'Against production',
      kind: 'select',
      size: 'lg',
      options: PARITY_RISKS.map((r) => ({ value: r, label: RISK_LABEL[r] })),
    },
    { key: 'difference', label: 'What differs', kind: 'longtext', size: 'full' },
    { key: 'mitigation', label: 'Mitigation', kind: 'longtext', size: 'full' },
  ],
  columns: [
    { header: 'Environment', render: (p: ParityCheck) => <EnvName id={p.environmentId} /> },
    { header: 'Aspect', render: (p) => ASPECT_LABEL[p.aspect], className: 'strong' },
    {
      header: 'Against production',
      render: (p) => (
        <span className={p.risk === 'high' ? 'tag tag-warn' : undefined}>{RISK_LABEL[p.risk]}</span>
      ),
    },
    { header: 'What differs', render: (p) => p.difference || muted('—') },
    { header: 'Mitigation', render: (p) => p.mitigation || muted('—') },
  ],
};

/** An environment's name, or what is left of it once deleted. */
function EnvName({ id }: { id: string }) {
  const name = useAppStore(
    (s) => s.session?.workbook?.architecture.environments.find((e) => e.id === id)?.name,
  );
  return name ?? muted(`deleted (${id})`);
}

export const flagsConfig: CollectionConfig<'architecture.flags'> = {
  key: 'architecture.flags',
  title: 'Feature flags',
  intro:
    'Flags separate deploying from exposing. A kill switch turns the change off at once, without a deploy.',
  idPrefix: 'flag',
  emptyText: 'No flags yet — add the one that can switch the change off.',
  itemName: (f) => f.key,
  fields: [
    { key: 'key', label: 'Flag', kind: 'text', required: true, size: 'lg' },
    { key: 'controls', label: 'What it controls', kind: 'text', size: 'xl' },
    {
      key: 'killSwitch',
      label: 'Kill switch',
      kind: 'select',
      size: 'lg',
      options: [
        { value: 'yes', label: 'Yes: turns it off, no deploy' },
        { value: 'no', label: 'No' },
      ],
    },
    { key: 'testedOn', label: 'Kill switch tested on', kind: 'date', size: 'md' },
    { key: 'owner', label: 'Owner', kind: 'text', size: 'md' },
  ],
  columns: [
    { header: 'Flag', render: (f: Flag) => <code>{f.key}</code>, className: 'strong' },
    { header: 'Controls', render: (f) => f.controls || muted('—') },
    { header: 'Kill switch', render: (f) => (f.killSwitch === 'yes' ? 'Yes' : 'No') },
    {
      header: 'Tested',
      render: (f) =>
        f.killSwitch === 'no' ? muted('—') : f.testedOn || <span className="tag tag-warn">never</span>,
      className: 'nowrap',
    },
    { header: 'Owner', render: (f) => f.owner || muted('—') },
  ],
};

export const rollbackConfig: CollectionConfig<'architecture.rollback'> = {
  key: 'architecture.rollback',
  title: 'Rollback steps',
  intro: 'Everything that must go back, what it goes back to, how, and when that was last rehearsed.',
  idPrefix: 'rb',
  emptyText: 'No rollback steps yet — start with the service and its database.',
  itemName: (r) => r.component,
  fields: [
    { key: 'component', label: 'What rolls back', kind: 'text', required: true, size: 'lg' },
    {
      key: 'artifact',
      label: 'Versioned artifact to return to',
      kind: 'text',
      size: 'xl',
      placeholder: 'e.g. sales-api 1.4.1, image digest sha256:…',
    },
    {
      key: 'migration',
      label: 'Database migration',
      kind: 'select',
      size: 'md',
      options: MIGRATION_KINDS.map((m) => ({ value: m, label: MIGRATION_LABEL[m] })),
    },
    { key: 'migrationPlan', label: 'Data plan', kind: 'longtext', size: 'full' },
    { key: 'script', label: 'Rollback script', kind: 'text', size: 'lg' },
    { key: 'runbook', label: 'Runbook (name or link)', kind: 'text', size: 'lg' },
    { key: 'rehearsedOn', label: 'Last rehearsed on', kind: 'date', size: 'md' },
    {
      key: 'rehearsal',
      label: 'Result',
      kind: 'select',
      size: 'md',
      options: (['', 'passed', 'failed'] as const).map((r) => ({ value: r, label: REHEARSAL_LABEL[r] })),
    },
    { key: 'rehearsalNote', label: 'Rehearsal note', kind: 'text', size: 'full' },
  ],
  columns: [
    { header: 'What', render: (r: RollbackStep) => r.component, className: 'strong' },
    { header: 'Back to', render: (r) => r.artifact || <span className="tag tag-warn">no artifact</span> },
    { header: 'Migration', render: (r) => MIGRATION_LABEL[r.migration] },
    { header: 'How', render: (r) => [r.script, r.runbook].filter(Boolean).join('; ') || muted('—') },
    {
      header: 'Last rehearsal',
      render: (r) =>
        r.rehearsal ? (
          <span className={r.rehearsal === 'failed' ? 'tag tag-warn' : undefined}>
            {REHEARSAL_LABEL[r.rehearsal]} on {r.rehearsedOn}
          </span>
        ) : (
          <span className="tag tag-warn">never</span>
        ),
    },
  ],
};
