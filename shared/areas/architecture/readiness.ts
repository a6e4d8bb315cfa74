import type { Workbook } from '../../schema/workbook';
import { canaryDefinition } from './canary';
import { type Environment, PARITY_ASPECTS, type ParityAspect } from './schema';

// Step 2 is complete when the deployment path, the rollback path and the exposure controls are
// documented and rehearsed. This rule says, for each, whether it is, and names every gap in a
// sentence someone can act on. Pure: the screen, the scorecard and any export read the same.

export type PathKey = 'deploy' | 'rollback' | 'exposure';

export interface PathReadiness {
  key: PathKey;
  label: string;
  documented: boolean;
  rehearsed: boolean;
  /** What is not written down. */
  undocumented: string[];
  /** What is written down but has not been tried (or failed when it was). */
  unrehearsed: string[];
}

export interface Readiness {
  ready: boolean;
  paths: PathReadiness[];
  /** Every gap, prefixed with its path ("Rollback path: ..."). */
  missing: string[];
}

export const ASPECT_LABEL: Record<ParityAspect, string> = {
  configuration: 'configuration and secrets',
  data: 'data (volume, shape, masking)',
  infrastructure: 'infrastructure and topology',
  integrations: 'third-party integrations',
  versions: 'dependency versions',
  access: 'identity and access',
  scale: 'traffic and scale',
  flags: 'feature flag states',
};

const PATH_LABEL: Record<PathKey, string> = {
  deploy: 'Deployment path',
  rollback: 'Rollback path',
  exposure: 'Exposure controls',
};

export function readiness(wb: Workbook): Readiness {
  const paths = [deployPath(wb), rollbackPath(wb), exposureControls(wb)];
  const missing = paths.flatMap((p) => [...p.undocumented, ...p.unrehearsed].map((m) => `${p.label}: ${m}`));
  return { ready: paths.every((p) => p.documented && p.rehearsed), paths, missing };
}

function result(key: PathKey, undocumented: string[], unrehearsed: string[]): PathReadiness {
  return {
    key,
    label: PATH_LABEL[key],
    documented: undocumented.length === 0,
    rehearsed: unrehearsed.length === 0,
    undocumented,
    unrehearsed,
  };
}

/** The pre-production environments a release is rehearsed in before production. */
export const preProduction = (wb: Workbook): Environment[] =>
  wb.architecture.environments.filter((e) => e.role === 'pre-production');

/** Aspects of an environment's parity checklist nobody has checked yet. */
export function uncheckedAspects(wb: Workbook, environmentId: string): ParityAspect[] {
  const checked = new Set(
    wb.architecture.parity.filter((p) => p.environmentId === environmentId).map((p) => p.aspect),
  );
  return PARITY_ASPECTS.filter((a) => !checked.has(a));
}

function deployPath(wb: Workbook): PathReadiness {
  const a = wb.architecture;
  const undocumented: string[] = [];
  if (!a.environments.some((e) => e.role === 'production'))
    undocumented.push('No production environment is listed.');
  const staging = preProduction(wb);
  if (staging.length === 0) undocumented.push('No pre-production environment to rehearse the release in.');
  if (!a.delivery.deployPath.trim())
    undocumented.push('How a release reaches production is not written down.');
  for (const env of staging) {
    const unchecked = uncheckedAspects(wb, env.id);
    if (unchecked.length > 0) {
      undocumented.push(
        `${env.name}: parity with production not checked for ${unchecked.map((x) => ASPECT_LABEL[x]).join(', ')}.`,
      );
    }
    for (const p of a.parity) {
      if (p.environmentId === env.id && p.risk === 'high' && !p.mitigation.trim()) {
        undocumented.push(
          `${env.name}: the high-risk difference in ${ASPECT_LABEL[p.aspect]} has no mitigation.`,
        );
      }
    }
  }
  const unrehearsed: string[] = [];
  const deployed = staging.filter((e) => e.deployedOn && e.version.trim());
  if (staging.length > 0 && deployed.length === 0) {
    unrehearsed.push(
      `The release has not been deployed to ${staging.map((e) => e.name).join(' or ')} (no release and date recorded).`,
    );
  }
  return result('deploy', undocumented, unrehearsed);
}

function rollbackPath(wb: Workbook): PathReadiness {
  const steps = wb.architecture.rollback;
  const undocumented: string[] = [];
  const unrehearsed: string[] = [];
  if (steps.length === 0) undocumented.push('No rollback steps are written down.');
  for (const s of steps) {
    if (!s.artifact.trim()) undocumented.push(`${s.component}: no versioned artifact to return to.`);
    if (!s.script.trim() && !s.runbook.trim())
      undocumented.push(`${s.component}: no rollback script or runbook.`);
    if (s.migration === 'irreversible' && !s.migrationPlan.trim()) {
      undocumented.push(
        `${s.component}: its migration cannot be reversed and no data plan says what happens instead.`,
      );
    }
    if (!s.rehearsal) unrehearsed.push(`${s.component}: never rehearsed.`);
    else if (s.rehearsal === 'failed')
      unrehearsed.push(`${s.component}: the last rehearsal (${s.rehearsedOn}) failed.`);
  }
  return result('rollback', undocumented, unrehearsed);
}

function exposureControls(wb: Workbook): PathReadiness {
  const a = wb.architecture;
  const undocumented: string[] = canaryDefinition(wb).missing.map((m) => `Canary — ${m}`);
  const b = a.blastRadius;
  if (!b.audience.trim()) undocumented.push('The blast radius does not say who is affected.');
  if (!b.regions.trim() && !b.tenants.trim())
    undocumented.push('The blast radius names no regions or tenants.');
  const first = wb.waves.waves[0];
  if (b.firstWaveCap === null)
    undocumented.push('No cap on how much of the audience a first wave may reach.');
  else if (first && first.audiencePercent > b.firstWaveCap) {
    undocumented.push(
      `${first.name} reaches ${first.audiencePercent}%, over the ${b.firstWaveCap}% first-wave cap.`,
    );
  }
  const switches = a.flags.filter((f) => f.killSwitch === 'yes');
  if (switches.length === 0) undocumented.push('No feature flag can switch the change off without a deploy.');
  const unrehearsed = switches
    .filter((f) => !f.testedOn)
    .map((f) => `The kill switch ${f.key} has never been tested.`);
  return result('exposure', undocumented, unrehearsed);
}
