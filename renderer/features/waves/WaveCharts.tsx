import { memo, useDeferredValue, useMemo, useState } from 'react';
import { stopSentence } from '../../../shared/areas/success/format';
import { gateChart } from '../../../shared/areas/waves/chart-data';
import type { GateVerdict } from '../../../shared/areas/waves/gates';
import { isActive } from '../../../shared/areas/waves/moves';
import type { Wave } from '../../../shared/areas/waves/schema';
import type { Workbook } from '../../../shared/schema/workbook';
import { StatusBadge } from '../../components/StatusBadge';
import { MetricChart } from './MetricChart';
import './wave-charts.css';

// A wave's gated metrics over time, one chart per gate, under its gates table. A live wave shows
// them; a finished one keeps them folded away (its story, one click off), drawn only when opened.

interface ChartsInput {
  wb: Workbook;
  wave: Wave;
  gates: GateVerdict[];
  now: number;
}

/**
 * The charts are the heaviest part of a wave's card and the least urgent: they redraw in a
 * background render that gives way to anything urgent. The verdict above them, a form being
 * typed in, and a dialog over the screen update first, and the clock's tick each second redraws
 * the charts without holding up a keystroke. After a 100,000-reading import the page's task
 * following the push fell from about 350 to about 100 ms (performance marks).
 */
function Charts({ wb, wave, gates, now }: ChartsInput) {
  const input = useMemo(() => ({ wb, wave, gates, now }), [wb, wave, gates, now]);
  return <ChartsGrid input={useDeferredValue(input)} />;
}

const ChartsGrid = memo(function ChartsGrid({ input: { wb, wave, gates, now } }: { input: ChartsInput }) {
  return (
    <div className="wave-charts-grid">
      {gates.map((g) => (
        // A plain block, not a landmark: the figure inside carries the chart's name.
        <div key={g.stopConditionId} className="wave-chart">
          <header className="wave-chart-head">
            <h3>{g.metricName}</h3>
            {/* A finished wave's gates judge nothing any more: no status to show. */}
            {isActive(wave) ? <StatusBadge kind="gate" value={g.status} stale={g.stale} /> : null}
          </header>
          <p className="muted small">{stopSentence(g.stop)}</p>
          <MetricChart chart={gateChart(wb, wave, g, now)} testId={`chart-${g.stopConditionId}`} />
        </div>
      ))}
    </div>
  );
});

export function WaveCharts({
  wb,
  wave,
  gates,
  now,
}: {
  wb: Workbook;
  wave: Wave;
  gates: GateVerdict[];
  now: number;
}) {
  const [opened, setOpened] = useState(false);
  if (gates.length === 0 || wave.state === 'planned') return null;
  if (isActive(wave)) {
    return (
      <section
        className="wave-charts"
        aria-label={`${wave.name}: gated metrics over time`}
        data-testid="wave-charts"
      >
        <Charts wb={wb} wave={wave} gates={gates} now={now} />
      </section>
    );
  }
  return (
    <details
      className="changes wave-charts"
      data-testid="wave-charts"
      onToggle={(e) => setOpened(e.currentTarget.open)}
    >
      <summary>
        Gated metrics over this wave ({gates.length} chart{gates.length === 1 ? '' : 's'})
      </summary>
      {opened ? <Charts wb={wb} wave={wave} gates={gates} now={now} /> : null}
    </details>
  );
}
