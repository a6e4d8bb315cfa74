import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serializeWorkbook } from '../../electron/host/workbook-adapter';
import type { AuditEntry } from '../../shared/domain/audit';
import { execute, openDoc } from '../../shared/domain/history';
import type { WorkbookFile } from '../../shared/schema/workbook';
import {
  BENCH_USER,
  benchHost,
  openForEditing,
  rawChunks,
  rawDurableSave,
  writeSyncRename,
} from './host-kit';
import { type Breakdown, judge, type Result } from './report';
import { median, medianMs, round, type Sample, summarize, timedWithCpu } from './stats';
import { type BenchWorkbook, tuneCommand } from './workbooks';

// Benchmark 1: one acknowledged change (= durably on disk) through the real host, against the
// raw limit for the same workbook measured in the same run. Host and raw runs alternate, and
// swap order every iteration, so drift in the disk or the page cache hits both alike. The raw
// save writes the same workbook the host writes (content + recent audit log, same key order) as
// compact JSON, the cheapest JSON there is, so the ratio is the host's overhead and its layout.
// The host's file is checked at the end to be exactly what its serializer makes of that workbook.

export interface DurableChangeOptions {
  label: string;
  dir: string;
  samplePath: string;
  bench: BenchWorkbook;
  iterations: number;
  warmup: number;
}

export async function benchDurableChange(
  o: DurableChangeOptions,
): Promise<{ result: Result; breakdown: Breakdown[] }> {
  const dataDir = join(o.dir, `durable-${o.label}`);
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, `bench-${o.label}.rollout.json`);
  const rawTarget = join(dataDir, `raw-${o.label}.rollout.json`);
  await writeFile(path, o.bench.bytes);
  const kit = benchHost(dataDir, o.samplePath);
  const host: Sample[] = [];
  const raw: Sample[] = [];
  try {
    let wb = await openForEditing(kit, path);
    // The host's log, mirrored entry by entry, so the raw save can write the host's exact file.
    const audit: AuditEntry[] = o.bench.file.audit.slice();
    const file = (): WorkbookFile => ({ ...wb, audit });
    const firstWrites = kit.writesTo(path);
    const change = async (i: number) => {
      const cmd = tuneCommand(wb, i);
      const sample = await timedWithCpu(() => kit.call('workbook:dispatch-command', cmd));
      wb = (await kit.call('session:get-state')).workbook!;
      audit.push(...(await kit.call('history:list-entries', { limit: 1 })).entries);
      return sample;
    };
    const rawSave = () => timedWithCpu(() => rawDurableSave(rawTarget, file()));
    for (let i = 0; i < o.warmup + o.iterations; i++) {
      let h: Sample;
      let r: Sample;
      if (i % 2 === 0) {
        h = await change(i);
        r = await rawSave();
      } else {
        r = await rawSave();
        h = await change(i);
      }
      if (i < o.warmup) continue;
      host.push(h);
      raw.push(r);
    }
    const writes = kit.writesTo(path) - firstWrites;
    const sameBytes = (await readFile(path)).equals(serializeWorkbook(file()));
    const hostWall = summarize(host.map((x) => x.ms));
    const rawWall = summarize(raw.map((x) => x.ms));
    const hostCpu = median(host.map((x) => x.cpuMs));
    const rawCpu = median(raw.map((x) => x.cpuMs));
    const result = judge({
      name: `durable change, ${o.label} workbook`,
      unit: 'ms',
      ...hostWall,
      limit: { name: 'stringify + write temp + fsync + rename + fsync dir', median: rawWall.median },
      ratio: round(hostWall.median / rawWall.median),
      target: { metric: 'ratio', max: 1.2 },
      details: {
        timed: "invoke('workbook:dispatch-command', item.update) until its ack (written durably)",
        workbookBytes: o.bench.bytes.length,
        auditBytes: o.bench.auditBytes,
        auditEntries: o.bench.file.audit.length,
        limitP95: rawWall.p95,
        cpuMedian: round(hostCpu),
        limitCpuMedian: round(rawCpu),
        cpuRatio: round(hostCpu / rawCpu),
        changes: o.warmup + o.iterations,
        durableWrites: writes,
        hostFileIsItsSerialization: sameBytes,
      },
      // Each awaited change must cost exactly one durable write, and the file must be exactly
      // the host's serialization of its workbook; anything else is a bug.
      pass: writes === o.warmup + o.iterations && sameBytes,
    });
    return { result, breakdown: await whereTheTimeGoes(o.label, file(), rawTarget, o.iterations) };
  } finally {
    await kit.host.close();
  }
}

/** The steps of one change, each timed alone on the final workbook. */
async function whereTheTimeGoes(label: string, file: WorkbookFile, target: string, n: number) {
  const bytes = serializeWorkbook(file);
  const { audit, ...wb } = file;
  const doc = openDoc(wb);
  const meta = { who: BENCH_USER, at: new Date().toISOString() };
  const steps: [string, () => unknown][] = [
    [
      'execute: reducer + patches + audit entry (immer)',
      () => execute(doc, tuneCommand(doc.wb, 1), meta, audit),
    ],
    ['JSON.stringify(file, null, 2)', () => JSON.stringify(file, null, 2)],
    ['JSON.stringify(file) (compact)', () => JSON.stringify(file)],
    // The host's own serializer: the same stringify plus '\n' and UTF-8 encoding of the result.
    ['serializeWorkbook(file) (stringify + encode)', () => serializeWorkbook(file)],
    ['Buffer.from(JSON.stringify(file)) (raw limit: compact)', () => rawChunks(file)],
    ['write + fsync + rename + fsync dir (bytes ready)', () => writeSyncRename(target, [bytes])],
  ];
  const out: Breakdown[] = [];
  for (const [step, run] of steps)
    out.push({ of: `durable change ${label}`, step, median: await medianMs(run, n), unit: 'ms' });
  return out;
}
