import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fourKeys } from '../../shared/areas/waves/dora';
import {
  attributeIncidents,
  type DeployedCommitRow,
  groupDeployedCommits,
} from '../../shared/areas/waves/dora-link';
import type { Deployment } from '../../shared/areas/waves/schema';
import { execute, openDoc } from '../../shared/domain/history';
import { parseTime } from '../../shared/import/cells';
import { decodeCsv, parseCsv, sniffDelimiter } from '../../shared/import/csv';
import { deploymentsKind } from '../../shared/import/kinds/deployments';
import { incidentsKind } from '../../shared/import/kinds/incidents';
import { blankMapping } from '../../shared/import/layout';
import { runImport } from '../../shared/import/run';
import type { ImportKind, Mapping } from '../../shared/import/types';
import { ZoneClock } from '../../shared/import/zones';
import { emptyWorkbook, type Workbook } from '../../shared/schema/workbook';

// Apache DevLake's DORA plugin test data (../shared/realworld/dora/devlake-e2e; see
// DEVLAKE-E2E-NOTES.md) checks the formulas where they apply: its deployment commits import
// through the deployments kind; its incidents through the incidents kind; grouping and
// attribution reproduce its EXPECTED incident → deployment links; and per-change lead time
// (deploy − merge, non-positive dropped) reproduces its pr_deploy_time minutes.

const DIR = resolve(import.meta.dirname, '../../../shared/realworld/dora/devlake-e2e');
const present = existsSync(DIR);
const UTC = new ZoneClock('UTC');

function table(file: string): Record<string, string>[] {
  const decoded = decodeCsv(readFileSync(join(DIR, file)), file);
  if (!decoded.ok) throw new Error(decoded.message);
  const csv = parseCsv(decoded.text, sniffDelimiter(decoded.text));
  return csv.rows.map((row) => Object.fromEntries(csv.header.map((h, c) => [h, row[c] ?? ''])));
}

/** DevLake writes UTC, some of it without a zone and unpadded ("2023-4-10 6:51:47"). */
function time(text: string): number {
  const t = parseTime(text, UTC);
  if (!t.ok) throw new Error(t.reason);
  return t.value.at;
}

function mapping(kind: ImportKind, header: string[], fields: Record<string, string>, options = {}): Mapping {
  const base = blankMapping(kind, ',', 'UTC');
  for (const [field, column] of Object.entries(fields))
    base.fields[field] = { column: header.indexOf(column) };
  return { ...base, options };
}

function importFile(
  kind: ImportKind,
  file: string,
  fields: Record<string, string>,
  wb: Workbook,
  options = {},
) {
  const decoded = decodeCsv(readFileSync(join(DIR, file)), file);
  if (!decoded.ok) throw new Error(decoded.message);
  const csv = parseCsv(decoded.text, ',');
  const m = mapping(kind, csv.header, fields, options);
  const run = runImport(kind, csv, m, kind.context(kind.slice(wb), Date.parse('2026-12-01T00:00:00Z')));
  return { run, command: kind.command(run.items, m, { id: `imp-${kind.id}`, fileName: file }) };
}

describe('DevLake DORA data from ../shared/realworld/dora', () => {
  it('is present (CI has it; elsewhere this says so plainly)', () => {
    if (present) return;
    const message = `../shared/realworld/dora/devlake-e2e is not here (looked in ${DIR}), so DevLake's data was not checked.`;
    console.warn(message);
    if (process.env.CI) throw new Error(message);
  });
  if (!present) return;

  it('imports its deployment commits and incidents, production only, each time read as UTC', () => {
    const meta = { who: { name: 'Realworld', role: 'Test' }, at: '2026-12-01T00:00:00.000Z' };
    let doc = openDoc(emptyWorkbook('wb-devlake', 'DevLake', meta.at));
    const deployments = importFile(
      deploymentsKind,
      'incident-link_cicd_deployment_commits.csv',
      {
        deployment: 'cicd_deployment_id',
        finished: 'finished_date',
        service: 'cicd_scope_id',
        environment: 'environment',
        result: 'result',
        commit: 'commit_sha',
      },
      doc.wb,
    );
    expect(deployments.run.bad).toEqual([]);
    // 16 rows: two STAGING and one with no environment are left out, counted.
    expect(deployments.run.counts.accepted).toBe(13);
    expect(deployments.run.counts.skipped).toEqual([
      { why: 'not production (no environment named)', count: 1 },
      { why: 'not production (STAGING)', count: 2 },
    ]);
    doc = execute(doc, deployments.command as never, meta, [])!.doc;
    expect(doc.wb.waves.deployments.map((d) => [d.ref, d.status])).toEqual([
      ['pipeline1', 'success'],
      ['pipeline6', 'success'],
      ['pipeline7', 'success'], // one of its commits failed; the deployment did not
      ['pipeline8', 'failure'],
      ['pipeline9', 'success'],
      ['pipeline2', 'success'],
      ['pipeline4', 'success'],
    ]);
    expect(doc.wb.waves.deployments.every((d) => d.batch === 'imp-deployments')).toBe(true);

    const incidents = importFile(
      incidentsKind,
      'incident-link_incidents.csv',
      { ref: 'id', opened: 'created_date', resolved: 'updated_date' },
      doc.wb,
    );
    expect(incidents.run.bad).toEqual([]);
    expect(incidents.run.counts.accepted).toBe(7);
    doc = execute(doc, incidents.command as never, meta, [])!.doc;
    const first = doc.wb.runbooks.incidents[0]!;
    expect(first).toMatchObject({
      ref: 'github:GithubIssue:1:1367714738',
      openedAt: '2022-11-13T23:37:21.000Z',
      resolvedAt: '2022-11-15T22:37:21.000Z',
      severity: 'SEV3',
      drill: false,
    });
  });

  it('links each incident to the deployment DevLake expects', () => {
    const projectOf = new Map(
      table('incident-link_project_mapping.csv').map((r) => [r.row_id!, r.project_name!]),
    );
    const rows: DeployedCommitRow[] = table('incident-link_cicd_deployment_commits.csv').map((r, i) => ({
      row: i + 2,
      deployment: r.cicd_deployment_id!,
      service: projectOf.get(r.cicd_scope_id!) ?? '',
      environment: r.environment!,
      succeeded: r.result === 'SUCCESS',
      finishedAt: time(r.finished_date!),
      commit: r.commit_sha!,
      committedAt: null,
    }));
    const { deployments } = groupDeployedCommits(rows);
    const incidents = table('incident-link_incidents.csv')
      .map((r) => ({
        ref: r.id!,
        service: projectOf.get(r.scope_id!) ?? '',
        openedAt: time(r.created_date!),
      }))
      // An incident of a scope no project maps is dropped, as DevLake drops it.
      .filter((i) => i.service !== '');
    const links = attributeIncidents(deployments, incidents);
    const expected = table('incident-link_EXPECTED_incident_deployment_relationships.csv');
    expect([...links].map(([ref, d]) => [ref, d?.ref ?? null]).sort()).toEqual(
      expected.map((e) => [e.id!, e.deployment_id!]).sort(),
    );
  });

  it('measures lead time per change as DevLake measures pr_deploy_time', () => {
    const deployCommits = new Map(
      table('leadtime_cicd_deployment_commits.csv').map((r) => [r.commit_sha!, r]),
    );
    const prs = new Map(table('leadtime_pull_requests.csv').map((r) => [r.merge_commit_sha!, r]));
    const deployments: Deployment[] = [];
    for (const diff of table('leadtime_commits_diffs.csv')) {
      const dc = deployCommits.get(diff.new_commit_sha!);
      const pr = prs.get(diff.commit_sha!);
      // Only a successful production deployment with a previous one to diff against says
      // which pull requests it shipped.
      if (!dc || !pr || !diff.old_commit_sha || dc.result !== 'SUCCESS' || dc.environment !== 'PRODUCTION')
        continue;
      let d = deployments.find((x) => x.ref === dc.commit_sha);
      if (!d) {
        d = {
          id: `d-${dc.id}`,
          ref: dc.commit_sha!,
          at: new Date(time(dc.finished_date!)).toISOString(),
          service: '',
          version: '',
          status: 'success',
          waveId: '',
          changes: [],
          batch: '',
        };
        deployments.push(d);
      }
      d.changes.push({ ref: pr.id!, committedAt: new Date(time(pr.merged_date!)).toISOString() });
    }
    const wb = emptyWorkbook('wb-lead', 'Lead time', '2023-05-01T00:00:00.000Z');
    const lead = fourKeys(
      { ...wb, waves: { ...wb.waves, deployments } },
      {
        from: Date.parse('2023-01-01T00:00:00Z'),
        to: Date.parse('2023-05-01T00:00:00Z'),
        wave: null,
      },
    ).find((f) => f.key === 'leadTime')!;
    const ours = new Map(lead.records.map((r) => [r.label.split(' ')[0]!, r]));
    const expected = table('leadtime_EXPECTED_project_pr_metrics.csv').filter((e) => e.pr_deployed_date);
    expect(expected.map((e) => e.id)).toEqual(['pr1', 'pr2', 'pr3']);
    for (const e of expected) {
      const r = ours.get(e.id!)!;
      if (e.pr_deploy_time) {
        expect(r.counted).toBe(true);
        expect(Math.ceil(r.amount!)).toBe(Number(e.pr_deploy_time));
      } else {
        // Merged after the deployment DevLake pairs it with: no deploy time there, dropped here.
        expect(r.counted).toBe(false);
      }
    }
  });
});
