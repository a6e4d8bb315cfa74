import { licenseFlags, onlyHere, versionDrift } from '../../../../shared/areas/architecture/inventory';
import type { Inventory } from '../../../../shared/areas/architecture/schema';
import type { Workbook } from '../../../../shared/schema/workbook';
import { ProblemList } from '../../../components/ProblemList';
import { formatWhen } from '../../../components/when';
import { run } from '../../../store/actions';
import { ComponentTable, LazyDetails } from './ComponentTable';
import { DriftTable } from './DriftTable';
import { SbomImport } from './SbomImport';

// The dependency inventory: what each environment runs, read from its SBOM. Flagged first,
// because that is what a reviewer acts on: packages whose versions differ between
// environments and license expressions nobody can parse. Then each inventory in full.

export function InventoryPanel({ wb, readOnly }: { wb: Workbook; readOnly: boolean }) {
  const inventories = wb.architecture.inventories;
  const drift = versionDrift(wb);
  const envName = (id: string) =>
    wb.architecture.environments.find((e) => e.id === id)?.name ?? `(deleted) ${id}`;
  const remove = (inv: Inventory) =>
    void run({
      type: 'architecture.inventory-remove',
      environmentId: inv.environmentId,
      baseRevision: wb.revision,
    });

  return (
    <section className="collection" aria-labelledby="inventory-title" data-testid="inventory">
      <div className="collection-head">
        <div>
          <h2 id="inventory-title">Dependency inventory</h2>
          <p className="collection-intro">
            What each environment runs, from its SBOM: components, versions, package URLs and licenses. The
            file itself is not kept, only what is listed here.
          </p>
        </div>
      </div>
      <SbomImport wb={wb} readOnly={readOnly} />

      {inventories.length === 0 ? (
        <p className="collection-empty">No SBOM imported yet.</p>
      ) : (
        <>
          <h3>Version drift between environments ({drift.length})</h3>
          {drift.length === 0 ? (
            <p className="muted" data-testid="drift-none">
              {inventories.length < 2
                ? 'Import a second environment to compare versions.'
                : 'None: every package the environments share is at the same version.'}
            </p>
          ) : (
            <DriftTable drift={drift} testid="drift" />
          )}
          {inventories.map((inv) => (
            <InventoryCard
              key={inv.id}
              inv={inv}
              environment={envName(inv.environmentId)}
              only={onlyHere(wb, inv.environmentId)}
              others={inventories.length - 1}
              readOnly={readOnly}
              onRemove={() => remove(inv)}
            />
          ))}
        </>
      )}
    </section>
  );
}

interface CardProps {
  inv: Inventory;
  environment: string;
  only: number;
  others: number;
  readOnly: boolean;
  onRemove(): void;
}

function InventoryCard({ inv, environment, only, others, readOnly, onRemove }: CardProps) {
  const flags = licenseFlags(inv.components);
  const n = (x: number) => x.toLocaleString('en');
  return (
    <article className="inventory-card" data-testid={`inventory-${inv.environmentId}`}>
      <div className="inventory-head">
        <h3>{environment}</h3>
        <button
          type="button"
          className="btn small"
          disabled={readOnly}
          onClick={onRemove}
          aria-label={`Remove the inventory of ${environment}`}
          data-testid="inventory-remove"
        >
          Remove
        </button>
      </div>
      <p>
        <strong data-testid="inventory-count">{n(inv.components.length)} components</strong> from{' '}
        {inv.fileName || 'a file'} ({inv.format} {inv.specVersion}
        {inv.subject ? `, ${inv.subject}` : ''}), imported {formatWhen(inv.importedAt)} by {inv.by}.
        {others > 0 && only > 0
          ? ` ${only === 1 ? 'One package is' : `${n(only)} packages are`} in no other environment.`
          : ''}
      </p>
      {inv.leftOutCount > 0 ? (
        <details>
          <summary>{n(inv.leftOutCount)} things in the file were left out</summary>
          <ProblemList
            problems={inv.leftOut.map((l) => ({ where: l.where, message: l.reason }))}
            total={inv.leftOutCount}
            testid="inventory-left-out"
          />
        </details>
      ) : null}
      {flags.length > 0 ? (
        <div className="license-flags" data-testid="license-flags">
          <p className="strong">
            <span className="tag tag-warn">license</span>{' '}
            {flags.length === 1 ? 'One license expression' : `${flags.length} license expressions`} cannot be
            parsed:
          </p>
          <ProblemList
            problems={flags.map((f) => ({
              where: `${f.component.name}${f.component.version ? ` ${f.component.version}` : ''}`,
              message: `'${f.component.license}': ${f.problem}`,
            }))}
            testid="license-flag"
          />
        </div>
      ) : null}
      <LazyDetails summary={`All ${n(inv.components.length)} components`}>
        {() => <ComponentTable components={inv.components} testid={`components-${inv.environmentId}`} />}
      </LazyDetails>
    </article>
  );
}
