// The one chart wrapper: import from here.
export { DISTINCT_LOOKS } from './palette';
export { TimeChart, type TimeChartProps } from './TimeChart';
export type {
  ChartBoundary,
  ChartContext,
  ChartMarks,
  ChartRange,
  ChartSeries,
  ChartSize,
  ChartThreshold,
  XY,
} from './types';
