import { useEffect, useId, useState } from 'react';
import { MAX_DECISION_FILE_BYTES } from '../../../shared/areas/cab/decision-file';
import { DECISION_LABEL } from '../../../shared/areas/cab/review-commands';
import type { DecisionFileCheck, ReviewerKeyInfo } from '../../../shared/contract';
import { formatBytes } from '../../../shared/domain/format';
import { toBridgeError } from '../../bridge';
import { FilePicker } from '../../components/FilePicker';
import { formatWhen } from '../../components/when';
import { saveFile } from '../../export/save-file';
import { pushToast } from '../../store/app-store';
import { cabCall } from './cab-actions';

// Decisions travelling offline. A reviewer exports theirs as a small file signed with their own
// key, and reads out its fingerprint on the phone. The owner picks the file: the host checks the
// signature and the workbook, shows who signed it and what it would record, and records nothing
// until the owner confirms (having compared the fingerprint with the one read out).

/** This machine's reviewer key: its fingerprint, to read out so owners can trust your files. */
export function ReviewerKey() {
  const [key, setKey] = useState<ReviewerKeyInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    cabCall('cab:reviewer-key', undefined).then(setKey, (err) => setError(toBridgeError(err).message));
  }, []);
  if (error) return <p className="field-error">{error}</p>;
  return (
    <p className="reviewer-key">
      Your key’s fingerprint:{' '}
      <code className="fingerprint" data-testid="reviewer-fingerprint">
        {key?.fingerprint ?? '…'}
      </code>
      <span className="muted small"> Read it out to the owner on the phone; theirs will show the same.</span>
    </p>
  );
}

export function ExportDecisions() {
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const file = await cabCall('cab:export-decisions', undefined);
      saveFile(file.fileName, file.text, 'application/json');
      pushToast(
        'success',
        `Signed ${file.count} decision${file.count === 1 ? '' : 's'} into ${file.fileName}.`,
      );
    } catch (err) {
      pushToast('error', toBridgeError(err).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="btn" disabled={busy} onClick={save} data-testid="export-decisions">
      Export my decisions (signed)
    </button>
  );
}

const STATUS = {
  new: 'Will be recorded',
  stale: 'Will be recorded, flagged: made on an earlier version',
  duplicate: 'Already here: skipped',
};

export function ImportDecisions() {
  const id = useId();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [check, setCheck] = useState<DecisionFileCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = async (picked: File) => {
    setCheck(null);
    setError(null);
    if (picked.size > MAX_DECISION_FILE_BYTES) {
      setError(
        `${picked.name} is ${formatBytes(picked.size)}; a decision file is at most ${formatBytes(MAX_DECISION_FILE_BYTES)}.`,
      );
      return;
    }
    const text = await picked.text();
    setFile({ name: picked.name, text });
    setBusy(true);
    try {
      setCheck(await cabCall('cab:check-decision-file', { text }));
    } catch (err) {
      setError(`${picked.name}: ${toBridgeError(err).message}`);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const done = await cabCall('cab:import-decisions', { text: file.text });
      const parts = [
        `Recorded ${done.imported} decision${done.imported === 1 ? '' : 's'} from ${done.reviewer}`,
        done.stale > 0 ? `${done.stale} made on an earlier version (re-review)` : '',
        done.duplicates > 0 ? `${done.duplicates} already here, skipped` : '',
      ].filter(Boolean);
      pushToast('success', `${parts.join('; ')}.`);
      setCheck(null);
      setFile(null);
    } catch (err) {
      setError(toBridgeError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="decision-import" data-testid="import-decisions">
      <FilePicker
        label="Import a decision file…"
        hint="A .decisions.json file a reviewer exported and sent you."
        accept=".json,application/json"
        testid="decision-file"
        disabled={busy}
        onFile={(f) => void pick(f)}
      />
      {error ? (
        <p className="form-error" role="alert" data-testid="decision-file-error">
          {error}
        </p>
      ) : null}
      {check ? (
        <section className="decision-check" aria-labelledby={`${id}-title`} data-testid="decision-file-check">
          <h3 id={`${id}-title`}>
            Signed by {check.reviewer.name}
            {check.reviewer.role ? ` (${check.reviewer.role})` : ''}
          </h3>
          <p>
            Key fingerprint{' '}
            <code className="fingerprint" data-testid="decision-file-fingerprint">
              {check.fingerprint}
            </code>
            . Before you record anything, ask {check.reviewer.name} to read theirs out: they must match.
          </p>
          <ul>
            {check.decisions.map((d) => (
              <li key={d.id} data-testid="decision-file-entry" data-status={d.status}>
                <strong>{DECISION_LABEL[d.decision]}</strong> ({formatWhen(d.at)}): {d.comment}
                {d.conditions ? ` Conditions: ${d.conditions}` : ''} — <em>{STATUS[d.status]}</em>
              </li>
            ))}
          </ul>
          <div className="form-actions">
            <button
              type="button"
              className="btn primary"
              disabled={busy}
              onClick={confirm}
              data-testid="decision-file-confirm"
            >
              The fingerprints match: record these decisions
            </button>
            <button type="button" className="btn" onClick={() => setCheck(null)}>
              Cancel
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
