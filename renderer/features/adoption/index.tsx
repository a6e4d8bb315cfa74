import { useMemo } from 'react';
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

// Checklist step 7: launch is the midpoint. Is adoption sticking, who is falling behind and what
// is being done about it, what still costs people time, and is it all holding after 30–90 days?

function Screen() {
  const wb = useAppStore((s) => s.session?.workbook);
  const { cohorts, usage, frictions } = wb?.adoption ?? { cohorts: [], usage: [], frictions: [] };
  // Computed once per change of the lists: a usage export can hold 100,000 rows.
  const statuses = useMemo(() => cohortStatuses(cohorts, usage), [cohorts, usage]);
  // Keyed on the lists themselves, not the workbook: any other edit leaves the trends as they were.
  const stops = wb?.success.stopConditions;
  const readings = wb?.waves.readings;
  const trends = useMemo(
    () => [...adoptionTrends(cohorts, usage), ...reliabilityTrends(stops ?? [], readings ?? [])],
    [cohorts, usage, stops, readings],
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
      <LaggingPanel statuses={statuses} />
      <CohortTable statuses={statuses} />
      <ImportSection
        kind="usage"
        noun="usage"
        title="Imported usage"
        intro="A usage export with one row per cohort and day: the people active, and where the tool says, the people who did their first meaningful task."
      />
      <CollectionEditor config={cohortsConfig} />
      <FrictionRanking frictions={frictions} />
      <CollectionEditor config={frictionsConfig} />
      <TrendTable rows={trends} />
    </div>
  );
}

export const feature: Feature = { area: 'adoption', Screen };
