import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serializeWorkbook } from '../../electron/host/workbook-adapter';
import { execute, openDoc } from '../../shared/domain/history';
import type { Workbook } from '../../shared/schema/workbook';
import { benchHost, openForEditing, rawChunks, rawDurableSave, writeSyncRename } from './host-kit';
import { type Breakdown, judge, type Result } from './report';
import { median, medianMs, round, type Sample, summarize, timedWithCpu } from './stats';
import { type BenchWorkbook, tuneCommand } from './workbooks';

// Benchmark 1: one acknowledged change (= durably on disk) through the real host, against the
// raw limit for the same workbook measured in the same run. Host and raw runs alternate, and
// swap order every iteration, so drift in the disk or the page cache hits both alike.

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
    const firstWrites = kit.writesTo(path);
    const change = async (i: number) => {
      const sample = await timedWithCpu(() =>
        kit.call('workbook:dispatch-command', tuneCommand(o.bench.workbook, i)),
      );
      wb = (await kit.call('session:get-state')).workbook!;
      return sample;
    };
    const rawSave = () => timedWithCpu(() => rawDurableSave(rawTarget, wb));
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
      target: { metric: 'ratio', max: 1.5 },
      details: {
        timed: "invoke('workbook:dispatch-command', item.update) until its ack (written durably)",
        workbookBytes: o.bench.bytes.length,
        limitP95: rawWall.p95,
        cpuMedian: round(hostCpu),
        limitCpuMedian: round(rawCpu),
        cpuRatio: round(hostCpu / rawCpu),
        changes: o.warmup + o.iterations,
        durableWrites: writes,
      },
      // Each awaited change must cost exactly one durable write; anything else is a bug.
      pass: writes === o.warmup + o.iterations,
    });
    return { result, breakdown: await whereTheTimeGoes(o.label, wb, rawTarget, o.iterations) };
  } finally {
    await kit.host.close();
  }
}

/** The steps of one change, each timed alone on the final workbook. */
async function whereTheTimeGoes(label: string, wb: Workbook, target: string, n: number) {
  const bytes = serializeWorkbook(wb);
  const doc = openDoc(wb);
  const meta = { actor: 'bench', at: new Date().toISOString() };
  const steps: [string, () => unknown][] = [
    ['reducer + audit stamp (immer)', () => execute(doc, tuneCommand(wb, 1), meta)],
    ['JSON.stringify(wb, null, 2)', () => JSON.stringify(wb, null, 2)],
    ['JSON.stringify(wb) (compact)', () => JSON.stringify(wb)],
    // The host's own serializer: the same stringify plus '\n' and UTF-8 encoding of the result.
    ['serializeWorkbook(wb) (stringify + encode)', () => serializeWorkbook(wb)],
    ['Buffer.from(JSON.stringify(wb, null, 2)) (raw limit: no concatenation)', () => rawChunks(wb)],
    ['write + fsync + rename + fsync dir (bytes ready)', () => writeSyncRename(target, [bytes])],
  ];
  const out: Breakdown[] = [];
  for (const [step, run] of steps)
    out.push({ of: `durable change ${label}`, step, median: await medianMs(run, n), unit: 'ms' });
  return out;
}
