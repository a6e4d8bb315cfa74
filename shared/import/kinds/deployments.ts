import type { DeploymentsImportCommand } from '../../areas/waves/dora-import-commands';
import { type DeployedCommitRow, groupDeployedCommits } from '../../areas/waves/dora-link';
import type { Deployment } from '../../areas/waves/schema';
import type { Workbook } from '../../schema/workbook';
import type { ImportKind } from '../types';
import { utcText } from './readings-rules';

// Deployments as pipelines export them: one row per deployment, or one row per commit a
// deployment shipped (Apache DevLake's cicd_deployment_commits, a Four Keys deployments table
// unnested). Rows are grouped by deployment id (dora-link.ts says how); other environments are
// left out, counted; a deployment already in the workbook, or a commit given twice, is a bad row.

export interface DeploymentsSlice {
  deployments: readonly Deployment[];
}

export interface DeploymentsContext {
  known: Set<string>;
}

export type DeploymentRow = DeployedCommitRow & { version: string };

const SUCCESS = /^(success|succeeded|successful|ok|passed|done|deployed)$/i;
const FAILURE = /^(failure|failed|fail|error|errored|aborted|cancell?ed)$/i;

export const deploymentsKind: ImportKind<
  DeploymentsSlice,
  DeploymentsContext,
  DeploymentRow,
  DeploymentsImportCommand
> = {
  id: 'deployments',
  noun: 'deployment row',
  nouns: 'deployment rows',
  fields: [
    {
      key: 'deployment',
      label: 'Deployment id',
      type: 'text',
      required: true,
      hints: ['deployment_id', 'deploy_id', 'deployment', 'pipeline', 'run'],
    },
    {
      key: 'finished',
      label: 'Deployed at',
      type: 'time',
      required: true,
      hints: ['finished', 'deployed', 'time_created', 'completed', 'date', 'time'],
    },
    {
      key: 'service',
      label: 'Service or project',
      type: 'text',
      required: false,
      hints: ['service', 'project', 'app', 'repo'],
    },
    {
      key: 'environment',
      label: 'Environment',
      type: 'text',
      required: false,
      hints: ['environment', 'env'],
    },
    {
      key: 'result',
      label: 'Result',
      type: 'text',
      required: false,
      hints: ['result', 'status', 'state', 'outcome'],
    },
    { key: 'version', label: 'Version', type: 'text', required: false, hints: ['version', 'tag', 'release'] },
    {
      key: 'commit',
      label: 'Commit or change',
      type: 'text',
      required: false,
      hints: ['commit_sha', 'sha', 'change_id', 'commit'],
    },
    {
      key: 'committed',
      label: 'Committed at',
      type: 'time',
      required: false,
      hints: ['committed', 'commit_time', 'authored', 'merged'],
    },
  ],
  layouts: ['table'],
  slice: (wb) => ({ deployments: (wb as Workbook).waves.deployments }),
  context: (slice) => ({ known: new Set(slice.deployments.map((d) => d.ref).filter(Boolean)) }),
  checker(ctx, mapping) {
    const envMapped = mapping.fields.environment != null;
    const seen = new Map<string, number>();
    return {
      check(record) {
        const v = record.values;
        const deployment = String(v.deployment);
        if (ctx.known.has(deployment)) {
          return { ok: false, reason: `deployment '${deployment}' is already in this workbook` };
        }
        const environment = envMapped ? String(v.environment ?? '') : null;
        if (environment !== null && !/^prod(uction)?$/i.test(environment.trim())) {
          return { ok: 'skip', why: `not production (${environment.trim() || 'no environment named'})` };
        }
        const result = v.result === null ? 'success' : String(v.result);
        if (!SUCCESS.test(result) && !FAILURE.test(result)) {
          return { ok: false, reason: `result '${result}' says neither success nor failure` };
        }
        const commit = v.commit === null ? '' : String(v.commit);
        const key = `${deployment}\u0000${commit}`;
        const first = seen.get(key);
        if (first !== undefined) {
          return {
            ok: false,
            reason: `row ${first} already gives deployment '${deployment}'${commit ? ` with commit '${commit}'` : ''}`,
          };
        }
        seen.set(key, record.row);
        const finishedAt = v.finished as number;
        const committedAt = v.committed === null ? null : (v.committed as number);
        return {
          ok: true,
          item: {
            row: record.row,
            deployment,
            service: v.service === null ? '' : String(v.service),
            environment,
            succeeded: SUCCESS.test(result),
            finishedAt,
            commit,
            committedAt,
            version: v.version === null ? '' : String(v.version),
          },
          shown: {
            deployment,
            service: v.service === null ? '' : String(v.service),
            at: utcText(finishedAt),
            result: SUCCESS.test(result) ? 'succeeded' : 'failed',
            commit: commit ? `${commit}${committedAt === null ? '' : ` (${utcText(committedAt)})`}` : '',
          },
        };
      },
    };
  },
  preview: [
    { key: 'deployment', label: 'Deployment' },
    { key: 'service', label: 'Service' },
    { key: 'at', label: 'Deployed (UTC)' },
    { key: 'result', label: 'Result' },
    { key: 'commit', label: 'Commit' },
  ],
  command(items, mapping, meta) {
    const versions = new Map(items.map((i) => [i.deployment, i.version]));
    const { deployments } = groupDeployedCommits(items);
    return {
      type: 'wave.deployments-import',
      id: meta.id,
      fileName: meta.fileName,
      source: mapping.source.trim(),
      deployments: deployments.map((d) => ({
        rows: d.rows,
        record: {
          ref: d.ref,
          at: new Date(d.at).toISOString(),
          service: d.service,
          version: versions.get(d.ref) ?? '',
          status: d.succeeded ? ('success' as const) : ('failure' as const),
          waveId: '',
          // Lead time is measured from the commit time: a commit exported without one cannot
          // be measured, so it is not kept as a change.
          changes: d.changes
            .filter((c) => c.ref !== '' && c.committedAt !== null)
            .map((c) => ({ ref: c.ref, committedAt: new Date(c.committedAt!).toISOString() })),
        },
      })),
    };
  },
  maxItems: 200_000,
};
