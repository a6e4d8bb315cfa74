import { readSbom } from '../../shared/areas/architecture/sbom/read-sbom';
import { MAX_LEFT_OUT_KEPT } from '../../shared/areas/architecture/schema';
import type { Command } from '../../shared/domain/commands';
import type { Identity } from '../../shared/domain/identity';
import production from '../../tests/fixtures/sbom/compass-sync-production.spdx.json';
import staging from '../../tests/fixtures/sbom/compass-sync-staging.cdx.json';

// The sample's step 2, as Jun, Dmitri and Amara wrote it in the week before wave 1: two
// environments and a parity checklist with three real gaps, the flags and their kill switches,
// the rollback steps and their rehearsal on 30 October, the canary (wave 1), the blast radius,
// and an inventory imported from each environment's SBOM through the same reader the app uses:
// production was built with an older axios than staging, and its SBOM declares "MPL 2.0".
// At the end the go-baseline check of wave 2 follows what this area reports.

type At = (offset: number, who: Identity, command: Command) => void;

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const amara = { name: 'Amara Okafor', role: 'Rollout owner' };
const dmitri = { name: 'Dmitri Halloran', role: 'Incident commander' };
const jun = { name: 'Jun Park', role: 'Platform SRE' };

export function architectureChapter(at: At): void {
  const add = (offset: number, who: Identity, collection: string, item: Record<string, unknown>) =>
    at(offset, who, { type: 'item.add', collection, item } as Command);

  const t = -8 * DAY;
  add(t, jun, 'architecture.environments', {
    id: 'env-prod',
    name: 'Production',
    role: 'production',
    region: 'EU West (Dublin)',
    version: '1.4.2',
    deployedOn: '2026-11-18',
    notes: 'One Compass tenant; releases reach users only through the flags below.',
  });
  add(t + MIN, jun, 'architecture.environments', {
    id: 'env-staging',
    name: 'Staging',
    role: 'pre-production',
    region: 'EU West (Dublin)',
    version: '1.4.2',
    deployedOn: '2026-11-12',
    notes: 'Refreshed from production every Sunday night, masked.',
  });
  const parity: [string, string, string, string][] = [
    ['configuration', 'none', '', ''],
    [
      'data',
      'medium',
      'A masked copy at a tenth of production volume.',
      'Quote import replayed at full volume on 10 Nov.',
    ],
    ['infrastructure', 'none', '', ''],
    [
      'integrations',
      'high',
      'Talks to the ERP sandbox, not the live ERP.',
      'Contract tests against the ERP team suite; wave 1 gates on sync lag.',
    ],
    ['versions', 'none', '', ''],
    ['access', 'none', '', ''],
    ['scale', 'medium', 'Two sync workers instead of six.', 'Load test at 3× wave-3 traffic on 11 Nov.'],
    ['flags', 'low', 'Every flag is on for all of staging.', ''],
  ];
  for (const [i, [aspect, risk, difference, mitigation]] of parity.entries()) {
    add(t + (2 + i) * MIN, jun, 'architecture.parity', {
      id: `par-staging-${aspect}`,
      environmentId: 'env-staging',
      aspect,
      risk,
      difference,
      mitigation,
    });
  }

  const f = -7 * DAY;
  add(f, jun, 'architecture.flags', {
    id: 'flag-compass-ui',
    key: 'compass-sales-workspace',
    controls: 'Sends reps to Compass instead of Ledger when they sign in.',
    killSwitch: 'yes',
    testedOn: '2026-11-13',
    owner: 'Jun Park',
  });
  add(f + MIN, jun, 'architecture.flags', {
    id: 'flag-erp-events',
    key: 'erp-event-sync',
    controls: 'Event-driven order sync; off falls back to the nightly batch.',
    killSwitch: 'yes',
    testedOn: '2026-11-13',
    owner: 'Integration team',
  });
  add(f + 2 * MIN, jun, 'architecture.flags', {
    id: 'flag-quote-templates',
    key: 'quote-templates-v2',
    controls: 'The four new locked quote templates.',
    killSwitch: 'no',
    testedOn: '',
    owner: 'Tomás Ekwueme',
  });

  const r = -6 * DAY;
  const rehearsed = { rehearsedOn: '2026-10-30', rehearsal: 'passed' };
  add(r, dmitri, 'architecture.rollback', {
    id: 'rb-sync',
    component: 'Compass sync service',
    artifact: 'compass-sync 1.4.1 (image digest sha256:9f41…c2d7, kept in the registry)',
    migration: 'none',
    migrationPlan: '',
    script: 'deploy/rollback.sh compass-sync 1.4.1',
    runbook: 'RB-12 Compass rollback',
    ...rehearsed,
    rehearsalNote: '18 minutes end to end on staging.',
  });
  add(r + MIN, dmitri, 'architecture.rollback', {
    id: 'rb-db',
    component: 'CRM database',
    artifact: 'Schema 41 (migration 0042 reverted)',
    migration: 'reversible',
    migrationPlan:
      'Down migration 0042 drops the new quote columns; run it after the service is back on 1.4.1.',
    script: 'npm run migrate -- down 0042',
    runbook: 'RB-12 Compass rollback',
    ...rehearsed,
    rehearsalNote: 'Down migration took 4 minutes on the staging copy.',
  });
  add(r + 2 * MIN, dmitri, 'architecture.rollback', {
    id: 'rb-sso',
    component: 'SSO routing',
    artifact: 'Okta app configuration v17',
    migration: 'none',
    migrationPlan: '',
    script: '',
    runbook: 'RB-14 Sign-in fallback to Ledger',
    ...rehearsed,
    rehearsalNote: 'Reps were back on Ledger sign-in within 2 minutes.',
  });

  const d = -5 * DAY;
  at(d, amara, {
    type: 'architecture.delivery-set',
    deployPath:
      'CI builds one image per release; Argo CD promotes that same digest from Staging to Production once the CAB approves. Users reach it only as the flags open, wave by wave.',
    canaryWaveId: 'wave-1',
    baseRevision: 0,
  });
  at(d + MIN, amara, {
    type: 'architecture.blast-radius-set',
    audience: 'Fernhill sales reps: about 40 in wave 1, 240 by wave 3. Customers never see Compass.',
    regions: 'Leeds office first, then UK and Ireland, then every region.',
    tenants: 'One Compass tenant (fernhill-prod); no data leaves the EU.',
    firstWaveCap: 10,
    baseRevision: 0,
  });

  importSbom(at, -8 * DAY + HOUR, 'env-staging', 'compass-sync-staging.cdx.json', staging);
  importSbom(at, -3 * DAY - 7 * HOUR, 'env-prod', 'compass-sync-production.spdx.json', production);

  at(-3 * HOUR - 50 * MIN, jun, {
    type: 'scorecard.assess',
    id: 'as-wave-2-go-baseline',
    waveId: 'wave-2',
    itemId: 'go-baseline',
    status: 'follow',
    evidence: '',
    reason: 'Follows the architecture readiness from now on.',
    baseRevision: 0,
  });
}

/** Reads an SBOM with the app's own reader and imports what it gives, as the screen would. */
function importSbom(at: At, offset: number, environmentId: string, fileName: string, doc: unknown) {
  const read = readSbom(doc);
  if (!read.ok) throw new Error(`sample SBOM ${fileName} was refused: ${read.refusal.reason}`);
  const { sbom } = read;
  at(offset, jun, {
    type: 'architecture.inventory-import',
    id: `inv-${environmentId}`,
    environmentId,
    fileName,
    format: sbom.format,
    specVersion: sbom.specVersion,
    subject: sbom.subject,
    tools: sbom.tools,
    components: sbom.components,
    leftOut: sbom.leftOut.slice(0, MAX_LEFT_OUT_KEPT),
    leftOutCount: sbom.leftOut.length,
  });
}
