import type { ChartData, ChartDataset, ChartOptions, PointStyle, Scale } from 'chart.js';
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import { type Palette, seriesLook } from './palette';
import { pointTime, spansDays, tickLabels, tickStep, timeTicks } from './time-axis';
import type { ChartBoundary, ChartMarks, ChartRange, ChartSeries, ChartThreshold, XY } from './types';

// TimeChart's props → Chart.js data and options. Kept apart from the component so the two halves
// change for different reasons: data on every reading, options only when a line, a span, the
// palette or the size does (react-chartjs-2 then updates the one chart in place).

/** Each kind of mark has its own shape; all are larger than a plain point. */
const MARK_SHAPES: PointStyle[] = ['triangle', 'rectRot', 'crossRot'];
/** Above this many points a line is drawn without dots: they would only blur into it. */
const DOTS_UP_TO = 300;

export interface Look {
  palette: Palette;
  /** The chart's text size and family, from its element: the app's or the projector's type. */
  fontPx: number;
  fontFamily: string;
}

/** Line widths and mark sizes grow with the type: the projector's are 2.4 times the app's. */
export const scale = (look: Look) => (look.fontPx >= 40 ? 2.4 : 1);

export function buildData(
  series: readonly ChartSeries[],
  marks: readonly ChartMarks[],
  look: Look,
): ChartData<'line', XY[]> {
  const k = scale(look);
  const lines: ChartDataset<'line', XY[]>[] = series.map((s, i) => {
    const style = seriesLook(i);
    const color = look.palette[style.key];
    const dots = s.points.length <= DOTS_UP_TO;
    return {
      label: s.label,
      // The points as given: parsing is off, so Chart.js reads x and y straight from them.
      data: s.points as XY[],
      borderColor: color,
      backgroundColor: color,
      borderWidth: 2 * k,
      borderDash: style.dash.map((d) => d * k),
      pointRadius: dots ? 3 * k : 0,
      pointHoverRadius: 5 * k,
      pointHitRadius: 6 * k,
      // A point on the edge of the span (the newest reading) is drawn whole, not cut in half.
      clip: 10 * k,
      order: 2,
    };
  });
  const marked: ChartDataset<'line', XY[]>[] = marks.map((m, i) => ({
    label: m.label,
    data: m.points as XY[],
    showLine: false,
    pointStyle: MARK_SHAPES[i % MARK_SHAPES.length]!,
    pointRadius: 7 * k,
    pointHoverRadius: 9 * k,
    borderColor: look.palette.mark,
    backgroundColor: look.palette.mark,
    borderWidth: 1.5 * k,
    clip: 10 * k,
    // Drawn over the line they sit on.
    order: 1,
  }));
  return { datasets: [...lines, ...marked] };
}

export interface Lines {
  thresholds: readonly ChartThreshold[];
  boundaries: readonly ChartBoundary[];
  ranges: readonly ChartRange[];
  xMin: number;
  xMax: number;
  formatValue: (y: number) => string;
  /** How many lines the chart draws, context lines too: they share the point budget. */
  seriesCount: number;
  /** The lowest value the y axis shows, for values that cannot go under it (a share of people: 0). */
  yMin?: number;
  /** The values of the lines drawn outside Chart.js (context.ts), which its y axis must show. */
  extra?: { min: number; max: number };
}

/**
 * The most points one chart draws, all lines together. Chart.js thins a line (LTTB) only past
 * four points a pixel, so 100 cohort lines of 1,000 days each were all drawn in full: 100,000
 * segments, about 170 ms a draw, where a reader tells no more from them than from a fifth. Each
 * line gets its share (never under MIN_SAMPLES, never over one point a pixel of a wide screen).
 */
export const POINT_BUDGET = 20_000;
const MIN_SAMPLES = 120;
const MAX_SAMPLES = 2_000;

export function samplesPerLine(seriesCount: number): number {
  const share = Math.floor(POINT_BUDGET / Math.max(1, seriesCount));
  return Math.max(MIN_SAMPLES, Math.min(MAX_SAMPLES, share));
}

function annotations(lines: Lines, look: Look): Record<string, AnnotationOptions> {
  const { palette } = look;
  const k = scale(look);
  const font = { family: look.fontFamily, size: look.fontPx, weight: 'bold' as const };
  const label = (content: string, border: string) => ({
    display: true,
    content,
    color: palette.text,
    backgroundColor: palette.bg,
    borderColor: border,
    borderWidth: 1,
    borderRadius: 3,
    padding: 3 * k,
    font,
  });
  const out: Record<string, AnnotationOptions> = {};
  for (const r of lines.ranges) {
    out[`range-${r.id}`] = {
      type: 'box',
      xMin: Math.max(r.from, lines.xMin),
      xMax: Math.min(r.to, lines.xMax),
      backgroundColor: palette.range,
      borderWidth: 0,
      drawTime: 'beforeDatasetsDraw',
      // Named in the legend beside its swatch: a label on the canvas would sit on the newest points.
    };
  }
  for (const t of lines.thresholds) {
    if (t.badSide) {
      out[`band-${t.id}`] = {
        type: 'box',
        ...(t.badSide === 'above' ? { yMin: t.value } : { yMax: t.value }),
        backgroundColor: palette.band,
        borderWidth: 0,
        drawTime: 'beforeDatasetsDraw',
      };
    }
    out[`threshold-${t.id}`] = {
      type: 'line',
      scaleID: 'y',
      value: t.value,
      borderColor: palette.threshold,
      borderWidth: 2 * k,
      borderDash: [7 * k, 4 * k],
      drawTime: 'beforeDatasetsDraw',
      label: { ...label(t.label, palette.threshold), position: 'start' },
    };
  }
  // Only those inside the span: a hold that ends tomorrow is in the table, not off the edge.
  for (const b of lines.boundaries.filter((b) => b.x >= lines.xMin && b.x <= lines.xMax)) {
    out[`boundary-${b.id}`] = {
      type: 'line',
      scaleID: 'x',
      value: b.x,
      borderColor: palette.boundary,
      borderWidth: 1.5 * k,
      borderDash: [2 * k, 3 * k],
      drawTime: 'beforeDatasetsDraw',
      label: { ...label(b.label, palette.boundary), position: 'start', rotation: 0 },
    };
  }
  return out;
}

export function buildOptions(lines: Lines, look: Look): ChartOptions<'line'> {
  const { palette } = look;
  const font = { family: look.fontFamily, size: look.fontPx };
  const withDate = spansDays(lines.xMin, lines.xMax);
  // Filled by the x axis each layout, read by its tick callback: the labels depend on the step.
  let labels: (string | string[])[] = [];
  const values = lines.thresholds.map((t) => t.value);
  if (lines.extra && lines.extra.min <= lines.extra.max) values.push(lines.extra.min, lines.extra.max);
  return {
    // Also the registered defaults (register.ts); spelled out so this object says what it does.
    animation: false,
    parsing: false,
    normalized: true,
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: 'nearest', intersect: false, axis: 'x' },
    layout: { padding: { top: look.fontPx * 0.4, right: 10 * scale(look) } },
    scales: {
      x: {
        type: 'linear',
        min: lines.xMin,
        max: lines.xMax,
        grid: { color: palette.grid },
        border: { color: palette.boundary },
        afterBuildTicks: (axis: Scale) => {
          // About six characters a label, plus a gap.
          const fit = Math.max(2, Math.floor(axis.width / (look.fontPx * 5.5)));
          const ticks = timeTicks(axis.min, axis.max, fit);
          labels = tickLabels(ticks, tickStep(axis.min, axis.max, fit));
          axis.ticks = ticks.map((value) => ({ value }));
        },
        ticks: {
          color: palette.text,
          font,
          maxRotation: 0,
          autoSkip: true,
          callback: (_value, index) => labels[index] ?? '',
        },
      },
      y: {
        type: 'linear',
        grace: '8%',
        ...(lines.yMin !== undefined ? { min: lines.yMin } : {}),
        ...(values.length > 0
          ? { suggestedMin: Math.min(...values), suggestedMax: Math.max(...values) }
          : {}),
        grid: { color: palette.grid },
        border: { color: palette.boundary },
        ticks: {
          color: palette.text,
          font,
          maxTicksLimit: look.fontPx >= 40 ? 5 : 7,
          callback: (value) => lines.formatValue(Number(value)),
        },
      },
    },
    plugins: {
      // threshold = samples: a line longer than its share is thinned to it (LTTB keeps its shape).
      decimation: (() => {
        const samples = samplesPerLine(lines.seriesCount);
        return { enabled: true, algorithm: 'lttb' as const, samples, threshold: samples };
      })(),
      annotation: { annotations: annotations(lines, look) },
      tooltip: {
        titleFont: font,
        bodyFont: font,
        callbacks: {
          title: (items) => (items[0] ? pointTime(items[0].parsed.x ?? 0, withDate) : ''),
          label: (item) => `${item.dataset.label ?? ''}: ${lines.formatValue(item.parsed.y ?? 0)}`,
        },
      },
    },
  };
}
