import { type FormEvent, useId, useState } from 'react';
import { shortHash } from '../../../shared/areas/cab/content';
import { cabPacket } from '../../../shared/areas/cab/packet';
import type { WorkbookComparison } from '../../../shared/contract';
import { formatBytes } from '../../../shared/domain/format';
import { MAX_WORKBOOK_BYTES } from '../../../shared/domain/limits';
import type { Workbook } from '../../../shared/schema/workbook';
import { toBridgeError } from '../../bridge';
import { FilePicker } from '../../components/FilePicker';
import { formatWhen } from '../../components/when';
import { ExportButtons } from '../../export/ExportButtons';
import { pushToast, useAppStore } from '../../store/app-store';
import { cabCall } from './cab-actions';
import { planHash } from './content-hash';
import { SectionDiffView } from './SectionDiffView';

// Sending the change to the board and reading what came back: submit this version of the plan
// (kept, so later decisions on it are recognised and what changed since can be shown), export
// the CAB packet, and compare with another copy of the workbook (the one sent, say).

export function SubmitPanel({ wb, hash }: { wb: Workbook; hash: string | null }) {
  const id = useId();
  const readOnly = useAppStore((s) => s.session?.file?.readOnly ?? false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submitted = wb.cab.versions.filter((v) => v.kind === 'submitted');
  const last = submitted.at(-1);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!hash) return;
    setBusy(true);
    setError(null);
    try {
      await cabCall('cab:submit-for-review', {
        note: note.trim(),
        reviewedHash: hash,
        baseRevision: wb.revision,
      });
      setNote('');
      pushToast('success', `Submitted plan ${hash.slice(0, 12)} for review.`);
    } catch (err) {
      setError(toBridgeError(err).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="inline-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="submit-panel"
    >
      <h3 id={`${id}-title`}>Submit for review</h3>
      <p className="muted small">
        {last
          ? `Last submitted by ${last.by}, ${formatWhen(last.at)} (plan ${shortHash(last.hash)})${last.hash === hash ? ': unchanged since.' : '; the plan has changed since.'}`
          : 'Submitting keeps this version of the plan, so decisions made on it come back recognised, and changes since can be shown.'}
      </p>
      <label htmlFor={`${id}-note`}>Note (optional)</label>
      <div className="input-row">
        <input
          id={`${id}-note`}
          value={note}
          maxLength={500}
          disabled={readOnly}
          onChange={(e) => setNote(e.target.value)}
          placeholder="e.g. For Thursday’s CAB"
        />
        <button
          type="submit"
          className="btn"
          disabled={readOnly || busy || !hash}
          data-testid="submit-for-review"
        >
          Submit this version
        </button>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

export function PacketPanel() {
  const build = async () => {
    const { session } = useAppStore.getState();
    const wb = session?.workbook;
    if (!wb) throw new Error('No workbook is open.');
    return cabPacket(wb, { now: Date.now(), currentHash: await planHash(wb), by: session.user });
  };
  return (
    <div className="packet-panel">
      <h3>CAB packet</h3>
      <p className="muted small">
        For people without the app: the summary, the risk and why, the rollback plan, dependency changes, the
        scorecard, and every decision with the hash of the plan it was made on. Printable, no script.
      </p>
      <ExportButtons build={build} testid="packet" />
    </div>
  );
}

export function ComparePanel() {
  const [result, setResult] = useState<WorkbookComparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pick = async (file: File) => {
    setError(null);
    setResult(null);
    if (file.size > MAX_WORKBOOK_BYTES) {
      setError(
        `${file.name} is ${formatBytes(file.size)}; a workbook is at most ${formatBytes(MAX_WORKBOOK_BYTES)}.`,
      );
      return;
    }
    setBusy(true);
    try {
      setResult(await cabCall('workbook:compare', { fileName: file.name, text: await file.text() }));
    } catch (err) {
      setError(toBridgeError(err).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="compare-panel" data-testid="compare">
      <h3>Compare with another copy</h3>
      <FilePicker
        label="Choose a workbook file…"
        hint="The copy sent to the board, for example: see what changed since, section by section."
        accept=".json,application/json"
        testid="compare-file"
        disabled={busy}
        onFile={(f) => void pick(f)}
      />
      {error ? (
        <p className="form-error" role="alert" data-testid="compare-error">
          {error}
        </p>
      ) : null}
      {result ? (
        <div data-testid="compare-result">
          <p>
            From <strong>{result.fileName}</strong> ({result.name}, revision {result.revision}, saved{' '}
            {formatWhen(result.savedAt)}) to the open workbook
            {result.sameWorkbook ? '' : ' — note: these are two different workbooks, not copies of one'}:
          </p>
          <SectionDiffView sections={result.sections} testid="compare-diff" />
        </div>
      ) : null}
    </div>
  );
}
