import type { Plugin, Scale } from 'chart.js';
import { lttb, within } from './thin';
import type { XY } from './types';

// Context lines: many lines drawn thin, in one muted colour, behind the chart's named lines (a
// hundred cohorts behind the nine that lag most). They show the spread, not who is who: the key
// names them as a group and the table lists each one. They are drawn straight onto the canvas as
// one path rather than as Chart.js datasets: a dataset costs a controller, an element per point
// and an option lookup, which for a hundred lines was most of a chart's first draw.

export interface ContextPaths {
  /** Each line, thinned, in the chart's data units. */
  lines: readonly (readonly XY[])[];
  /** The span of their values, so the y axis makes room for them. */
  min: number;
  max: number;
}

/** The context lines within [xMin, xMax], each thinned to `samples` points. */
export function contextPaths(
  lines: readonly (readonly XY[])[],
  xMin: number,
  xMax: number,
  samples: number,
): ContextPaths {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const out = lines.map((points) => {
    const drawn = lttb(within(points, xMin, xMax), samples);
    for (const p of drawn) {
      if (p.y < min) min = p.y;
      if (p.y > max) max = p.y;
    }
    return drawn;
  });
  return { lines: out, min, max };
}

export interface ContextLook {
  color: string;
  width: number;
  /** The hovered line is drawn again over the others, in this colour, and named beside the pointer. */
  highlight: string;
  background: string;
  font: string;
}

/** Squared distance from (px, py) to the segment a–b, in pixels. */
function segmentDistance2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/**
 * The line passing nearest the pointer, within `reach` pixels, or -1: which grey line the mouse is
 * on. `toX` and `toY` turn data units into pixels.
 */
export function nearestLine(
  lines: readonly (readonly XY[])[],
  px: number,
  py: number,
  toX: (x: number) => number,
  toY: (y: number) => number,
  reach: number,
): number {
  let best = -1;
  let bestD2 = reach * reach;
  lines.forEach((line, index) => {
    // Each point turned into pixels once: this runs on every mouse move over the plot.
    let ax = 0;
    let ay = 0;
    for (let i = 0; i < line.length; i++) {
      const bx = toX(line[i]!.x);
      const by = toY(line[i]!.y);
      const d2 = i === 0 ? (bx - px) ** 2 + (by - py) ** 2 : segmentDistance2(px, py, ax, ay, bx, by);
      if (d2 <= bestD2) {
        bestD2 = d2;
        best = index;
      }
      ax = bx;
      ay = by;
    }
  });
  return best;
}

export interface ContextState {
  paths: ContextPaths;
  labels: readonly string[];
  look: ContextLook;
}

function stroke(ctx: CanvasRenderingContext2D, lines: readonly (readonly XY[])[], x: Scale, y: Scale) {
  ctx.beginPath();
  for (const line of lines) {
    for (let i = 0; i < line.length; i++) {
      const px = x.getPixelForValue(line[i]!.x);
      const py = y.getPixelForValue(line[i]!.y);
      if (i === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    }
  }
  ctx.stroke();
}

/**
 * Draws what `read` returns under the datasets, inside the plot area; the line under the mouse is
 * drawn again in the highlight colour with its name beside the pointer, and `onHover` is told.
 */
export function contextPlugin(
  read: () => ContextState | null,
  onHover: (label: string | null) => void,
): Plugin<'line'> {
  let hovered = -1;
  let pointer = { x: 0, y: 0 };
  return {
    id: 'warroom-context',
    afterEvent: (chart, args) => {
      const now = read();
      const { event } = args;
      let next = -1;
      if (now && event.type === 'mousemove' && args.inChartArea && event.x !== null && event.y !== null) {
        const x = chart.scales.x;
        const y = chart.scales.y;
        if (x && y) {
          const at = (v: number) => x.getPixelForValue(v);
          const up = (v: number) => y.getPixelForValue(v);
          next = nearestLine(now.paths.lines, event.x, event.y, at, up, 6);
          pointer = { x: event.x, y: event.y };
        }
      }
      if (next !== hovered || next >= 0) {
        hovered = next;
        args.changed = true;
        // On a grey line, the named lines' tooltip would only talk over its name.
        if (next >= 0) chart.tooltip?.setActiveElements([], pointer);
        onHover(next >= 0 ? (now?.labels[next] ?? null) : null);
      }
    },
    beforeDatasetsDraw: (chart) => {
      const now = read();
      if (!now || now.paths.lines.length === 0) return;
      const { ctx, chartArea: area } = chart;
      const x = chart.scales.x;
      const y = chart.scales.y;
      if (!x || !y) return;
      ctx.save();
      ctx.beginPath();
      ctx.rect(area.left, area.top, area.right - area.left, area.bottom - area.top);
      ctx.clip();
      ctx.strokeStyle = now.look.color;
      ctx.lineWidth = now.look.width;
      ctx.lineJoin = 'round';
      stroke(ctx, now.paths.lines, x, y);
      const line = now.paths.lines[hovered];
      const label = now.labels[hovered];
      if (line && label) {
        ctx.strokeStyle = now.look.highlight;
        ctx.lineWidth = now.look.width * 2.5;
        stroke(ctx, [line], x, y);
        // The name beside the pointer, kept inside the plot.
        ctx.font = now.look.font;
        const pad = 4;
        const w = ctx.measureText(label).width + pad * 2;
        const h = Number.parseFloat(now.look.font) * 1.2 + pad * 2 || 20;
        const left = Math.min(pointer.x + 12, area.right - w);
        const top = Math.max(area.top, pointer.y - h - 8);
        ctx.fillStyle = now.look.background;
        ctx.strokeStyle = now.look.highlight;
        ctx.lineWidth = 1;
        ctx.fillRect(left, top, w, h);
        ctx.strokeRect(left, top, w, h);
        ctx.fillStyle = now.look.highlight;
        ctx.textBaseline = 'middle';
        ctx.fillText(label, left + pad, top + h / 2);
      }
      ctx.restore();
    },
  };
}
