import { driftWith, licenseFlags } from '../../../../shared/areas/architecture/inventory';
import type { SbomContents } from '../../../../shared/areas/architecture/sbom/types';
import type { Environment } from '../../../../shared/areas/architecture/schema';
import type { Workbook } from '../../../../shared/schema/workbook';
import { ProblemList } from '../../../components/ProblemList';
import { formatWhen } from '../../../components/when';
import { ComponentTable, LazyDetails } from './ComponentTable';
import { DriftTable } from './DriftTable';

// What an import would do, before it does it: what comes in (and what it replaces), what was
// left out of the file and why, which license expressions cannot be parsed, and which packages
// would then differ in version from the other environments. Nothing is imported until Import.

interface Props {
  wb: Workbook;
  environment: Environment;
  fileName: string;
  sbom: SbomContents;
  busy: boolean;
  error: string | null;
  readOnly: boolean;
  onConfirm(): void;
  onCancel(): void;
}

const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export function SbomPreview({
  wb,
  environment,
  fileName,
  sbom,
  busy,
  error,
  readOnly,
  onConfirm,
  onCancel,
}: Props) {
  const old = wb.architecture.inventories.find((i) => i.environmentId === environment.id);
  const flags = licenseFlags(sbom.components);
  const drift = driftWith(wb, { environmentId: environment.id, components: sbom.components });
  const nested = sbom.components.filter((c) => c.parent !== undefined).length;

  return (
    <section className="sbom-preview" aria-labelledby="sbom-preview-title" data-testid="sbom-preview">
      <h3 id="sbom-preview-title">Before you import {fileName}</h3>
      <dl className="facts-inline">
        <div>
          <dt>Format</dt>
          <dd data-testid="preview-format">
            {sbom.format} {sbom.specVersion}
          </dd>
        </div>
        <div>
          <dt>Describes</dt>
          <dd>{sbom.subject || '—'}</dd>
        </div>
        <div>
          <dt>Made by</dt>
          <dd>{sbom.tools || '—'}</dd>
        </div>
      </dl>
      <p className="preview-what" data-testid="preview-what">
        <strong>{count(sbom.components.length, 'component')}</strong> will be imported for{' '}
        <strong>{environment.name}</strong>
        {nested > 0 ? ` (${count(nested, 'nested in another', 'nested in others')})` : ''}.
        {old ? (
          <>
            {' '}
            They replace the {count(old.components.length, 'component')} imported from{' '}
            {old.fileName || 'a file'} on {formatWhen(old.importedAt)} by {old.by}.
          </>
        ) : null}
      </p>

      <h4>Left out of the file ({sbom.leftOut.length})</h4>
      {sbom.leftOut.length === 0 ? (
        <p className="muted" data-testid="preview-left-out-none">
          Nothing: every component in the file comes in.
        </p>
      ) : (
        <ProblemList
          problems={sbom.leftOut.map((l) => ({ where: l.where, message: l.reason }))}
          testid="preview-left-out"
        />
      )}
      {sbom.notices.length > 0 ? (
        <ul className="notices" data-testid="preview-notices">
          {sbom.notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}

      <h4>License expressions that cannot be parsed ({flags.length})</h4>
      {flags.length === 0 ? (
        <p className="muted">None: every license given as an SPDX expression parses.</p>
      ) : (
        <ProblemList
          problems={flags.map((f) => ({
            where: `${f.component.name}${f.component.version ? ` ${f.component.version}` : ''}`,
            message: `'${f.component.license}': ${f.problem}`,
          }))}
          testid="preview-license-flags"
        />
      )}

      <h4>Versions that would differ from other environments ({drift.length})</h4>
      {drift.length === 0 ? (
        <p className="muted">
          {wb.architecture.inventories.some((i) => i.environmentId !== environment.id)
            ? 'None: every package these environments share is at the same version.'
            : 'No other environment has an inventory to compare with yet.'}
        </p>
      ) : (
        <DriftTable drift={drift} testid="preview-drift" />
      )}

      <LazyDetails summary={`What comes in: all ${count(sbom.components.length, 'component')}`}>
        {() => <ComponentTable components={sbom.components} testid="preview-components" />}
      </LazyDetails>

      {error ? (
        <p className="form-error" role="alert" data-testid="sbom-import-error">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          className="btn primary"
          data-testid="sbom-confirm"
          disabled={busy || readOnly}
          onClick={onConfirm}
        >
          Import {count(sbom.components.length, 'component')}
        </button>
        <button type="button" className="btn" data-testid="sbom-cancel" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
