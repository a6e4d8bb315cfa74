import { mkdir, rename, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { round } from './stats';

// The shape of tests/bench/results/latest.json and the human table printed beside it.

/** What a result must stay under: its median or p95, or its ratio to the limit measured in the same run. */
export interface Target {
  metric: 'median' | 'p95' | 'ratio';
  max: number;
}

export interface Result {
  name: string;
  unit: string;
  /** -1 when the measurement was skipped (details.skipped says why). */
  median: number;
  p95?: number;
  samples: number;
  /** The raw limit for the same work (plain node:fs, no host), measured in the same run. */
  limit?: { name: string; median: number };
  ratio?: number;
  /** Null for numbers reported for context only (first-contentful-paint, say). */
  target: Target | null;
  /** Honest: false when the target is missed or the measurement could not be made. */
  pass: boolean | null;
  /** Measurement-specific facts (counts, what exactly was timed, why something was skipped). */
  details?: Record<string, unknown>;
}

/** One step of a measured operation, timed alone, to show where the time goes. */
export interface Breakdown {
  of: string;
  step: string;
  median: number;
  unit: 'ms';
}

export interface Report {
  machine: {
    cpus: number;
    cpuModel: string;
    memGB: number;
    node: string;
    platform: string;
    benchDir: string;
    /**
     * 1-minute load average at the start (above `cpus`: other work was competing for the cores)
     * and the end (which also counts this benchmark's own Chromium and threads waiting on fsync).
     */
    loadAverage: { start: number; end: number };
  };
  date: string;
  quick: boolean;
  results: Result[];
  breakdown: Breakdown[];
  /** Benchmarks that could not run at all, with why. */
  failures?: string[];
}

/** The 1-minute load average now (0 on Windows, which has none). */
export const currentLoad = (): number => round(loadavg()[0] ?? 0);

export function machineInfo(benchDir: string, loadAtStart: number): Report['machine'] {
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    memGB: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    benchDir,
    loadAverage: { start: loadAtStart, end: currentLoad() },
  };
}

/** Sets `pass` from the target (pass stays false when a measurement set it false already). */
export function judge(result: Omit<Result, 'pass'> & { pass?: boolean | null }): Result {
  if (!result.target) return { ...result, pass: result.pass ?? null };
  const { metric } = result.target;
  const value = metric === 'ratio' ? result.ratio : metric === 'p95' ? result.p95 : result.median;
  const within = value !== undefined && Number.isFinite(value) && value <= result.target.max;
  return { ...result, pass: result.pass !== false && within };
}

/** A measurement that could not be made: reported (and failed, if it had a target), not hidden. */
export function skipped(name: string, target: Target | null, reason: string): Result {
  return {
    name,
    unit: 'ms',
    median: -1,
    samples: 0,
    target,
    pass: target ? false : null,
    details: { skipped: reason },
  };
}

export function table(report: Report): string {
  const rows = report.results.map((r) => [
    r.pass === null ? 'info' : r.pass ? 'PASS' : 'MISS',
    r.name,
    `${r.median} ${r.unit}`,
    r.p95 === undefined ? '' : `${r.p95}`,
    `${r.samples}`,
    r.limit ? `${r.limit.median} ms (${r.limit.name})` : '',
    r.ratio === undefined ? '' : `${r.ratio}x`,
    r.target ? `${r.target.metric} <= ${r.target.max}` : '',
  ]);
  const head = ['', 'measurement', 'median', 'p95', 'n', 'raw limit', 'ratio', 'target'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const steps = report.breakdown.map((b) => `  ${b.of}: ${b.step} ${b.median} ms`);
  const m = report.machine;
  const busy = m.loadAverage.start > m.cpus;
  return [
    `bench on ${m.cpus} x ${m.cpuModel}, ${m.memGB} GB, node ${m.node}, ${m.platform}, files in ${m.benchDir}, ` +
      `load average ${m.loadAverage.start} → ${m.loadAverage.end}`,
    ...(busy
      ? [
          'WARNING: the machine was busy before the run (load average above the core count), so wall ' +
            'times are inflated. Ratios measured in the same run, and the CPU medians in details, hold up better.',
        ]
      : []),
    line(head),
    ...rows.map(line),
    ...(steps.length > 0 ? ['where the time goes (medians):', ...steps] : []),
  ].join('\n');
}

/** Writes via temp + rename, so an interrupted run never leaves a half-written latest.json. */
export async function writeReport(path: string, report: Report): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(report, null, 2)}\n`);
  await rename(temp, path);
}
