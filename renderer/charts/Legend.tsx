import type { ReactNode } from 'react';
import type { Look } from './options';
import { seriesLook } from './palette';
import type { ChartBoundary, ChartMarks, ChartRange, ChartSeries, ChartThreshold } from './types';

// The key, in HTML rather than on the canvas: it wraps, reads in the page's own type (the
// projector's too), and names each shape and dash in words, so colour is never the only cue.

function Swatch({ children }: { children: ReactNode }) {
  return (
    <svg className="time-chart-key" viewBox="0 0 32 16" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

/** The mark shapes of options.ts, drawn as SVG: a triangle, a diamond, a cross. */
function MarkShape({ index, color }: { index: number; color: string }) {
  const shape = index % 3;
  if (shape === 0) return <polygon points="16,2 24,14 8,14" fill={color} stroke={color} />;
  if (shape === 1) return <polygon points="16,1 23,8 16,15 9,8" fill={color} stroke={color} />;
  return <path d="M10 3 L22 13 M22 3 L10 13" stroke={color} strokeWidth="3" />;
}

export function Legend({
  series,
  context,
  marks,
  thresholds,
  ranges,
  boundaries,
  look,
}: {
  series: readonly ChartSeries[];
  /** The context lines' one entry, if the chart has them. */
  context: { label: string; count: number } | null;
  marks: readonly ChartMarks[];
  thresholds: readonly ChartThreshold[];
  ranges: readonly ChartRange[];
  boundaries: readonly ChartBoundary[];
  look: Look;
}) {
  const p = look.palette;
  const events = [...new Set(boundaries.map((b) => b.label))];
  return (
    <ul className="time-chart-legend" data-testid="chart-legend">
      {series.map((s, i) => (
        <li key={`s-${s.id}`}>
          <Swatch>
            <line
              x1="1"
              y1="8"
              x2="31"
              y2="8"
              stroke={p[seriesLook(i).key]}
              strokeWidth="2.5"
              strokeDasharray={seriesLook(i).dash.join(' ')}
            />
          </Swatch>
          {s.label}
        </li>
      ))}
      {context ? (
        <li key="context" data-testid="chart-legend-context" data-count={context.count}>
          <Swatch>
            <path
              d="M1 12 L10 5 L20 9 L31 3 M1 14 L12 10 L22 13 L31 8"
              stroke={p.context}
              strokeWidth="1"
              fill="none"
            />
          </Swatch>
          {context.label}
        </li>
      ) : null}
      {marks.map((m, i) => (
        <li key={`m-${m.id}`} title={m.description}>
          <Swatch>
            <MarkShape index={i} color={p.mark} />
          </Swatch>
          {m.label}
        </li>
      ))}
      {thresholds.map((t) => (
        <li key={`t-${t.id}`}>
          <Swatch>
            <line x1="1" y1="8" x2="31" y2="8" stroke={p.threshold} strokeWidth="2.5" strokeDasharray="7 4" />
          </Swatch>
          {t.label}
        </li>
      ))}
      {ranges.map((r) => (
        <li key={`r-${r.id}`}>
          <Swatch>
            <rect x="1" y="1" width="30" height="14" fill={p.range} stroke={p.grid} />
          </Swatch>
          {r.label}
        </li>
      ))}
      {events.length > 0 ? (
        <li key="events">
          <Swatch>
            <line x1="16" y1="0" x2="16" y2="16" stroke={p.boundary} strokeWidth="2" strokeDasharray="2 3" />
          </Swatch>
          {events.join(', ')}
        </li>
      ) : null}
    </ul>
  );
}
