import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { IdentitySchema } from '../../shared/domain/identity';
import { toBridgeError } from '../bridge';
import { setIdentity } from '../store/actions';
import { useAppStore } from '../store/app-store';

// "Who is making this change?", asked once, on the first edit, and whenever the user clicks
// their name in the header. The answer signs every change, decision and scorecard move.

const ROLES = [
  'Incident commander',
  'Rollout owner',
  'Facilitator',
  'CAB member',
  'On-call SRE',
  'Comms lead',
  'Scribe',
];

export function IdentityDialog() {
  const request = useAppStore((s) => s.identityRequest);
  const user = useAppStore((s) => s.session?.user ?? null);
  const suggested = useAppStore((s) => s.session?.suggestedName ?? '');
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [errors, setErrors] = useState<{ name?: string; role?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when a new request opens
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (request && !dialog.open) {
      setName(user?.name ?? suggested);
      setRole(user?.role ?? '');
      setErrors({});
      dialog.showModal();
    } else if (!request && dialog.open) {
      dialog.close();
    }
  }, [request]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!request || busy) return;
    const parsed = IdentitySchema.safeParse({ name, role });
    if (!parsed.success) {
      const next: typeof errors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] === 'role' ? 'role' : 'name';
        next[key] ??= issue.message;
      }
      setErrors(next);
      return;
    }
    setBusy(true);
    try {
      await setIdentity(parsed.data);
      request.settle(true);
    } catch (err) {
      setErrors({ form: toBridgeError(err).message });
    } finally {
      setBusy(false);
    }
  };

  const first = request?.reason === 'first-edit';
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={`${id}-title`}
      data-testid="identity-dialog"
      onCancel={(e) => {
        e.preventDefault();
        request?.settle(false);
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-title`}>
          {first ? 'Before your first change: who are you?' : 'Who is making changes?'}
        </h2>
        <p className="muted">
          Every change, decision and scorecard move in this workbook is signed with your name and role, so a
          reviewer can see who did what. This is remembered on this computer.
        </p>
        <div className="field">
          <label htmlFor={`${id}-name`}>Your name</label>
          <input
            id={`${id}-name`}
            data-testid="identity-name"
            value={name}
            autoComplete="name"
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? `${id}-name-error` : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {errors.name ? (
            <p id={`${id}-name-error`} className="field-error">
              {errors.name}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>Your role in this rollout</label>
          <input
            id={`${id}-role`}
            data-testid="identity-role"
            value={role}
            list={`${id}-roles`}
            placeholder="e.g. Incident commander"
            aria-invalid={errors.role ? true : undefined}
            aria-describedby={errors.role ? `${id}-role-error` : undefined}
            onChange={(e) => setRole(e.target.value)}
          />
          <datalist id={`${id}-roles`}>
            {ROLES.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
          {errors.role ? (
            <p id={`${id}-role-error`} className="field-error">
              {errors.role}
            </p>
          ) : null}
        </div>
        {errors.form ? (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="btn primary" data-testid="identity-save" disabled={busy}>
            {first ? 'Save and make the change' : 'Save'}
          </button>
          <button
            type="button"
            className="btn"
            data-testid="identity-cancel"
            onClick={() => request?.settle(false)}
          >
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
