import { mkdtemp, readFile, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../support/web-host';
import { benchCharts } from './charts';
import { benchDurableChange } from './durable-change';
import { benchFirstPaint } from './first-paint';
import { benchHiddenTimer } from './hidden-timer';
import { benchImport } from './import';
import { benchImportBare } from './import-bare';
import { benchOpen } from './open';
import { benchPlanHash } from './plan-hash';
import { benchProjector } from './projector';
import { benchRapidCommands } from './rapid-commands';
import {
  type Breakdown,
  currentLoad,
  machineInfo,
  type Report,
  type Result,
  table,
  writeReport,
} from './report';
import { benchSbomImport } from './sbom-import';
import { benchStakeholdersMap } from './stakeholders-map';
import { benchWindows } from './windows';
import { makeWorkbook } from './workbooks';

// `npm run bench` (run.mjs bundles this and runs it): every measurement against its target,
// JSON on stdout and in tests/bench/results/latest.json, a table on stderr. A missed target is
// reported, not fatal: exit code 1 means a benchmark could not run at all.
//
// BENCH_DIR picks the folder for the benchmark's files (default: the OS temp folder); point it
// at the disk real workbooks live on, since fsync cost is a property of that disk.
// --quick runs fewer iterations, for a fast look while working; it prints but leaves
// latest.json alone, so the committed results always come from a full run.

const quick = process.argv.includes('--quick');
// --only <words> runs just the steps whose label holds them ("CSV import"), for a look at one.
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '') : '';
const SAMPLE = join(REPO, 'resources/sample/crm-migration.rollout.json');
const RESULTS = join(REPO, 'tests/bench/results/latest.json');
const MB = 1024 * 1024;

const runs = quick
  ? { small: 9, large: 5, open: 5, paint: 3, rounds: 1, warmup: 1, windows: [30, 20, 10], windowsWarmup: 3 }
  : {
      small: 61,
      large: 31,
      open: 15,
      paint: 10,
      rounds: 3,
      warmup: 2,
      windows: [200, 100, 60],
      windowsWarmup: 5,
    };

async function main(): Promise<number> {
  const loadAtStart = currentLoad();
  const dir = await realpath(await mkdtemp(join(process.env.BENCH_DIR ?? tmpdir(), 'warroom-bench-')));
  const results: Result[] = [];
  const breakdown: Breakdown[] = [];
  const failures: string[] = [];
  // Each benchmark runs even if an earlier one broke, so one failure does not hide the rest.
  const step = async (label: string, run: () => Promise<void>) => {
    if (only && !label.includes(only)) return;
    process.stderr.write(`bench: ${label}…\n`);
    try {
      await run();
    } catch (error) {
      failures.push(`${label}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };
  try {
    const small = await makeWorkbook(SAMPLE, MB);
    const large = await makeWorkbook(SAMPLE, 10 * MB);
    const common = { dir, samplePath: SAMPLE, warmup: runs.warmup };
    for (const [label, bench, iterations] of [
      ['1 MB', small, runs.small],
      ['10 MB', large, runs.large],
    ] as const) {
      await step(`durable change, ${label}`, async () => {
        const out = await benchDurableChange({ ...common, label: label.replace(' ', ''), bench, iterations });
        results.push(out.result);
        breakdown.push(...out.breakdown);
      });
    }
    await step('open 10 MB', async () => {
      const out = await benchOpen({ ...common, bench: large, iterations: runs.open });
      results.push(out.result);
      breakdown.push(...out.breakdown);
    });
    await step('plan hash, 10 MB', async () => {
      const out = await benchPlanHash({ bench: large, iterations: runs.large, warmup: runs.warmup });
      results.push(...out.results);
      breakdown.push(...out.breakdown);
    });
    await step('first paint', async () => {
      results.push(...(await benchFirstPaint(SAMPLE, runs.paint, runs.warmup)));
    });
    for (const arrival of ['one tick', 'one per event-loop turn'] as const) {
      await step(`rapid commands, ${arrival}`, async () => {
        results.push(await benchRapidCommands(dir, SAMPLE, arrival, 1000, runs.rounds));
      });
    }
    // The targets: every window holds a change within 100 ms at 10 MB (30 ms on the
    // sample), and a small edit pushes at most 10 KB, however big the workbook.
    const sample = { bytes: await readFile(SAMPLE), latencyMax: 30, bytesMax: null };
    for (const [label, o, iterations] of [
      ['sample', sample, runs.windows[0]!],
      ['1 MB', { bytes: small.bytes, latencyMax: 100, bytesMax: 10 * 1024 }, runs.windows[1]!],
      ['10 MB', { bytes: large.bytes, latencyMax: 100, bytesMax: 10 * 1024 }, runs.windows[2]!],
    ] as const) {
      await step(`windows attached, ${label}`, async () => {
        results.push(...(await benchWindows({ ...o, dir, label, iterations, warmup: runs.windowsWarmup })));
      });
    }
    await step('projector board', async () => {
      results.push(...(await benchProjector({ dir, sample: sample.bytes, large: large.bytes, quick })));
    });
    await step('chart update', () => benchCharts({ dir, sample: sample.bytes, quick }, results));
    await step('CSV import', async () => void results.push(...(await benchImport({ dir, quick }))));
    await step('CSV import, bare CDP', async () => {
      results.push(...(await benchImportBare({ dir, quick })));
    });
    await step('SBOM import', async () => {
      results.push(...(await benchSbomImport({ ...common, iterations: quick ? 3 : 10 })));
    });
    await step('stakeholder map', async () => {
      results.push(...(await benchStakeholdersMap({ dir, sample: sample.bytes, quick })));
    });
    // Three minutes in the background (a minute throttled, two frozen); --quick: 40 s.
    await step('hidden timer', async () => {
      const hiddenMs = quick ? 40_000 : 180_000;
      results.push(
        ...(await benchHiddenTimer({ dir, sample: sample.bytes, hiddenMs, frozenAfterMs: hiddenMs / 3 })),
      );
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const report: Report = {
    machine: machineInfo(process.env.BENCH_DIR ?? tmpdir(), loadAtStart),
    date: new Date().toISOString(),
    quick,
    results,
    breakdown,
    ...(failures.length > 0 ? { failures } : {}),
  };
  if (!quick && !only) await writeReport(RESULTS, report);
  process.stderr.write(`${table(report)}\n`);
  for (const failure of failures) process.stderr.write(`bench FAILED: ${failure}\n`);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return failures.length > 0 ? 1 : 0;
}

process.exitCode = await main();
