import { gateChart } from '../../../shared/areas/waves/chart-data';
import { evaluateGate } from '../../../shared/areas/waves/gates';
import type { ProjectorSettings } from '../../../shared/domain/projector';
import { MetricChart } from '../../features/waves/MetricChart';
import { useAppStore } from '../../store/app-store';
import type { BoardModel } from './board-model';
import { Panel } from './Panel';
import './breach-chart.css';

// The chart of each metric that is breaching, on the board: the room sees the climb through the
// line, not just the verdict. Drawn through the app's one chart wrapper in the board's palette and
// type (charts.css gives .pj-root its chart colours; the wrapper reads them from its element).
// It needs the readings, which the board's cached model does not carry: with no workbook in this
// window (a reload while the host is away) the panel stays out, and the Why panel still says it.

export function BreachChartPanel({
  model,
  now,
  stale,
  settings,
}: {
  model: BoardModel;
  now: number;
  stale: boolean;
  settings: ProjectorSettings;
}) {
  const wb = useAppStore((s) => s.session?.workbook ?? null);
  if (!wb || model.breaches.length === 0) return null;
  // The palette greys when stale, and the type follows the room size and the picture's width.
  const lookKey = `${stale}|${JSON.stringify(settings)}|${window.innerWidth}`;
  return (
    <>
      {model.breaches.map((b, i) => {
        const wave = wb.waves.waves.find((w) => w.id === b.waveId);
        const stop = wb.success.stopConditions.find((s) => s.id === b.stopConditionId);
        if (!wave || !stop) return null;
        const chart = gateChart(wb, wave, evaluateGate(wb, wave, stop, now), now);
        return (
          <Panel
            key={b.id}
            id={`breach-chart-${i + 1}`}
            title={`${b.metric}${b.elsewhere ? ` in ${b.elsewhere}` : ''} · limit ${chart.limit}`}
            className="pj-chart-panel"
            testId="projector-breach-chart"
          >
            <MetricChart chart={chart} size="projector" lookKey={lookKey} showSummary={false} />
          </Panel>
        );
      })}
    </>
  );
}
