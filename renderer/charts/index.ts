// The one chart wrapper: import from here.
export { TimeChart, type TimeChartProps } from './TimeChart';
export type {
  ChartBoundary,
  ChartMarks,
  ChartRange,
  ChartSeries,
  ChartSize,
  ChartThreshold,
  XY,
} from './types';
