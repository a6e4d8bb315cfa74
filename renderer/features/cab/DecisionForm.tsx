import { type FormEvent, useId, useState } from 'react';
import { DECISION_LABEL } from '../../../shared/areas/cab/review-commands';
import { DECISIONS, type DecisionKind } from '../../../shared/areas/cab/schema';
import type { Workbook } from '../../../shared/schema/workbook';
import { toBridgeError } from '../../bridge';
import { pushToast, requestIdentity, useAppStore } from '../../store/app-store';
import { cabCall } from './cab-actions';

// A reviewer's decision on the plan on screen: approve, approve with conditions, reject or
// defer, always with a comment. It carries the hash of the plan this window shows; the host
// hashes its own copy and refuses if they differ, so nobody approves a plan they did not see.

interface Props {
  wb: Workbook;
  /** The plan's hash in this window; null while it is being worked out. */
  hash: string | null;
}

export function DecisionForm({ wb, hash }: Props) {
  const id = useId();
  const user = useAppStore((s) => s.session?.user ?? null);
  const readOnly = useAppStore((s) => s.session?.file?.readOnly ?? false);
  const [decision, setDecision] = useState<DecisionKind>('approve');
  const [conditions, setConditions] = useState('');
  const [comment, setComment] = useState('');
  const [refusal, setRefusal] = useState<{ message: string; where: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!hash) return;
    if (!comment.trim()) {
      setRefusal({ message: 'Say why: every decision needs a comment.', where: 'comment' });
      return;
    }
    setBusy(true);
    setRefusal(null);
    try {
      await cabCall('cab:record-decision', {
        decision,
        conditions: decision === 'approve-with-conditions' ? conditions : '',
        comment,
        reviewedHash: hash,
        baseRevision: wb.revision,
      });
      setComment('');
      setConditions('');
      pushToast('success', `${DECISION_LABEL[decision]}: recorded against plan ${hash.slice(0, 12)}.`);
    } catch (err) {
      const { message, where } = toBridgeError(err);
      setRefusal({ message, where });
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (field: string) => (refusal && refusal.where === field ? refusal.message : null);
  const formError = refusal && !['comment', 'conditions'].includes(refusal.where) ? refusal.message : null;

  return (
    <form
      className="collection decision-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="decision-form"
    >
      <div className="collection-head">
        <div>
          <h2 id={`${id}-title`}>Your decision</h2>
          <p className="collection-intro">
            {user ? (
              <>
                Signed as <strong data-testid="decision-signer">{user.name}</strong> ({user.role}).{' '}
              </>
            ) : (
              'You will be asked your name first. '
            )}
            <button type="button" className="link-button" onClick={() => void requestIdentity('change')}>
              {user ? 'Not you?' : 'Say who you are'}
            </button>
          </p>
        </div>
      </div>
      {readOnly ? (
        <p className="form-warning" data-testid="decision-read-only">
          This copy is read-only here, so decisions cannot be recorded in it. Save an editable copy from the
          Workbook &amp; files page, review it there, then export your decisions to the owner.
        </p>
      ) : null}
      <fieldset className="decision-choices">
        <legend>Decision</legend>
        {DECISIONS.map((d) => (
          <label key={d} className="check">
            <input
              type="radio"
              name={`${id}-decision`}
              value={d}
              checked={decision === d}
              onChange={() => setDecision(d)}
              data-testid={`decision-${d}`}
            />
            {DECISION_LABEL[d]}
          </label>
        ))}
      </fieldset>
      {decision === 'approve-with-conditions' ? (
        <div className="field">
          <label htmlFor={`${id}-conditions`}>Conditions</label>
          <textarea
            id={`${id}-conditions`}
            rows={2}
            value={conditions}
            maxLength={2000}
            onChange={(e) => setConditions(e.target.value)}
            aria-invalid={errorFor('conditions') ? true : undefined}
            aria-describedby={errorFor('conditions') ? `${id}-conditions-error` : undefined}
            data-testid="decision-conditions"
          />
          {errorFor('conditions') ? (
            <p id={`${id}-conditions-error`} className="field-error" data-testid="decision-conditions-error">
              {errorFor('conditions')}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-comment`}>
          Comment<span aria-hidden="true"> *</span>
        </label>
        <textarea
          id={`${id}-comment`}
          rows={3}
          value={comment}
          maxLength={2000}
          required
          placeholder="What you checked, and why you decided this way"
          onChange={(e) => setComment(e.target.value)}
          aria-invalid={errorFor('comment') ? true : undefined}
          aria-describedby={errorFor('comment') ? `${id}-comment-error` : undefined}
          data-testid="decision-comment"
        />
        {errorFor('comment') ? (
          <p id={`${id}-comment-error`} className="field-error" data-testid="decision-comment-error">
            {errorFor('comment')}
          </p>
        ) : null}
      </div>
      {formError ? (
        <p className="form-error" role="alert" data-testid="decision-error">
          {formError}
        </p>
      ) : null}
      <div className="form-actions">
        <button
          type="submit"
          className="btn primary"
          disabled={!hash || busy || readOnly}
          data-testid="decision-submit"
        >
          {hash ? 'Record decision' : 'Working out the plan’s hash…'}
        </button>
        {hash ? (
          <span className="muted small">
            On plan <code data-testid="review-hash">{hash.slice(0, 12)}</code>, revision {wb.revision}
          </span>
        ) : null}
      </div>
    </form>
  );
}
