import type { Incident, SEVERITIES } from '../../areas/runbooks/schema';
import type { IncidentsImportCommand } from '../../areas/waves/dora-import-commands';
import { attributeIncidents } from '../../areas/waves/dora-link';
import type { Deployment } from '../../areas/waves/schema';
import type { Workbook } from '../../schema/workbook';
import type { ImportKind } from '../types';
import { utcText } from './readings-rules';

// Incidents as incident tools and issue trackers export them. What caused each can be given
// (a deployment id, root-cause commits), or worked out by DevLake's rule (dora-link.ts): the
// latest successful deployment of the same service before it was opened. Real or drill is the
// user's choice for the whole file; a drill is never counted in the delivery figures.

export interface IncidentsSlice {
  deployments: readonly Deployment[];
  incidents: readonly Incident[];
}

export interface IncidentsContext {
  deployments: readonly Deployment[];
  byRef: Map<string, Deployment>;
  known: Set<string>;
}

export interface IncidentRow {
  row: number;
  record: Omit<Incident, 'id' | 'batch' | 'roles' | 'timeline'>;
  service: string;
}

const SEVERITY: Record<string, (typeof SEVERITIES)[number]> = {
  sev1: 'SEV1',
  sev2: 'SEV2',
  sev3: 'SEV3',
  sev4: 'SEV4',
  p1: 'SEV1',
  p2: 'SEV2',
  p3: 'SEV3',
  p4: 'SEV4',
  p5: 'SEV4',
  critical: 'SEV1',
  high: 'SEV2',
  medium: 'SEV3',
  low: 'SEV4',
  '1': 'SEV1',
  '2': 'SEV2',
  '3': 'SEV3',
  '4': 'SEV4',
};

export const incidentsKind: ImportKind<
  IncidentsSlice,
  IncidentsContext,
  IncidentRow,
  IncidentsImportCommand
> = {
  id: 'incidents',
  noun: 'incident',
  nouns: 'incidents',
  fields: [
    {
      key: 'ref',
      label: 'Incident id',
      type: 'text',
      required: false,
      hints: ['incident_id', 'issue_key', 'key', 'id'],
    },
    { key: 'title', label: 'Title', type: 'text', required: false, hints: ['title', 'summary', 'name'] },
    {
      key: 'opened',
      label: 'Opened at',
      type: 'time',
      required: true,
      hints: ['created', 'opened', 'started', 'time_created'],
    },
    {
      key: 'resolved',
      label: 'Restored at',
      type: 'time',
      required: false,
      hints: ['resolved', 'resolution', 'restored', 'closed'],
    },
    {
      key: 'severity',
      label: 'Severity',
      type: 'text',
      required: false,
      hints: ['severity', 'priority', 'sev'],
    },
    {
      key: 'service',
      label: 'Service or project',
      type: 'text',
      required: false,
      hints: ['service', 'project', 'component'],
    },
    {
      key: 'deployment',
      label: 'Caused by deployment',
      type: 'text',
      required: false,
      hints: ['deployment'],
    },
    {
      key: 'causes',
      label: 'Root-cause commits',
      type: 'text',
      required: false,
      hints: ['root_cause', 'cause', 'changes'],
    },
  ],
  layouts: ['table'],
  options: () => [
    {
      key: 'drill',
      label: 'These incidents are',
      values: [
        { value: '', label: 'real incidents' },
        { value: 'drill', label: 'drills (never counted in the delivery figures)' },
      ],
    },
  ],
  slice: (wb) => ({
    deployments: (wb as Workbook).waves.deployments,
    incidents: (wb as Workbook).runbooks.incidents,
  }),
  context: (slice) => ({
    deployments: slice.deployments,
    byRef: new Map(slice.deployments.filter((d) => d.ref).map((d) => [d.ref, d])),
    known: new Set(slice.incidents.map((i) => i.ref).filter(Boolean)),
  }),
  checker(ctx, mapping) {
    const drill = mapping.options.drill === 'drill';
    const seen = new Map<string, number>();
    const candidates = ctx.deployments.map((d) => ({
      ...d,
      at: Date.parse(d.at),
      succeeded: d.status === 'success',
    }));
    return {
      check(r) {
        const v = r.values;
        const ref = v.ref === null ? '' : String(v.ref);
        if (ref && ctx.known.has(ref))
          return { ok: false, reason: `incident '${ref}' is already in this workbook` };
        if (ref && seen.has(ref))
          return { ok: false, reason: `row ${seen.get(ref)} already gives incident '${ref}'` };
        if (ref) seen.set(ref, r.row);
        const opened = v.opened as number;
        const resolved = v.resolved === null ? null : (v.resolved as number);
        if (resolved !== null && resolved < opened) {
          return {
            ok: false,
            reason: `restored at ${utcText(resolved)}, before it was opened at ${utcText(opened)}`,
          };
        }
        const sevText =
          v.severity === null ? '' : String(v.severity).trim().toLowerCase().replace(/\s+/g, '');
        const severity = sevText === '' ? 'SEV3' : SEVERITY[sevText];
        if (!severity)
          return {
            ok: false,
            reason: `severity '${String(v.severity)}' is not one this app knows (SEV1–SEV4, P1–P5, critical–low)`,
          };
        const service = v.service === null ? '' : String(v.service);
        let deploymentIds: string[] = [];
        if (v.deployment !== null) {
          const d = ctx.byRef.get(String(v.deployment));
          if (!d)
            return {
              ok: false,
              reason: `deployment '${String(v.deployment)}' is not in this workbook: import the deployments first`,
            };
          deploymentIds = [d.id];
        }
        const changeRefs =
          v.causes === null
            ? []
            : String(v.causes)
                .split(/[\s,;]+/)
                .filter(Boolean);
        let attributed = '';
        if (deploymentIds.length === 0 && changeRefs.length === 0 && service) {
          const hit = attributeIncidents(candidates, [{ ref: 'x', service, openedAt: opened }]).get('x');
          if (hit) {
            deploymentIds = [hit.id];
            attributed = ` (attributed: the last deployment of ${service} before it)`;
          }
        }
        const title = v.title === null ? `Incident ${ref || `from row ${r.row}`}` : String(v.title);
        const record = {
          ref,
          title: title.slice(0, 200),
          severity,
          drill,
          openedAt: new Date(opened).toISOString(),
          resolvedAt: resolved === null ? null : new Date(resolved).toISOString(),
          waveId: '',
          deploymentIds,
          changeRefs,
        };
        const cause = deploymentIds.length
          ? `${ctx.deployments.find((d) => d.id === deploymentIds[0])?.ref || deploymentIds[0]}${attributed}`
          : changeRefs.join(', ') || 'not known';
        return {
          ok: true,
          item: { row: r.row, record, service },
          shown: {
            incident: title,
            opened: utcText(opened),
            restored: resolved === null ? 'still open' : utcText(resolved),
            cause,
          },
        };
      },
    };
  },
  preview: [
    { key: 'incident', label: 'Incident' },
    { key: 'opened', label: 'Opened (UTC)' },
    { key: 'restored', label: 'Restored (UTC)' },
    { key: 'cause', label: 'Caused by' },
  ],
  command(items, mapping, meta) {
    return {
      type: 'wave.incidents-import',
      id: meta.id,
      fileName: meta.fileName,
      source: mapping.source.trim(),
      incidents: items.map((i) => ({ rows: [i.row], record: i.record })),
    };
  },
  maxItems: 50_000,
};
