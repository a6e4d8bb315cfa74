import { describe, expect, it } from 'vitest';
import {
  attributeIncidents,
  type DeployedCommitRow,
  groupDeployedCommits,
} from '../../../shared/areas/waves/dora-link';

// Deployed-commit rows into deployments, and incidents attributed to the deployment before them.

const t = (iso: string) => Date.parse(`${iso}Z`);
const row = (
  r: Partial<DeployedCommitRow> & Pick<DeployedCommitRow, 'row' | 'deployment' | 'finishedAt'>,
): DeployedCommitRow => ({
  service: 'crm',
  environment: 'PRODUCTION',
  succeeded: true,
  commit: `c${r.row}`,
  committedAt: null,
  ...r,
});

describe('grouping deployed commits', () => {
  it('makes one deployment per id, successful when any commit was, counted from its first success', () => {
    const { deployments, left } = groupDeployedCommits([
      row({ row: 2, deployment: 'p1', finishedAt: t('2026-11-10T10:00:00'), succeeded: false }),
      row({ row: 3, deployment: 'p1', finishedAt: t('2026-11-10T11:00:00') }),
      row({ row: 4, deployment: 'p1', finishedAt: t('2026-11-10T12:00:00') }),
      row({ row: 5, deployment: 'p2', finishedAt: t('2026-11-11T09:00:00'), environment: 'staging' }),
      row({ row: 6, deployment: 'p3', finishedAt: t('2026-11-12T09:00:00'), succeeded: false }),
    ]);
    expect(
      deployments.map((d) => [d.ref, d.succeeded, new Date(d.at).toISOString(), d.changes.length, d.rows]),
    ).toEqual([
      ['p1', true, '2026-11-10T11:00:00.000Z', 3, [2, 3, 4]],
      ['p3', false, '2026-11-12T09:00:00.000Z', 1, [6]],
    ]);
    expect(left.map((r) => r.row)).toEqual([5]);
  });

  it('takes every row as production when the export names no environment', () => {
    const { deployments, left } = groupDeployedCommits([
      row({ row: 2, deployment: 'p1', finishedAt: 1, environment: null }),
    ]);
    expect([deployments.length, left.length]).toEqual([1, 0]);
  });
});

describe('attributing incidents', () => {
  const d = (ref: string, service: string, at: string, succeeded = true) => ({
    ref,
    service,
    at: t(at),
    succeeded,
  });
  it('picks the latest successful deployment of the same service at or before the incident', () => {
    const deployments = [
      d('a', 'crm', '2026-11-10T10:00:00'),
      d('b', 'crm', '2026-11-12T10:00:00'),
      d('c', 'crm', '2026-11-13T10:00:00', false),
      d('x', 'billing', '2026-11-13T11:00:00'),
      d('late', 'crm', '2026-11-20T10:00:00'),
    ];
    const links = attributeIncidents(deployments, [
      { ref: 'i1', service: 'crm', openedAt: t('2026-11-14T00:00:00') },
      { ref: 'i2', service: 'crm', openedAt: t('2026-11-12T10:00:00') },
      { ref: 'i3', service: 'crm', openedAt: t('2026-11-01T00:00:00') },
    ]);
    expect([...links].map(([ref, dep]) => [ref, dep?.ref ?? null])).toEqual([
      ['i1', 'b'],
      ['i2', 'b'],
      ['i3', null],
    ]);
  });
});
