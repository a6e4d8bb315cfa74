import { CollectionEditor } from '../../components/collection/CollectionEditor';
import { useAppStore } from '../../store/app-store';
import { environmentsConfig, flagsConfig, parityConfig, rollbackConfig } from './architecture-collections';
import { BlastRadiusPanel } from './BlastRadiusPanel';
import { DeliveryPanel } from './DeliveryPanel';
import { InventoryPanel } from './inventory/InventoryPanel';
import { ParityChecklist } from './ParityChecklist';
import { ReadinessPanel } from './ReadinessPanel';
import './architecture.css';

/** Checklist step 2: a rollout architecture, not just a release plan. */
export function ArchitectureScreen() {
  const wb = useAppStore((s) => s.session?.workbook);
  const readOnly = useAppStore((s) => s.session?.file?.readOnly ?? false);
  if (!wb) return null;
  return (
    <div className="section-page" data-testid="section-architecture">
      <header className="section-header">
        <p className="eyebrow">Step 2</p>
        <h1>Rollout architecture</h1>
        <p className="lead">
          How the release gets to production, how exposure grows, and how you get back: documented, and
          rehearsed before rollout day.
        </p>
      </header>
      <ReadinessPanel wb={wb} />
      <CollectionEditor config={environmentsConfig} />
      <section className="collection" aria-labelledby="parity-title">
        <h2 id="parity-title">Parity with production</h2>
        <p className="collection-intro">
          Every environment you rehearse in, checked against production aspect by aspect.
        </p>
        <ParityChecklist wb={wb} />
      </section>
      <CollectionEditor config={parityConfig} />
      <DeliveryPanel wb={wb} readOnly={readOnly} />
      <CollectionEditor config={flagsConfig} />
      <CollectionEditor config={rollbackConfig} />
      <BlastRadiusPanel wb={wb} readOnly={readOnly} />
      <InventoryPanel wb={wb} readOnly={readOnly} />
    </div>
  );
}
