// Records as delivery tools export them, turned into this workbook's deployments and incident
// links. Pipelines export one row per deployed commit (Apache DevLake's cicd_deployment_commits,
// a Four Keys deployments table unnested); incident tools rarely say which deployment caused an
// incident. The rules are DevLake's, checked against its own test data in tests/realworld/:
// - a deployment is its rows grouped by deployment id, production only; it succeeded when any of
//   its commits did, and counts from the first of its successful commits to finish;
// - an incident with no named cause is attributed to the latest successful production deployment
//   of the same service (project) that finished at or before the incident was opened.

export interface DeployedCommitRow {
  /** The source's row number, for messages. */
  row: number;
  deployment: string;
  service: string;
  /** Null when the export has no environment column (then every row is production). */
  environment: string | null;
  succeeded: boolean;
  finishedAt: number;
  commit: string;
  /** When the change was committed, if the export says; lead time needs it. */
  committedAt: number | null;
}

export interface GroupedDeployment {
  ref: string;
  service: string;
  at: number;
  succeeded: boolean;
  changes: { ref: string; committedAt: number | null }[];
  rows: number[];
}

const PRODUCTION = /^prod(uction)?$/i;

/** Rows of other (or no named) environments are left out by rule; the caller says so (`left`). */
export function groupDeployedCommits(rows: readonly DeployedCommitRow[]): {
  deployments: GroupedDeployment[];
  left: DeployedCommitRow[];
} {
  const byRef = new Map<string, DeployedCommitRow[]>();
  const left: DeployedCommitRow[] = [];
  for (const r of rows) {
    if (r.environment !== null && !PRODUCTION.test(r.environment.trim())) {
      left.push(r);
      continue;
    }
    byRef.set(r.deployment, [...(byRef.get(r.deployment) ?? []), r]);
  }
  const deployments = [...byRef].map(([ref, group]) => {
    const ok = group.filter((r) => r.succeeded);
    const counted = ok.length > 0 ? ok : group;
    return {
      ref,
      service: group[0]!.service,
      at: Math.min(...counted.map((r) => r.finishedAt)),
      succeeded: ok.length > 0,
      changes: group.map((r) => ({ ref: r.commit, committedAt: r.committedAt })),
      rows: group.map((r) => r.row),
    };
  });
  return { deployments, left };
}

/** The deployment each incident is attributed to, by the rule above; null when none precedes it. */
export function attributeIncidents<
  D extends { ref: string; service: string; at: number; succeeded: boolean },
>(
  deployments: readonly D[],
  incidents: readonly { ref: string; service: string; openedAt: number }[],
): Map<string, D | null> {
  const out = new Map<string, D | null>();
  for (const incident of incidents) {
    let best: D | null = null;
    for (const d of deployments) {
      if (!d.succeeded || d.service !== incident.service || d.at > incident.openedAt) continue;
      if (!best || d.at > best.at) best = d;
    }
    out.set(incident.ref, best);
  }
  return out;
}
