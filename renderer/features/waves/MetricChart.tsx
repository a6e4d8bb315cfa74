import { useMemo } from 'react';
import type { GateChart } from '../../../shared/areas/waves/chart-data';
import { formatWindow, withUnit } from '../../../shared/domain/format';
import { type ChartSize, TimeChart } from '../../charts';

// One gate's metric over a wave, through the app's one chart wrapper: the readings as a line with
// points, the stop condition's threshold (its tripping side shaded), the window it judges now,
// the breach points as red triangles, and the wave's milestones. Shared by the Waves screen and
// the projector's breach panel.

/** Values as the gates write them, without float noise on the axis (0.30000000000000004). */
export const valueText = (unit: string) => (y: number) => withUnit(Number(y.toPrecision(6)), unit);

export function MetricChart({
  chart,
  size = 'app',
  lookKey,
  showSummary,
  testId,
}: {
  chart: GateChart;
  size?: ChartSize;
  lookKey?: string;
  showSummary?: boolean;
  testId?: string;
}) {
  const { readings, unit } = chart;
  // Reshaped only when the readings or their breach marks change, not on every clock tick.
  const series = useMemo(
    () => [
      {
        id: 'readings',
        label: `${chart.metricName}${unit ? ` (${unit})` : ''}`,
        points: readings.map((r) => ({ x: r.x, y: r.y })),
      },
    ],
    [readings, chart.metricName, unit],
  );
  const marks = useMemo(
    () => [
      {
        id: 'breach',
        label: 'Breach',
        description: `a reading in a window where every reading was ${chart.limit}`,
        seriesId: 'readings',
        points: readings.filter((r) => r.breach).map((r) => ({ x: r.x, y: r.y })),
      },
    ],
    [readings, chart.limit],
  );
  const format = useMemo(() => valueText(unit), [unit]);
  return (
    <div
      className="metric-chart"
      data-testid={testId}
      data-gate={chart.stopConditionId}
      data-breaches={chart.breaches}
      data-readings={readings.length}
    >
      <TimeChart
        title={`${chart.metricName} in ${chart.waveName}`}
        summary={chart.summary}
        series={series}
        marks={marks}
        thresholds={[
          { id: 'limit', value: chart.threshold, label: `Limit ${chart.limit}`, badSide: chart.badSide },
        ]}
        ranges={
          chart.window
            ? [
                {
                  id: 'window',
                  from: chart.window.from,
                  to: chart.window.to,
                  label: `Last ${formatWindow(chart.windowMinutes)}`,
                },
              ]
            : []
        }
        boundaries={chart.boundaries.map((b, i) => ({ id: `${b.kind}-${i}`, x: b.x, label: b.label }))}
        xMin={chart.range.min}
        xMax={chart.range.max}
        formatValue={format}
        size={size}
        lookKey={lookKey}
        showSummary={showSummary}
        testId="time-chart"
      />
    </div>
  );
}
