import { memo, useDeferredValue, useMemo } from 'react';
import { adoptionTrends, reliabilityTrends } from '../../../shared/areas/adoption/stability';
import { cohortStatuses } from '../../../shared/areas/adoption/trajectory';
import { CollectionEditor } from '../../components/collection/CollectionEditor';
import { ImportSection } from '../../import/ImportSection';
import { useAppStore } from '../../store/app-store';
import type { Feature } from '../types';
import { AdoptionChart } from './AdoptionChart';
import { cohortsConfig, frictionsConfig } from './adoption-collections';
import { CohortTable, LaggingPanel } from './CohortPanels';
import { FrictionRanking, TrendTable } from './TrendPanels';
import './adoption.css';

// The tables re-render only when what they show does: the chart's update is not held up by them.
const Lagging = memo(LaggingPanel);
const Cohorts = memo(CohortTable);
const Trends = memo(TrendTable);

// Checklist step 7: launch is the midpoint. Is adoption sticking, who is falling behind and what
// is being done about it, what still costs people time, and is it all holding after 30–90 days?

function Screen() {
  const wb = useAppStore((s) => s.session?.workbook);
  const { cohorts, usage, frictions } = wb?.adoption ?? { cohorts: [], usage: [], frictions: [] };
  // A usage export can hold 100,000 rows. The chart takes them at once; the statuses and trends
  // behind the tables are worked out in a second, interruptible render (React's deferred value),
  // so a large import draws its lines first and the tables follow a moment later.
  const laterUsage = useDeferredValue(usage);
  const statuses = useMemo(() => cohortStatuses(cohorts, laterUsage), [cohorts, laterUsage]);
  // Keyed on the lists themselves, not the workbook: any other edit leaves the trends as they were.
  const stops = wb?.success.stopConditions;
  const readings = useDeferredValue(wb?.waves.readings);
  const trends = useMemo(
    () => [...adoptionTrends(cohorts, laterUsage), ...reliabilityTrends(stops ?? [], readings ?? [])],
    [cohorts, laterUsage, stops, readings],
  );
  if (!wb) return null;
  return (
    <div className="section-page" data-testid="section-adoption">
      <header className="section-header">
        <p className="eyebrow">Step 7</p>
        <h1>Adoption &amp; optimization</h1>
        <p className="lead">
          Launch is the midpoint: follow each cohort until the new way is simply how work is done.
        </p>
      </header>
      <section className="collection" aria-labelledby="adoption-chart-title">
        <h2 id="adoption-chart-title">Active users against the target</h2>
        <AdoptionChart cohorts={cohorts} usage={usage} />
      </section>
      <Lagging statuses={statuses} />
      <Cohorts statuses={statuses} />
      <ImportSection
        kind="usage"
        noun="usage"
        title="Imported usage"
        intro="A usage export with one row per cohort and day: the people active, and where the tool says, the people who did their first meaningful task."
      />
      <CollectionEditor config={cohortsConfig} />
      <FrictionRanking frictions={frictions} />
      <CollectionEditor config={frictionsConfig} />
      <Trends rows={trends} />
    </div>
  );
}

export const feature: Feature = { area: 'adoption', Screen };
