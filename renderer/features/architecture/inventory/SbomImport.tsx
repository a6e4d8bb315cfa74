import { useState } from 'react';
import { MAX_LEFT_OUT_KEPT } from '../../../../shared/areas/architecture/schema';
import type { Workbook } from '../../../../shared/schema/workbook';
import { newId } from '../../../components/collection/draft';
import { FilePicker } from '../../../components/FilePicker';
import { ImportProgress } from '../../../components/ImportProgress';
import { useCommand } from '../../../components/use-command';
import { pushToast } from '../../../store/app-store';
import { SbomPreview } from './SbomPreview';
import { type ReaderState, useSbomReader } from './use-sbom-reader';

// Importing an SBOM for one environment: pick the environment and the file; the file is read
// in a worker with progress; a file that cannot be used is refused with its reason and where;
// one that can is previewed (what comes in, what is left out, what it flags) and nothing is
// imported until the import is confirmed. The host checks what is sent once more.

const PHASE: Record<Extract<ReaderState, { kind: 'reading' }>['phase'], string> = {
  reading: 'Reading',
  parsing: 'Parsing the JSON of',
  components: 'Reading the components of',
};

export function SbomImport({ wb, readOnly }: { wb: Workbook; readOnly: boolean }) {
  const envs = wb.architecture.environments;
  const [envId, setEnvId] = useState(envs[0]?.id ?? '');
  const environment = envs.find((e) => e.id === envId) ?? envs[0];
  const { state, read, reset } = useSbomReader();
  const { error, busy, run } = useCommand();

  if (envs.length === 0) {
    return <p className="collection-empty">Add an environment above to import its SBOM.</p>;
  }

  const confirm = async () => {
    if (state.kind !== 'read' || !environment) return;
    const { sbom } = state;
    await run(
      {
        type: 'architecture.inventory-import',
        id: newId('inv'),
        environmentId: environment.id,
        fileName: state.fileName.slice(0, 260),
        format: sbom.format,
        specVersion: sbom.specVersion,
        subject: sbom.subject,
        tools: sbom.tools,
        components: sbom.components,
        leftOut: sbom.leftOut.slice(0, MAX_LEFT_OUT_KEPT),
        leftOutCount: sbom.leftOut.length,
      },
      () => {
        pushToast(
          'success',
          `Imported ${sbom.components.length.toLocaleString('en')} components for ${environment.name}`,
        );
        reset();
      },
    );
  };

  return (
    <div className="sbom-import" data-testid="sbom-import">
      <div className="sbom-pick">
        <div className="field">
          <label htmlFor="sbom-env">Environment</label>
          <select
            id="sbom-env"
            data-testid="sbom-env"
            value={environment?.id}
            disabled={readOnly || state.kind === 'reading'}
            onChange={(e) => setEnvId(e.target.value)}
          >
            {envs.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </div>
        <FilePicker
          label="Choose an SBOM file…"
          hint="CycloneDX 1.2–1.6 or SPDX 2.2/2.3, as JSON, up to 50 MB."
          accept=".json,application/json"
          testid="sbom-file"
          disabled={readOnly || state.kind === 'reading' || busy}
          onFile={read}
        />
      </div>

      {state.kind === 'reading' ? (
        <ImportProgress
          label={`${PHASE[state.phase]} ${state.fileName}`}
          detail={progressDetail(state)}
          fraction={state.total > 0 ? state.done / state.total : null}
          testid="sbom-progress"
          onCancel={reset}
        />
      ) : null}

      {state.kind === 'refused' ? (
        <div className="form-error sbom-refused" role="alert" data-testid="sbom-refused">
          <p>
            <strong>{state.fileName}</strong> was not imported:{' '}
            <span data-testid="sbom-refused-reason">{state.refusal.reason}</span>
          </p>
          {state.refusal.where ? (
            <p>
              Where: <code data-testid="sbom-refused-where">{state.refusal.where}</code>
            </p>
          ) : null}
          <p>Nothing was changed.</p>
          <button type="button" className="btn small" onClick={reset}>
            OK
          </button>
        </div>
      ) : null}

      {state.kind === 'read' && environment ? (
        <SbomPreview
          wb={wb}
          environment={environment}
          fileName={state.fileName}
          sbom={state.sbom}
          busy={busy}
          error={error}
          readOnly={readOnly}
          onConfirm={() => void confirm()}
          onCancel={reset}
        />
      ) : null}
    </div>
  );
}

function progressDetail(state: Extract<ReaderState, { kind: 'reading' }>): string {
  const n = (x: number) => x.toLocaleString('en');
  if (state.phase === 'reading')
    return `${n(Math.round(state.done / 1024))} of ${n(Math.round(state.total / 1024))} KB`;
  if (state.phase === 'components') return `${n(state.done)} of ${n(state.total)} components`;
  return '';
}
