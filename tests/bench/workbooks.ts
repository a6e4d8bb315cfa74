import { readFile } from 'node:fs/promises';
import { decodeWorkbook } from '../../electron/host/decode-workbook';
import { serializeWorkbook } from '../../electron/host/workbook-adapter';
import type { OutcomeMetric, StopCondition } from '../../shared/schema/success';
import type { AuditEntry, Workbook } from '../../shared/schema/workbook';

// Big workbooks for the benchmarks, grown from the bundled sample the way a real one grows:
// more stop conditions and outcome metrics, and an audit log that records every change (in a
// long-running rollout the log is most of the file). Each is checked against WorkbookSchema
// through the host's own decoder, so the host opens it exactly as it would a user's file.

const METRICS = ['Sales API 5xx rate', 'SSO login success', 'Quote send time', 'Sync backlog'];
const CALLERS = ['Incident commander', 'On-call SRE', 'Sales ops lead', 'Rollout owner'];
const START = Date.parse('2026-11-02T09:00:00.000Z');

function stopCondition(k: number): StopCondition {
  return {
    id: `sc-pad-${k}`,
    metric: `${METRICS[k % METRICS.length]} (region ${k % 17})`,
    comparator: k % 2 === 0 ? '>' : '>=',
    threshold: (k % 50) / 10,
    unit: '%',
    windowMinutes: 5 + (k % 55),
    action: (['pause', 'rollback', 'escalate'] as const)[k % 3]!,
    callers: CALLERS.slice(0, 1 + (k % CALLERS.length)),
  };
}

function outcome(k: number): OutcomeMetric {
  return {
    id: `om-pad-${k}`,
    name: `Reps in team ${k} closing quotes in Compass within a day`,
    kind: k % 3 === 0 ? 'service' : 'business',
    direction: 'at-least',
    target: 60 + (k % 40),
    unit: '%',
    deadline: '2027-02-15',
    owner: `Team lead ${k} (Sales Ops)`,
  };
}

/** The log a real editing session leaves: both items added, then the stop condition tuned. */
function auditFor(k: number, sc: StopCondition, om: OutcomeMetric, firstRevision: number): AuditEntry[] {
  const commands: AuditEntry['command'][] = [
    { type: 'item.add', collection: 'success.stopConditions', item: { ...sc } },
    { type: 'item.add', collection: 'success.outcomes', item: { ...om } },
    {
      type: 'item.update',
      collection: 'success.stopConditions',
      id: sc.id,
      item: { ...sc, threshold: sc.threshold + 1 },
    },
  ];
  return commands.map((command, i) => ({
    revision: firstRevision + i,
    at: new Date(START + (firstRevision + i) * 60_000).toISOString(),
    actor: `planner-${k % 7}@fernhill.example`,
    command,
  }));
}

function grow(sample: Workbook, units: number): Workbook {
  const wb = structuredClone(sample);
  for (let k = 0; k < units; k++) {
    const sc = stopCondition(k);
    const om = outcome(k);
    wb.success.stopConditions.push(sc);
    wb.success.outcomes.push(om);
    wb.audit.push(...auditFor(k, sc, om, wb.audit.length + 1));
  }
  wb.revision = wb.audit.length;
  wb.updatedAt = wb.audit.at(-1)?.at ?? wb.updatedAt;
  return wb;
}

export interface BenchWorkbook {
  workbook: Workbook;
  /** Exactly the bytes the host writes for this workbook. */
  bytes: Buffer;
}

/** The sample grown to about `targetBytes` as saved, validated as a user's file would be. */
export async function makeWorkbook(samplePath: string, targetBytes: number): Promise<BenchWorkbook> {
  const sample = JSON.parse(await readFile(samplePath, 'utf8')) as Workbook;
  const base = serializeWorkbook(sample).length;
  const probeUnits = 100;
  const perUnit = (serializeWorkbook(grow(sample, probeUnits)).length - base) / probeUnits;
  const workbook = grow(sample, Math.max(1, Math.round((targetBytes - base) / perUnit)));
  const bytes = serializeWorkbook(workbook);
  const decoded = decodeWorkbook(bytes);
  if (!decoded.ok) throw new Error(`generated workbook is invalid: ${decoded.kind}: ${decoded.detail}`);
  return { workbook: decoded.workbook, bytes };
}

/** An update a person makes while tuning a rollout: a stop condition's threshold changes. */
export function tuneCommand(wb: Workbook, i: number) {
  const target = wb.success.stopConditions[0]!;
  return {
    type: 'item.update' as const,
    collection: 'success.stopConditions' as const,
    id: target.id,
    item: { ...target, threshold: 1 + (i % 97) / 10 },
  };
}
