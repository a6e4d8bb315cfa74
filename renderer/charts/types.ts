// The one chart wrapper's data: what a caller hands TimeChart. Plain, pre-shaped data: times are
// epoch ms on x, values on y, sorted by x (the chart draws them as given: parsing: false,
// normalized: true). Everything drawn is also in the table alternative.

export interface XY {
  x: number;
  y: number;
}

export interface ChartSeries {
  id: string;
  /** Its name in the legend, the tooltip and the table's column head: "5xx rate (%)". Unique in a chart. */
  label: string;
  /** Sorted by x, oldest first. */
  points: readonly XY[];
}

/**
 * Many lines drawn thin, in one muted colour, behind the named ones: the rest of a crowd, for
 * comparison (a hundred cohorts behind the few that lag). The key names them once; the table
 * lists each.
 */
export interface ChartContext {
  /** Their one entry in the key: "91 other cohorts". */
  label: string;
  series: readonly ChartSeries[];
}

/** Points of a series drawn larger and in another shape and colour: breaches, incidents. */
export interface ChartMarks {
  id: string;
  /** One word for a marked point, in the legend, the tooltip and the table: "Breach". */
  label: string;
  /** What a mark means, for the legend's title and the table's caption. */
  description: string;
  /** The series the points belong to. */
  seriesId: string;
  /** A subset of that series' points, sorted by x. */
  points: readonly XY[];
}

/** A horizontal line at a value, optionally shading the side that is bad. */
export interface ChartThreshold {
  id: string;
  value: number;
  /** "Limit > 2%". */
  label: string;
  badSide?: 'above' | 'below';
}

/** A vertical line at a moment: a wave starting, a hold ending, a deploy. */
export interface ChartBoundary {
  id: string;
  x: number;
  label: string;
}

/** A shaded span of time: the window a gate judges. */
export interface ChartRange {
  id: string;
  from: number;
  to: number;
  label: string;
}

export type ChartSize = 'app' | 'projector';
