import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { durableWrite } from '../../electron/host/durable-write';
import { firstInvalidUtf8 } from '../../electron/host/json-scan';
import { workbooksDir } from '../../electron/host/paths';
import { readWorkbookFile } from '../../electron/host/read-workbook';
import { checkTree } from '../../electron/host/tree-check';
import { WorkbookFileSchema } from '../../shared/schema/workbook';
import { benchHost, fileIdOf, openIdForEditing } from './host-kit';
import { type Breakdown, judge, type Result } from './report';
import { median, medianMs, round, type Sample, summarize, timedWithCpu } from './stats';
import { type BenchWorkbook, tuneCommand } from './workbooks';

// Benchmark 2: opening a 10 MB workbook the way a person does, picking it from the host's
// listing ('workbook:open-file' with its id): close the previous file, lock, clean stale temps,
// read, decode and validate (zod), back up the bytes as opened, adopt, update the recent list.
// Two files are opened in turn, each edited once after opening, so every open meets a file that
// changed since its newest backup and pays for a fresh backup, as a real reopen does. The raw
// limit is reading the bytes and JSON.parse.

export interface OpenOptions {
  dir: string;
  samplePath: string;
  bench: BenchWorkbook;
  iterations: number;
  warmup: number;
}

export async function benchOpen(o: OpenOptions): Promise<{ result: Result; breakdown: Breakdown[] }> {
  const dataDir = join(o.dir, 'open');
  // In the workbooks folder, so the host lists them and a window can open them by id.
  await mkdir(workbooksDir(dataDir), { recursive: true });
  const names = ['open-a.rollout.json', 'open-b.rollout.json'];
  const paths = names.map((name) => join(workbooksDir(dataDir), name));
  for (const path of paths) await writeFile(path, o.bench.bytes);
  const kit = benchHost(dataDir, o.samplePath);
  const host: Sample[] = [];
  const raw: Sample[] = [];
  try {
    const ids = [await fileIdOf(kit, names[0]!), await fileIdOf(kit, names[1]!)];
    for (let i = 0; i < o.warmup + o.iterations; i++) {
      const path = paths[i % 2]!;
      const h = await timedWithCpu(() => openIdForEditing(kit, ids[i % 2]!));
      // Against the revision just opened: this file was edited in earlier rounds.
      const wb = (await kit.call('session:get-state')).workbook!;
      await kit.call('workbook:dispatch-command', tuneCommand(wb, i));
      const r = await timedWithCpu(async () => JSON.parse(await readFile(path, 'utf8')));
      if (i < o.warmup) continue;
      host.push(h);
      raw.push(r);
    }
  } finally {
    await kit.host.close();
  }
  const hostWall = summarize(host.map((x) => x.ms));
  const rawWall = summarize(raw.map((x) => x.ms));
  const result = judge({
    name: 'open 10 MB workbook (workbook:open-file)',
    unit: 'ms',
    ...hostWall,
    limit: { name: 'readFile + JSON.parse', median: rawWall.median },
    ratio: round(hostWall.median / rawWall.median),
    target: { metric: 'median', max: 1000 },
    details: {
      timed: "invoke('workbook:open-file') until it resolves with the workbook open for editing",
      workbookBytes: o.bench.bytes.length,
      limitP95: rawWall.p95,
      cpuMedian: round(median(host.map((x) => x.cpuMs))),
      limitCpuMedian: round(median(raw.map((x) => x.cpuMs))),
      auditBytes: o.bench.auditBytes,
    },
  });
  return { result, breakdown: await whereTheTimeGoes(paths[0]!, dataDir, o.iterations) };
}

/** The decode steps readWorkbookFile runs, and the backup write, each timed alone. */
async function whereTheTimeGoes(path: string, dataDir: string, n: number): Promise<Breakdown[]> {
  const bytes = await readFile(path);
  const text = bytes.toString('utf8');
  const value: unknown = JSON.parse(text);
  let backups = 0;
  const steps: [string, () => unknown][] = [
    ['readWorkbookFile (stat + read + decode + validate)', () => readWorkbookFile(path)],
    ['readFile', () => readFile(path)],
    ['UTF-8 scan (firstInvalidUtf8)', () => firstInvalidUtf8(bytes)],
    ["bytes.toString('utf8')", () => bytes.toString('utf8')],
    ['JSON.parse', () => JSON.parse(text)],
    ['checkTree (depth, forbidden keys)', () => checkTree(value)],
    ['WorkbookFileSchema.safeParse (zod)', () => WorkbookFileSchema.safeParse(value)],
    [
      'backup copy (durableWrite of the bytes)',
      () => durableWrite(join(dataDir, `backup-${backups++}`), bytes),
    ],
  ];
  const out: Breakdown[] = [];
  for (const [step, run] of steps)
    out.push({ of: 'open 10 MB', step, median: await medianMs(run, n), unit: 'ms' });
  return out;
}
