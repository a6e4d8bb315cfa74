import type { Plugin } from 'chart.js';
import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Chart } from 'react-chartjs-2';
import { useAppStore } from '../store/app-store';
import { ChartTable } from './ChartTable';
import { type ContextState, contextPaths, contextPlugin } from './context';
import { Legend } from './Legend';
import { buildData, buildOptions, type Look, samplesPerLine, scale } from './options';
import { readPalette } from './read-palette';
import './register';
import { pointTime, spansDays } from './time-axis';
import type {
  ChartBoundary,
  ChartContext,
  ChartMarks,
  ChartRange,
  ChartSeries,
  ChartSize,
  ChartThreshold,
  XY,
} from './types';
import { usePrinting } from './use-printing';
import './charts.css';

// THE chart of the app: a value over time, with thresholds, marked points, boundaries and spans,
// a key in words, a one-paragraph summary and a table of the same data (on request, and always on
// paper). One Chart.js instance per TimeChart, updated in place when the data changes: a new
// reading costs one update (decimated, unanimated), never a new chart.

export interface TimeChartProps {
  /** Names the chart for assistive technology and captions its table. */
  title: string;
  /** The chart in a sentence or two; the canvas is described by it. */
  summary: string;
  series: readonly ChartSeries[];
  /** Many more lines, drawn thin and muted behind `series`, named once in the key. */
  context?: ChartContext;
  marks?: readonly ChartMarks[];
  thresholds?: readonly ChartThreshold[];
  boundaries?: readonly ChartBoundary[];
  ranges?: readonly ChartRange[];
  /** The time span drawn (epoch ms); by default, the data's own. */
  xMin?: number;
  xMax?: number;
  /** The lowest value drawn, for values that cannot go under it (a share of people: 0). */
  yMin?: number;
  /** A value as people read it ("3.4%"): y ticks, tooltips and the table. */
  formatValue?: (y: number) => string;
  /** The app's type, or the projector's (its body size, thicker lines, bigger marks). */
  size?: ChartSize;
  /** Changes whenever the chart's CSS context does beyond the app theme (the projector's stale state, its room size): the palette and type are read again. */
  lookKey?: string;
  /** The summary is always there for assistive technology; false hides it from sight only. */
  showSummary?: boolean;
  testId?: string;
}

const NONE: readonly never[] = [];

function samePoints(a: readonly XY[], b: readonly XY[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.x !== b[i]!.x || a[i]!.y !== b[i]!.y) return false;
  return true;
}

/**
 * The previous value while its content is the same. Callers reshape their data on every clock
 * tick; comparing points (cheap next to a chart update) keeps the chart still when nothing moved.
 */
function useSame<T extends { points: readonly XY[] }>(next: readonly T[]): readonly T[] {
  const last = useRef(next);
  const prev = last.current;
  const same =
    prev.length === next.length &&
    prev.every((p, i) => {
      const n = next[i]!;
      return (
        JSON.stringify({ ...p, points: 0 }) === JSON.stringify({ ...n, points: 0 }) &&
        samePoints(p.points, n.points)
      );
    });
  if (!same) last.current = next;
  return last.current;
}

function readLook(el: HTMLElement): Look {
  const style = getComputedStyle(el);
  return {
    palette: readPalette(el),
    fontPx: Number.parseFloat(style.fontSize) || 13,
    fontFamily: style.fontFamily,
  };
}

export function TimeChart(props: TimeChartProps) {
  const series = useSame(props.series);
  const marks = useSame(props.marks ?? NONE);
  const crowd = useSame(props.context?.series ?? NONE);
  const crowdLabel = props.context?.label ?? '';
  // Every line, named and context: the span, the point count and the table cover them all.
  const everyLine = useMemo(() => (crowd.length > 0 ? [...series, ...crowd] : series), [series, crowd]);
  const { title, summary, size = 'app', showSummary = true, testId } = props;
  const thresholds = props.thresholds ?? NONE;
  const boundaries = props.boundaries ?? NONE;
  const ranges = props.ranges ?? NONE;
  const id = useId();
  const figure = useRef<HTMLElement>(null);
  const theme = useAppStore((s) => s.theme);
  const [look, setLook] = useState<Look | null>(null);
  const [open, setOpen] = useState(false);
  const printing = usePrinting();

  // The palette and type come from CSS, so they are read once the element is in the page, and
  // again whenever the theme (or the caller's context) changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: theme and lookKey are what change the computed style
  useLayoutEffect(() => {
    if (figure.current) setLook(readLook(figure.current));
  }, [theme, props.lookKey, size]);

  // The latest formatter, without making a new one (say, an inline arrow) rebuild the options.
  const format = useRef(props.formatValue ?? String);
  format.current = props.formatValue ?? String;
  const formatValue = useMemo(() => (y: number) => format.current(y), []);

  const all = everyLine.flatMap((s) => (s.points.length > 0 ? [s.points[0]!.x, s.points.at(-1)!.x] : []));
  const xMin = props.xMin ?? (all.length > 0 ? Math.min(...all) : Date.now() - 3_600_000);
  const xMax = props.xMax ?? (all.length > 0 ? Math.max(...all) : Date.now());
  // Times within one day read as clock times; across days, or off the span's day (a hold that
  // ends the day after tomorrow), they carry their date.
  const withDate = spansDays(xMin, xMax);
  const formatTime = (x: number) => pointTime(x, withDate || spansDays(x, xMin));

  // The named lines and the context lines share one point budget.
  const seriesCount = series.length + crowd.length;
  const paths = useMemo(
    () =>
      contextPaths(
        crowd.map((s) => s.points),
        xMin,
        xMax,
        samplesPerLine(seriesCount),
      ),
    [crowd, xMin, xMax, seriesCount],
  );
  // A new context is new data too: the chart is updated (and so redrawn) whenever either changes.
  const data = useMemo(
    () => (look ? { ...buildData(series, marks, look), paths } : null),
    [series, marks, look, paths],
  );
  // Lines, spans and the span drawn are small: compared by content, so a caller's fresh arrays
  // with the same content leave the chart alone.
  const extra = crowd.length > 0 ? { min: paths.min, max: paths.max } : undefined;
  const yMin = props.yMin;
  const linesKey = JSON.stringify([thresholds, boundaries, ranges, xMin, xMax, yMin, seriesCount, extra]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: linesKey stands for thresholds, boundaries, ranges, the span and the context's values
  const options = useMemo(
    () =>
      look
        ? buildOptions(
            { thresholds, boundaries, ranges, xMin, xMax, yMin, formatValue, seriesCount, extra },
            look,
          )
        : null,
    [linesKey, look, formatValue],
  );

  // What the chart last drew, on its element: tests and benchmarks wait for these, and they say
  // how long the last data update took from render to drawn pixels.
  const counts = useRef({ points: 0, marked: 0, since: 0 });
  const drawnData = useRef<typeof data>(null);
  counts.current.points = everyLine.reduce((n, s) => n + s.points.length, 0);
  counts.current.marked = marks.reduce((n, m) => n + m.points.length, 0);
  if (data !== drawnData.current) {
    drawnData.current = data;
    counts.current.since = performance.now();
  }
  const reporter = useMemo<Plugin<'line'>>(
    () => ({
      id: 'warroom-drawn',
      afterDraw: () => {
        const el = figure.current;
        if (!el) return;
        const c = counts.current;
        el.dataset.points = String(c.points);
        el.dataset.marked = String(c.marked);
        el.dataset.draws = String(Number(el.dataset.draws ?? 0) + 1);
        if (c.since > 0) {
          el.dataset.updateMs = (performance.now() - c.since).toFixed(2);
          c.since = 0;
        }
      },
    }),
    [],
  );
  // The context plugin reads what was last handed to the chart, so it draws what the datasets do.
  const drawn = useRef<ContextState | null>(null);
  drawn.current =
    data && look
      ? {
          paths: data.paths,
          labels: crowd.map((c) => c.label),
          look: {
            color: look.palette.context,
            width: scale(look),
            highlight: look.palette.text,
            background: look.palette.bg,
            font: `${look.fontPx}px ${look.fontFamily}`,
          },
        }
      : null;
  // The grey line under the mouse, named on the element too (what tests and tools read).
  const context = useMemo(
    () =>
      contextPlugin(
        () => drawn.current,
        (label) => {
          const el = figure.current;
          if (!el) return;
          if (label === null) delete el.dataset.hovered;
          else el.dataset.hovered = label;
        },
      ),
    [],
  );

  const summaryId = `${id}-summary`;
  const tablesId = `${id}-tables`;
  return (
    <figure ref={figure} className={`time-chart size-${size}`} aria-label={title} data-testid={testId}>
      {look ? (
        <Legend
          series={series}
          context={crowd.length > 0 ? { label: crowdLabel, count: crowd.length } : null}
          marks={marks}
          thresholds={thresholds}
          ranges={ranges}
          boundaries={boundaries.filter((b) => b.x >= xMin && b.x <= xMax)}
          look={look}
        />
      ) : null}
      <div className="time-chart-canvas">
        {data && options ? (
          <Chart
            type="line"
            data={data}
            options={options}
            plugins={[context, reporter]}
            updateMode="none"
            role="img"
            aria-label={title}
            aria-describedby={summaryId}
          />
        ) : null}
      </div>
      <p
        id={summaryId}
        className={showSummary ? 'time-chart-summary' : 'visually-hidden'}
        data-testid="chart-summary"
      >
        {summary}
      </p>
      <button
        type="button"
        className="btn time-chart-toggle"
        aria-expanded={open}
        aria-controls={tablesId}
        onClick={() => setOpen(!open)}
        data-testid="chart-table-toggle"
      >
        {open ? 'Hide the table' : 'Show the data as a table'}
      </button>
      <div id={tablesId} className="time-chart-tables">
        {open || printing ? (
          <ChartTable
            title={title}
            series={everyLine}
            marks={marks}
            thresholds={thresholds}
            boundaries={boundaries}
            ranges={ranges}
            formatValue={formatValue}
            formatTime={formatTime}
          />
        ) : null}
      </div>
    </figure>
  );
}
