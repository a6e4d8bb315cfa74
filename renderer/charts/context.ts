import type { Plugin } from 'chart.js';
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
}

/** Draws what `read` returns under the datasets, inside the plot area. */
export function contextPlugin(read: () => { paths: ContextPaths; look: ContextLook } | null): Plugin<'line'> {
  return {
    id: 'warroom-context',
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
      ctx.beginPath();
      for (const line of now.paths.lines) {
        for (let i = 0; i < line.length; i++) {
          const px = x.getPixelForValue(line[i]!.x);
          const py = y.getPixelForValue(line[i]!.y);
          if (i === 0) ctx.moveTo(px, py);
          else ctx.lineTo(px, py);
        }
      }
      ctx.strokeStyle = now.look.color;
      ctx.lineWidth = now.look.width;
      ctx.lineJoin = 'round';
      ctx.stroke();
      ctx.restore();
    },
  };
}
