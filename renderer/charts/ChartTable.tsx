import type { ChartBoundary, ChartMarks, ChartRange, ChartSeries, ChartThreshold } from './types';

// The table alternative: the same data as the picture, for screen readers, keyboard users and
// paper. One row per moment, a column per series, and the marks spelled out in words.

export interface ChartTableProps {
  title: string;
  series: readonly ChartSeries[];
  marks: readonly ChartMarks[];
  thresholds: readonly ChartThreshold[];
  boundaries: readonly ChartBoundary[];
  ranges: readonly ChartRange[];
  formatValue: (y: number) => string;
  formatTime: (x: number) => string;
}

/** The shapes the chart draws marks in (options.ts MARK_SHAPES), as the table writes them. */
export const MARK_SYMBOLS = ['▲', '◆', '✕'];

interface Row {
  x: number;
  values: (number | null)[];
  /** The marks at this moment: the shape's symbol (not read aloud) and the word. */
  marks: { symbol: string; label: string }[];
}

function rows(series: readonly ChartSeries[], marks: readonly ChartMarks[]): Row[] {
  const byX = new Map<number, Row>();
  series.forEach((s, i) => {
    for (const p of s.points) {
      let row = byX.get(p.x);
      if (!row) {
        row = { x: p.x, values: series.map(() => null), marks: [] };
        byX.set(p.x, row);
      }
      row.values[i] = p.y;
    }
  });
  marks.forEach((m, i) => {
    const mark = { symbol: MARK_SYMBOLS[i % MARK_SYMBOLS.length]!, label: m.label };
    for (const p of m.points) byX.get(p.x)?.marks.push(mark);
  });
  return [...byX.values()].sort((a, b) => a.x - b.x);
}

export function ChartTable(p: ChartTableProps) {
  const all = rows(p.series, p.marks);
  const counts = p.marks.map((m) => `${m.points.length} marked ${m.label} (${m.description})`);
  const lines = [
    ...p.thresholds.map((t) => ({
      key: `t-${t.id}`,
      kind: 'Threshold',
      what: t.label,
      at: p.formatValue(t.value),
    })),
    ...p.ranges.map((r) => ({
      key: `r-${r.id}`,
      kind: 'Span',
      what: r.label,
      at: `${p.formatTime(r.from)} to ${p.formatTime(r.to)}`,
    })),
    ...p.boundaries.map((b) => ({ key: `b-${b.id}`, kind: 'Event', what: b.label, at: p.formatTime(b.x) })),
  ];
  return (
    <>
      {/* Focusable: a long table scrolls inside its box, and a keyboard must be able to scroll it. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region has to take focus */}
      <section className="time-chart-scroll" tabIndex={0} aria-label={`${p.title}: data`}>
        <table className="time-chart-table" data-testid="chart-table">
          <caption>
            {p.title}: {all.length} {all.length === 1 ? 'moment' : 'moments'}
            {counts.length > 0 ? `, ${counts.join(', ')}` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              {p.series.map((s) => (
                <th scope="col" key={s.id} className="num">
                  {s.label}
                </th>
              ))}
              {p.marks.length > 0 ? <th scope="col">Marked</th> : null}
            </tr>
          </thead>
          <tbody>
            {all.map((r) => (
              <tr key={r.x} data-marked={r.marks.length > 0 ? 'true' : undefined}>
                <th scope="row">{p.formatTime(r.x)}</th>
                {r.values.map((v, i) => (
                  <td key={p.series[i]!.id} className="num">
                    {v === null ? '' : p.formatValue(v)}
                  </td>
                ))}
                {p.marks.length > 0 ? (
                  <td>
                    {r.marks.map((m) => (
                      <span className="mark-word" key={m.label}>
                        <span aria-hidden="true">{m.symbol} </span>
                        {m.label}
                      </span>
                    ))}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {lines.length > 0 ? (
        <table className="time-chart-table" data-testid="chart-lines">
          <caption>{p.title}: lines and spans drawn on the chart</caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">What</th>
              <th scope="col">Where</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.key} data-kind={l.kind.toLowerCase()}>
                <td>{l.kind}</td>
                <th scope="row">{l.what}</th>
                <td>{l.at}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
