import type { XY } from './types';

// Thinning for the lines a chart draws itself (context.ts): Chart.js's own decimation only
// serves its datasets. Largest-Triangle-Three-Buckets keeps a line's shape (its peaks and dips)
// at a fraction of its points; the points kept are the line's own, in order.

/** The points of a sorted line from the last one at or before `from` to the first at or after `to`: what a span of [from, to] draws, edges included. */
export function within(points: readonly XY[], from: number, to: number): readonly XY[] {
  const first = lowerBound(points, from);
  const last = lowerBound(points, to);
  const start = Math.max(0, points[first]?.x === from ? first : first - 1);
  const end = Math.min(points.length, last + 1);
  return start === 0 && end === points.length ? points : points.slice(start, end);
}

/** The first index whose x is at or after `x`. */
function lowerBound(points: readonly XY[], x: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid]!.x < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** At most `samples` of the line's points (never fewer than 3 asked), first and last always among them. */
export function lttb(points: readonly XY[], samples: number): readonly XY[] {
  const n = points.length;
  const keep = Math.max(3, Math.floor(samples));
  if (n <= keep) return points;
  const out: XY[] = [points[0]!];
  // The points between the first and the last fall into keep − 2 buckets; each gives one point,
  // the one making the largest triangle with the point kept before it and the next bucket's mean.
  const every = (n - 2) / (keep - 2);
  let kept = points[0]!;
  for (let b = 0; b < keep - 2; b++) {
    const start = Math.floor(b * every) + 1;
    const end = Math.floor((b + 1) * every) + 1;
    const nextEnd = Math.min(n, Math.floor((b + 2) * every) + 1);
    let mx = 0;
    let my = 0;
    for (let j = end; j < nextEnd; j++) {
      mx += points[j]!.x;
      my += points[j]!.y;
    }
    const count = nextEnd - end;
    mx /= count;
    my /= count;
    let best = start;
    let most = -1;
    for (let j = start; j < end; j++) {
      const p = points[j]!;
      const area = Math.abs((kept.x - mx) * (p.y - kept.y) - (kept.x - p.x) * (my - kept.y));
      if (area > most) {
        most = area;
        best = j;
      }
    }
    kept = points[best]!;
    out.push(kept);
  }
  out.push(points[n - 1]!);
  return out;
}
