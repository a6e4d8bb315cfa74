// Small, dependency-free statistics. Medians (not means) because a benchmark on a shared
// machine sees occasional outliers (a GC, a neighbour's fsync) that should not move the result.

export interface Summary {
  median: number;
  p95: number;
  samples: number;
}

/** Nearest-rank percentile of `values` (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarize(values: readonly number[]): Summary {
  return { median: round(median(values)), p95: round(percentile(values, 95)), samples: values.length };
}

/** Milliseconds `task` took, measured with the monotonic clock. */
export async function timed(task: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

/** Wall and CPU milliseconds of one timed run. */
export interface Sample {
  ms: number;
  cpuMs: number;
}

/**
 * Median wall milliseconds of `n` runs of `task`. No forced GC between runs: with 10 MB
 * workbooks a gc() leaves V8 with a tight heap limit, so the next big allocation pays for
 * another collection inside the timed window about half the time, which made results bimodal.
 */
export async function medianMs(task: () => Promise<unknown> | unknown, n: number): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) ms.push(await timed(task));
  return round(median(ms));
}

/**
 * Wall and CPU milliseconds `task` took. CPU time (all threads of this process) moves much less
 * when other processes compete for the cores, so it shows the work itself on a busy machine.
 */
export async function timedWithCpu(task: () => Promise<unknown> | unknown): Promise<Sample> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await task();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

export const round = (value: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};
