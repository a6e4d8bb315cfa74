import { CollectionEditor } from '../../components/collection/CollectionEditor';
import { useNow } from '../../components/use-now';
import { ImportSection } from '../../import/ImportSection';
import { useAppStore } from '../../store/app-store';
import { DoraPanel } from './dora/DoraPanel';
import { deploymentsConfig } from './dora/deployment-collection';
import { WaveCard } from './WaveCard';
import { metricsConfig, wavesConfig } from './wave-collections';
import './waves.css';

/** Checklist step 5: waves promoted by objective signals, not optimism. */
export function WavesScreen() {
  const wb = useAppStore((s) => s.session?.workbook);
  const readOnly = useAppStore((s) => s.session?.file?.readOnly ?? false);
  const now = useNow();
  if (!wb) return null;
  return (
    <div className="section-page" data-testid="section-waves">
      <header className="section-header">
        <p className="eyebrow">Step 5</p>
        <h1>Waves &amp; signals</h1>
        <p className="lead">
          Each wave is promoted only when its hold is over and every stop condition gating it passes on fresh
          readings.
        </p>
      </header>
      {wb.waves.waves.length === 0 ? (
        <p className="collection-empty">Plan the first wave below to start.</p>
      ) : (
        wb.waves.waves.map((w) => <WaveCard key={w.id} wb={wb} wave={w} now={now} readOnly={readOnly} />)
      )}
      <ImportSection
        kind="readings"
        noun="readings"
        title="Imported readings"
        intro="Readings exported from a dashboard as CSV land in the metrics of the wave that was live at their time."
      />
      <DoraPanel wb={wb} now={now} />
      <CollectionEditor config={wavesConfig} />
      <CollectionEditor config={metricsConfig} />
      <CollectionEditor config={deploymentsConfig} />
      <ImportSection
        kind="deployments"
        noun="deployments"
        title="Imported deployments"
        intro="A pipeline’s export, one row per deployment or per commit deployed: production rows become deployments with the changes they shipped."
      />
    </div>
  );
}
