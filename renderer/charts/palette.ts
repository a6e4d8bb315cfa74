// The chart colours, by role. Canvas cannot read CSS, so each chart reads its palette from CSS
// custom properties on its own element (read-palette.ts): the app's light and dark themes and the projector's
// board (renderer/charts/charts.css) each define them, and a chart drawn inside the projector
// picks up the board's palette with no special case. tests/unit/renderer/chart-palette.test.ts
// parses those stylesheets and checks every pair below for contrast.

export const PALETTE_VARS = {
  bg: '--chart-bg',
  text: '--chart-text',
  grid: '--chart-grid',
  series1: '--chart-series-1',
  series2: '--chart-series-2',
  series3: '--chart-series-3',
  threshold: '--chart-threshold',
  mark: '--chart-mark',
  boundary: '--chart-boundary',
  context: '--chart-context',
  band: '--chart-band',
  range: '--chart-range',
} as const;

export type PaletteKey = keyof typeof PALETTE_VARS;
export type Palette = Record<PaletteKey, string>;

/**
 * Words and numbers (ticks, line labels; the mark colour also spells "Breach" in the table): 4.5:1
 * on the background, 7:1 on the projector.
 */
export const TEXT_KEYS: readonly PaletteKey[] = ['text', 'mark'];
/** Lines and points that carry meaning: 3:1 on the background (WCAG 1.4.11). */
export const GRAPHIC_KEYS: readonly PaletteKey[] = [
  'series1',
  'series2',
  'series3',
  'threshold',
  'mark',
  'boundary',
  'context',
];
/**
 * Decoration only: grid lines, and the translucent fills that shade the side of a threshold that
 * trips and the window a gate judges. Each has a line or a word of its own that carries the
 * meaning, so they are kept faint on purpose.
 */
export const DECORATIVE_KEYS: readonly PaletteKey[] = ['grid', 'band', 'range'];

export const SERIES_KEYS = ['series1', 'series2', 'series3'] as const;

/** Each series has its own dash, so two lines differ by more than colour. */
const SERIES_DASH: readonly (readonly number[])[] = [[], [8, 4], [2, 3]];

/** How many lines a chart can tell apart by colour and dash; past it, callers name the few that matter and draw the rest as context. */
export const DISTINCT_LOOKS = SERIES_KEYS.length * SERIES_DASH.length;

/**
 * The colour and dash of the i-th series. The dash steps on every third series, so up to nine
 * lines (six cohorts, say) each get a colour-and-dash pair of their own.
 */
export function seriesLook(i: number): { key: (typeof SERIES_KEYS)[number]; dash: readonly number[] } {
  const n = SERIES_KEYS.length;
  return { key: SERIES_KEYS[i % n]!, dash: SERIES_DASH[(i + Math.floor(i / n)) % SERIES_DASH.length]! };
}
