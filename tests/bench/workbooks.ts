import { readFile } from 'node:fs/promises';
import { decodeWorkbook } from '../../electron/host/decode-workbook';
import { AUDIT_KEEP_ENTRIES, AUDIT_MAX_ENTRIES } from '../../electron/host/recent-audit';
import { serializeWorkbook } from '../../electron/host/workbook-adapter';
import type { OutcomeMetric, StopCondition } from '../../shared/areas/success/schema';
import type { AuditEntry } from '../../shared/domain/audit';
import type { Command } from '../../shared/domain/commands';
import { type Doc, execute, openDoc } from '../../shared/domain/history';
import type { Identity } from '../../shared/domain/identity';
import type { Workbook, WorkbookFile } from '../../shared/schema/workbook';

// Big workbooks for the benchmarks, grown from the bundled sample the way a real one grows now:
// each "unit" of use adds a stop condition and an outcome metric, then tunes the stop condition.
// The file keeps only the recent audit log (the host archives the rest), so past ~1000 changes
// the log stops growing and the content is what makes a workbook big. The recent entries are
// made by the real domain code (execute), so they are exactly what the host would have logged.
// Each workbook is checked through the host's own decoder, as a user's file would be.

const METRICS = ['Sales API 5xx rate', 'SSO login success', 'Quote send time', 'Sync backlog'];
const CALLERS = ['Incident commander', 'On-call SRE', 'Sales ops lead', 'Rollout owner'];
const PEOPLE: Identity[] = [
  { name: 'Amara Okafor', role: 'Rollout owner' },
  { name: 'Jun Park', role: 'Platform SRE' },
  { name: 'Priya Raman', role: 'VP Sales Ops' },
  { name: 'Tomasz Wolak', role: 'Incident commander' },
];
const START = Date.parse('2026-11-02T09:00:00.000Z');
const COMMANDS_PER_UNIT = 3;
/**
 * The log swings between KEEP and MAX entries (grow to MAX, archive down to KEEP), so a workbook
 * seen at a random moment holds about the midpoint. It also leaves the benchmarks' own few
 * hundred edits room to run without an archive step landing inside a timed change.
 */
const RECENT_ENTRIES = (AUDIT_KEEP_ENTRIES + AUDIT_MAX_ENTRIES) / 2;

function stopCondition(k: number): StopCondition {
  return {
    id: `sc-pad-${k}`,
    metric: `${METRICS[k % METRICS.length]} (region ${k % 17})`,
    metricId: '',
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

/** One unit of use; each command is made against the revision its window holds (`rev`). */
function unitCommands(k: number): ((rev: number) => Command)[] {
  const sc = stopCondition(k);
  return [
    () => ({ type: 'item.add', collection: 'success.stopConditions', item: sc }),
    () => ({ type: 'item.add', collection: 'success.outcomes', item: outcome(k) }),
    (rev) => ({
      type: 'item.update',
      collection: 'success.stopConditions',
      id: sc.id,
      item: { ...sc, threshold: sc.threshold + 1 },
      baseRevision: rev,
    }),
  ];
}

const at = (rev: number) => new Date(START + rev * 60_000).toISOString();

function grow(sample: WorkbookFile, units: number): WorkbookFile {
  const { audit: sampleAudit, ...content } = structuredClone(sample);
  // Units old enough that their entries are in the archive: only their content is in the file.
  const live = Math.min(units, Math.ceil(RECENT_ENTRIES / COMMANDS_PER_UNIT));
  const archived = units - live;
  for (let k = 0; k < archived; k++) {
    content.success.stopConditions.push(stopCondition(k));
    content.success.outcomes.push(outcome(k));
  }
  content.revision += archived * COMMANDS_PER_UNIT;
  content.updatedAt = at(content.revision);
  let doc: Doc = openDoc(content);
  const entries: AuditEntry[] = archived > 0 ? [] : [...sampleAudit];
  for (let k = archived; k < units; k++) {
    for (const command of unitCommands(k)) {
      const rev = doc.wb.revision;
      const cmd = command(rev);
      const committed = execute(doc, cmd, { who: PEOPLE[k % PEOPLE.length]!, at: at(rev + 1) }, entries);
      if (!committed) throw new Error(`growing the workbook: ${cmd.type} changed nothing`);
      doc = committed.doc;
      entries.push(committed.entry);
    }
  }
  return { ...doc.wb, audit: entries.slice(-RECENT_ENTRIES) };
}

export interface BenchWorkbook {
  /** The file as saved: content plus its recent audit log. */
  file: WorkbookFile;
  /** The content, as every window holds it. */
  workbook: Workbook;
  /** Exactly the bytes the host writes for this workbook. */
  bytes: Buffer;
  /** Bytes of the audit log in `bytes` (pretty-printed, as saved). */
  auditBytes: number;
}

/** The sample grown to about `targetBytes` as saved, validated as a user's file would be. */
export async function makeWorkbook(samplePath: string, targetBytes: number): Promise<BenchWorkbook> {
  const sample = JSON.parse(await readFile(samplePath, 'utf8')) as WorkbookFile;
  const size = (units: number) => serializeWorkbook(grow(sample, units)).length;
  // Content grows by the same amount per unit once the log is full; measure that, then aim,
  // then correct once for the log's own size.
  const probe = Math.ceil(RECENT_ENTRIES / COMMANDS_PER_UNIT) + 100;
  const perUnit = (size(probe) - size(probe - 100)) / 100;
  let units = Math.max(1, probe + Math.round((targetBytes - size(probe)) / perUnit));
  units = Math.max(1, units + Math.round((targetBytes - size(units)) / perUnit));
  const bytes = serializeWorkbook(grow(sample, units));
  const decoded = decodeWorkbook(bytes);
  if (!decoded.ok) throw new Error(`generated workbook is invalid: ${decoded.kind}: ${decoded.detail}`);
  const { audit, ...workbook } = decoded.file;
  const auditBytes = bytes.length - serializeWorkbook({ ...workbook, audit: [] }).length;
  return { file: decoded.file, workbook, bytes, auditBytes };
}

/**
 * An update a person makes while tuning a rollout: a stop condition's threshold changes, made
 * against the revision the window holds (`wb`, current).
 */
export function tuneCommand(wb: Workbook, i: number): Command {
  const target = wb.success.stopConditions[0]!;
  return {
    type: 'item.update',
    collection: 'success.stopConditions',
    id: target.id,
    item: { ...target, threshold: 1 + (i % 97) / 10 },
    baseRevision: wb.revision,
  };
}
